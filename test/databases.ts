// The databases every route and repository test runs on: SQLite in memory, and a real PostgreSQL
// (TEST_DATABASE_URL, or the throwaway cluster test/global-setup.ts starts), each test app in its own schema.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { testDialects } from './setup/environment.js';

/** Which databases to test: both, unless BINDERY_TEST_DATABASES names only one (say "sqlite" on a laptop). */
export const DIALECTS: Dialect[] = testDialects();

/** The PostgreSQL URL the global setup chose for this run. */
function postgresUrl(): string {
  const url = inject('testDatabaseUrl');
  if (url === undefined) throw new Error('No PostgreSQL for this run: test/global-setup.ts provides one when BINDERY_TEST_DATABASES includes postgres');
  return url;
}

export type TestDatabase = DatabaseHandle & { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated, empty database of the given kind. SQLite is in memory, or a file of its own
 * (`file`) that other connections (reader threads) can open too.
 */
export async function openTestDatabase(dialect: Dialect, { file = false } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = file ? await mkdtemp(join(tmpdir(), 'bindery-test-')) : null;
    const url = dir === null ? 'sqlite::memory:' : `sqlite:${join(dir, 'bindery.sqlite')}`;
    const handle = openDatabase(url);
    await migrateToLatest(handle.db);
    return { ...handle, url, drop: async () => { await handle.close(); if (dir !== null) await rm(dir, { recursive: true, force: true }); } };
  }
  const url = postgresUrl();
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(url, { searchPath: schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  const drop = async () => {
    await handle.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  };
  return { ...handle, url, drop };
}

/**
 * One fresh, migrated database opened twice, as two processes would: two pools on one PostgreSQL
 * schema, or two connections to one SQLite file (an in-memory database cannot be shared).
 */
export async function openTwoConnections(dialect: Dialect): Promise<{ first: DatabaseHandle; second: DatabaseHandle; drop: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const first = await openTestDatabase('postgres');
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db);
    const second = openDatabase(postgresUrl(), { searchPath: rows[0]?.schema ?? '', poolSize: 4 });
    return { first, second, drop: async () => { await second.close(); await first.drop(); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bindery-two-'));
  const first = openDatabase(`sqlite:${join(dir, 'bindery.sqlite')}`);
  await migrateToLatest(first.db);
  const second = openDatabase(`sqlite:${join(dir, 'bindery.sqlite')}`);
  return { first, second, drop: async () => { await second.close(); await first.close(); rmSync(dir, { recursive: true, force: true }); } };
}
