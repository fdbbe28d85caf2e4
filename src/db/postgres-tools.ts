// PostgreSQL's own programs (pg_dump, pg_restore) for backups, of the server's major version when the machine has it.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { AppError } from '../http/errors.js';

const run = promisify(execFile);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a program is: Debian's /usr/lib/postgresql/<major>/bin for the server's major version,
 * then Debian's other versions, newest first (a newer pg_dump reads an older server), else the
 * bare name, which the shell's PATH resolves.
 */
export function findPostgresProgram(program: string, serverMajor: number): string {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)).map(Number).sort((a, b) => b - a) : [];
  const ordered = [serverMajor, ...versions.filter((v) => v !== serverMajor)];
  return ordered.map((v) => join(debian, String(v), 'bin', program)).find(executable) ?? program;
}

/** Runs one query on a connection of its own, for the few questions a backup asks outside Kysely. */
export async function queryPostgres<Row>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row & pg.QueryResultRow>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The server's major version (15 for 15.8). */
export async function serverMajorVersion(url: string): Promise<number> {
  const [row] = await queryPostgres<{ server_version_num: string }>(url, 'show server_version_num');
  return Math.floor(Number(row?.server_version_num ?? '0') / 10000);
}

/** Runs pg_dump or pg_restore; a failure throws with the program's own message. */
export async function runPostgresProgram(url: string, program: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  const major = await serverMajorVersion(url);
  // The password goes in the program's environment, not on its command line, where `ps` shows it to every user.
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  // eslint-disable-next-line no-restricted-properties -- not configuration: the program inherits our environment (PATH, HOME, locale), plus the password
  const env = password === '' ? undefined : { ...process.env, PGPASSWORD: password };
  try {
    await run(findPostgresProgram(program, major), [...args, `--dbname=${parsed.toString()}`], { maxBuffer: 16 * 1024 * 1024, env });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new AppError('bad_request', `${program} was not found: install PostgreSQL ${major}'s client programs (Debian: postgresql-client-${major}) or put ${program} on PATH.`);
    }
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? '';
    throw new AppError('internal', `${program} failed: ${stderr === '' ? String(error) : stderr}`);
  }
}
