// `backup` and `restore` on each database: an archive with members, a work, a comment and a
// bookmark is backed up while it serves, restored into an empty database, and every table compared.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { BackupPlace } from '../db/backup.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { DIALECTS } from '../../test/databases.js';
import { postWork, signUp } from '../../test/helpers.js';
import { runBackupCommand } from './backup-command.js';

const root = mkdtempSync(join(tmpdir(), 'bindery-backup-test-'));
const dropped: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of dropped) await drop();
  rmSync(root, { recursive: true, force: true });
});

/** A database and data folder of their own: a SQLite file (the online backup needs a file), or a new PostgreSQL database. */
async function newPlace(dialect: Dialect): Promise<BackupPlace> {
  const dataDir = join(root, randomBytes(4).toString('hex'));
  mkdirSync(dataDir);
  if (dialect === 'sqlite') return { databaseUrl: `sqlite:${join(dataDir, 'bindery.sqlite')}`, dataDir };
  const server = inject('testDatabaseUrl') ?? '';
  const name = `backup_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await admin(`create database ${name}`);
  dropped.push(() => admin(`drop database ${name} with (force)`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { databaseUrl: url.href, dataDir };
}

async function openApp(place: BackupPlace): Promise<{ app: FastifyInstance; handle: DatabaseHandle }> {
  const handle = openDatabase(place.databaseUrl);
  await migrateToLatest(handle.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://archive.test', RATE_LIMIT: 'off', RATE_LIMIT_MEMBERS: 'off', DATA_DIR: place.dataDir }, { persist: false });
  const app = await buildApp(config, handle.db, { logger: false });
  await app.ready();
  return { app, handle };
}

async function run(args: string[], place: BackupPlace): Promise<{ out: string[]; error: string | null }> {
  const out: string[] = [];
  try {
    await runBackupCommand(args, place, { out: (line) => out.push(line) });
    return { out, error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { out, error: error.message };
  }
}

/** Every table's rows, sorted, by table name. */
async function everyTable(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, string[]>> {
  const names = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const tables: Record<string, string[]> = {};
  for (const { name } of names.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    tables[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return tables;
}

for (const dialect of DIALECTS) {
  describe(`backup and restore [${dialect}]`, () => {
    it('restores into an empty database every row of every table, and the data folder without its caches', async () => {
      const source = await newPlace(dialect);
      writeFileSync(join(source.dataDir, 'session-secret'), 'a secret kept beside the database, 32+ chars\n');
      mkdirSync(join(source.dataDir, 'downloads'));
      writeFileSync(join(source.dataDir, 'downloads', '1-the-tide.epub'), 'a cached download');
      mkdirSync(join(source.dataDir, 'image-cache', 'ab'), { recursive: true });
      writeFileSync(join(source.dataDir, 'image-cache', 'ab', 'cd'), 'a cached image');
      const { app, handle } = await openApp(source);
      const writer = await signUp(app);
      const reader = await signUp(app);
      const workId = await postWork(writer, { title: 'What the Tide Keeps' });
      await reader.get(`/works/${workId}`);
      expect((await reader.post(`/works/${workId}/comments`, { comment: 'The last line undid me.' })).statusCode).toBe(303);
      await reader.get(`/works/${workId}/bookmarks/new`);
      expect((await reader.post(`/works/${workId}/bookmarks`, { notes: 'For the ferry home.', tags: 'sea' })).statusCode).toBe(303);

      const file = join(root, `${dialect}.tar.gz`);
      const before = await everyTable(handle.db, dialect);
      // Taken while the app is open and its connection holds the database.
      expect((await run(['backup', file], source)).error).toBeNull();
      await app.close();
      await handle.close();

      const target = await newPlace(dialect);
      const restored = await run(['restore', file], target);
      expect(restored.error).toBeNull();
      expect(restored.out[0]).toContain('Restored the database');
      const after = openDatabase(target.databaseUrl);
      try {
        const tables = await everyTable(after.db, dialect);
        expect(Object.keys(tables).length).toBeGreaterThan(50);
        for (const name of ['users', 'works', 'comments', 'bookmarks', 'kysely_migration']) expect(tables[name]?.length, name).toBeGreaterThan(0);
        expect(tables).toEqual(before);
      } finally {
        await after.close();
      }
      expect(readFileSync(join(target.dataDir, 'session-secret'), 'utf8')).toBe('a secret kept beside the database, 32+ chars\n');
      expect(existsSync(join(target.dataDir, 'downloads'))).toBe(false);
      expect(existsSync(join(target.dataDir, 'image-cache'))).toBe(false);

      // A database that already holds an archive is replaced only when asked to.
      const refused = await run(['restore', file], source);
      expect(refused.error).toContain('--force');
      expect((await run(['restore', file, '--force'], source)).error).toBeNull();
    });

    it.skipIf(DIALECTS.length < 2)('refuses a backup of the other kind of database', async () => {
      const other: Dialect = dialect === 'sqlite' ? 'postgres' : 'sqlite';
      const source = await newPlace(other);
      const { app, handle } = await openApp(source);
      await app.close();
      const file = join(root, `${other}-only.tar.gz`);
      expect((await run(['backup', file], source)).error).toBeNull();
      await handle.close();
      const target = await newPlace(dialect);
      const refused = await run(['restore', file], target);
      expect(refused.error).toContain(`This backup holds a ${other === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database`);
      expect(existsSync(join(target.dataDir, 'bindery.sqlite'))).toBe(false);
    });
  });
}

describe('backup and restore arguments', () => {
  it('asks for a file', async () => {
    const place = { databaseUrl: `sqlite:${join(root, 'none.sqlite')}`, dataDir: root };
    expect((await run(['backup'], place)).error).toContain('Usage');
    expect((await run(['restore', 'x.tar.gz', '--frobnicate'], place)).error).toContain('Usage');
    expect((await run(['restore', join(root, 'missing.tar.gz')], place)).error).toContain('There is no backup file');
  });
});
