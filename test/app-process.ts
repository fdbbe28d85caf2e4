// The archive as an operator runs it: `src/main.ts` in a process of its own, on a database of its
// own (a SQLite file, or a new PostgreSQL database on the test cluster), answering on a real port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Dialect } from '../src/db/connect.js';

/** A database no other test uses, and how to remove it. */
export type OwnDatabase = { url: string; dataDir: string; drop: () => Promise<void> };

async function onServer(server: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

/** A new, empty database under `root`: a SQLite file in a folder of its own, or a new PostgreSQL database. */
export async function ownDatabase(dialect: Dialect, root: string): Promise<OwnDatabase> {
  const dataDir = join(root, randomBytes(4).toString('hex'));
  mkdirSync(dataDir);
  if (dialect === 'sqlite') return { url: `sqlite:${join(dataDir, 'bindery.sqlite')}`, dataDir, drop: () => Promise.resolve() };
  const server = inject('testDatabaseUrl') ?? '';
  const name = `own_${randomBytes(5).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.href, dataDir, drop: () => onServer(server, `drop database ${name} with (force)`) };
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type AppProcess = {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote, standard output then error, so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** Sends a signal and waits for the process to go. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
};

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

/** Starts the archive on a database and resolves once /healthz answers (rejects, with its output, if it exits first). */
export async function startApp(database: OwnDatabase, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH, DATABASE_URL: database.url, DATA_DIR: database.dataDir, PORT: String(port), HOST: '127.0.0.1',
      LOG_LEVEL: 'warn', RATE_LIMIT: 'off', RATE_LIMIT_MEMBERS: 'off', SIGNUP_LIMIT: 'off', EBOOK_CONVERT: 'off', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const state: { gone: number | string | null } = { gone: null };
  void exited.then((how) => { state.gone = how; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(`${baseUrl}/healthz`))) {
    if (state.gone !== null) throw new Error(`the app exited (${state.gone}) before answering:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (state.gone === null) child.kill(signal);
    return exited;
  };
  return { baseUrl, child, output: () => out, exited, stop };
}
