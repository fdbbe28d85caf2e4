// The databases every route and repository test runs on: SQLite in memory, and a real PostgreSQL
// (TEST_DATABASE_URL, default database bindery_test over the local socket as the current user), each test app in its own schema.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@localhost/bindery_test?host=/var/run/postgresql`;

/** Which databases to test: both, unless BINDERY_TEST_DATABASES names only one (say "sqlite" on a laptop). */
export const DIALECTS: Dialect[] = (process.env.BINDERY_TEST_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim() as Dialect);

export type TestDatabase = DatabaseHandle & { drop: () => Promise<void> };

/** A fresh, migrated, empty database of the given kind. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle.db);
    return { ...handle, drop: handle.close };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(TEST_DATABASE_URL, { searchPath: schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  const drop = async () => {
    await handle.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  };
  return { ...handle, drop };
}
