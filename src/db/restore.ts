// `bindery restore`: puts a backup's database and data folder back (docs/decisions/041-backups.md).
import { existsSync, mkdirSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError } from '../http/errors.js';
import { readTarGz } from '../lib/tar.js';
import type { Dialect } from './connect.js';
import { DATABASE_ENTRY, dialectOfUrl, sqlitePath, withWorkDir, type BackupPlace, type Manifest } from './backup.js';
import { queryPostgres, runPostgresProgram } from './postgres-tools.js';

const NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** A tar entry's path under the work folder, or null for a name a backup never holds (absolute, `..`, unknown). */
function entryPath(work: string, name: string): string | null {
  const clean = posix.normalize(name);
  if (clean !== name || clean.startsWith('../') || clean.startsWith('/')) return null;
  const known = ['manifest.json', ...Object.values(DATABASE_ENTRY)].includes(clean) || (clean.startsWith('data/') && clean.length > 'data/'.length);
  return known ? join(work, ...clean.split('/')) : null;
}

/** Stops before the database is unpacked when the backup is of the other kind of database. */
async function checkManifest(path: string, dialect: Dialect): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
  if (manifest.format !== 1 || manifest.dialect === undefined) throw new AppError('bad_request', 'This file is not a Bindery backup this version can read (its manifest has no known format).');
  if (manifest.dialect !== dialect) {
    throw new AppError('bad_request', `This backup holds a ${NAMES[manifest.dialect]} database, but DATABASE_URL names a ${NAMES[dialect]} one: restore it into ${NAMES[manifest.dialect]}.`);
  }
  return manifest as Manifest;
}

/** How many tables the target database already has (0 for a SQLite file that does not exist yet). */
async function tablesIn(url: string): Promise<number> {
  if (dialectOfUrl(url) === 'postgres') {
    const [row] = await queryPostgres<{ count: string }>(url, "select count(*) as count from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'");
    return Number(row?.count ?? '0');
  }
  const path = sqlitePath(url);
  if (!existsSync(path)) return 0;
  const db = new SQLite(path, { readonly: true });
  try {
    return db.prepare<[], { count: number }>("select count(*) as count from sqlite_master where type = 'table'").get()?.count ?? 0;
  } finally {
    db.close();
  }
}

/** Replaces the SQLite file whole, with no write-ahead log of the old database left beside it. */
async function restoreSqlite(url: string, copy: string): Promise<void> {
  const path = sqlitePath(url);
  await mkdir(dirname(path), { recursive: true });
  await copyFile(copy, `${path}.restoring`);
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
  await rename(`${path}.restoring`, path);
}

async function restoreDataFiles(from: string, to: string): Promise<number> {
  if (!existsSync(from)) return 0;
  let count = 0;
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
    count += 1;
  }
  return count;
}

/**
 * Restores a backup into DATABASE_URL and DATA_DIR. Refuses a database that already has tables
 * unless `force`; on SQLite the archive must be stopped, since its file is replaced.
 */
export async function restoreBackup(place: BackupPlace, file: string, { force }: { force: boolean }): Promise<Manifest & { dataFiles: number }> {
  const dialect = dialectOfUrl(place.databaseUrl);
  if (!existsSync(file)) throw new AppError('bad_request', `There is no backup file at ${resolve(file)}.`);
  const manifest = await readManifest(file, dialect);
  const tables = await tablesIn(place.databaseUrl);
  if (tables > 0 && !force) {
    throw new AppError('bad_request', `The database named by DATABASE_URL already holds ${tables} tables. Restoring replaces everything in it: stop the archive, then run restore again with --force.`);
  }
  return withWorkDir(async (work) => {
    await readTarGz(file, {
      place: (name) => {
        const path = entryPath(work, name);
        if (path !== null) mkdirSync(dirname(path), { recursive: true });
        return path;
      },
    });
    const database = join(work, DATABASE_ENTRY[dialect]);
    if (!existsSync(database)) throw new AppError('bad_request', 'This backup holds no database.');
    if (dialect === 'sqlite') await restoreSqlite(place.databaseUrl, database);
    else await runPostgresProgram(place.databaseUrl, 'pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', database]);
    const dataFiles = await restoreDataFiles(join(work, 'data'), resolve(place.dataDir));
    return { ...manifest, dataFiles };
  });
}

class ManifestRead extends Error {
  constructor(readonly manifest: Manifest) {
    super('manifest read');
  }
}

/** The backup's manifest, its first entry, read without unpacking the rest; checked against the target's dialect. */
async function readManifest(file: string, dialect: Dialect): Promise<Manifest> {
  return withWorkDir(async (work) => {
    try {
      await readTarGz(file, {
        place: (name) => (name === 'manifest.json' ? join(work, name) : null),
        written: async (_name, path) => { throw new ManifestRead(await checkManifest(path, dialect)); },
      });
    } catch (error) {
      if (error instanceof ManifestRead) return error.manifest;
      if (error instanceof AppError) throw error;
      throw new AppError('bad_request', `This file is not a Bindery backup (${error instanceof Error ? error.message : String(error)}).`);
    }
    throw new AppError('bad_request', 'This file is not a Bindery backup: it has no manifest.');
  });
}
