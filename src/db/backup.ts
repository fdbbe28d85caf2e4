// `bindery backup` and `restore`: the database and the data folder in one .tar.gz (docs/decisions/041-backups.md).
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError } from '../http/errors.js';
import { writeTarGz, type TarSource } from '../lib/tar.js';
import type { Dialect } from './connect.js';
import { queryPostgres, runPostgresProgram } from './postgres-tools.js';

/** Where the archive keeps what a backup holds: its DATABASE_URL and DATA_DIR. */
export type BackupPlace = { databaseUrl: string; dataDir: string };

/** What a backup says about itself, in manifest.json, its first entry. */
export type Manifest = { format: 1; dialect: Dialect; createdAt: string; migrations: string[] };

/** Caches under DATA_DIR, rebuilt on demand, so left out of a backup. */
const CACHES = new Set(['downloads', 'image-cache']);
/** The database's entry in the tar, by dialect. */
export const DATABASE_ENTRY = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;

/** Which database a DATABASE_URL names. */
export function dialectOfUrl(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** The SQLite file a sqlite: URL names. */
export function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite:'.length));
}

/** Runs `body` with a temporary folder, deleted afterwards. */
export async function withWorkDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bindery-backup-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sqliteMigrations(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    const found = db.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
    return found === undefined ? [] : db.prepare<[], { name: string }>('select name from kysely_migration order by name').all().map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Copies the database into `target`: SQLite through its online backup on a connection of its own, PostgreSQL through pg_dump. */
async function dumpDatabase(url: string, target: string): Promise<string[]> {
  if (dialectOfUrl(url) === 'postgres') {
    const rows = await queryPostgres<{ name: string }>(url, "select name from kysely_migration where to_regclass('kysely_migration') is not null order by name");
    await runPostgresProgram(url, 'pg_dump', ['--format=custom', `--file=${target}`]);
    return rows.map((r) => r.name);
  }
  const path = sqlitePath(url);
  if (!existsSync(path)) throw new AppError('bad_request', `There is no database at ${path} to back up.`);
  const source = new SQLite(path, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target);
  } finally {
    source.close();
  }
  return sqliteMigrations(target);
}

/** The data folder's files a backup keeps: all but the caches, the SQLite database and the backup being written. */
async function dataFiles(dataDir: string, skip: ReadonlySet<string>, dir = dataDir): Promise<TarSource[]> {
  if (!existsSync(dir)) return [];
  const files: TarSource[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = relative(dataDir, path).split(sep).join('/');
    if (skip.has(path) || (dir === dataDir && CACHES.has(entry.name))) continue;
    if (entry.isDirectory()) files.push(...await dataFiles(dataDir, skip, path));
    else if (entry.isFile()) files.push({ name: `data/${name}`, path });
  }
  return files;
}

/** Writes a backup of the archive to `file`; safe while the archive serves. */
export async function createBackup(place: BackupPlace, file: string): Promise<Manifest> {
  const dialect = dialectOfUrl(place.databaseUrl);
  const target = resolve(file);
  return withWorkDir(async (work) => {
    const database = join(work, DATABASE_ENTRY[dialect]);
    const migrations = await dumpDatabase(place.databaseUrl, database);
    const manifest: Manifest = { format: 1, dialect, createdAt: new Date().toISOString(), migrations };
    await writeFile(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const db = dialect === 'sqlite' ? sqlitePath(place.databaseUrl) : '';
    const skip = new Set([target, `${target}.partial`, db, `${db}-wal`, `${db}-shm`, `${db}-journal`]);
    const files = [{ name: 'manifest.json', path: join(work, 'manifest.json') }, { name: DATABASE_ENTRY[dialect], path: database }, ...await dataFiles(resolve(place.dataDir), skip)];
    // Written beside the target and renamed, so a backup cut short never looks like a whole one.
    await writeTarGz(`${target}.partial`, files);
    await rename(`${target}.partial`, target);
    return manifest;
  });
}
