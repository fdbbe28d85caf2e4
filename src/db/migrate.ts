// Applies the migrations listed in migrations/index.ts, in order, on SQLite or PostgreSQL, one
// process at a time (docs/decisions/043-crash-safety-and-migration-lock.md).
import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * On PostgreSQL, the schema the connection works in. Kysely's migrator otherwise takes a
 * migration table in *any* schema as its own, and several archives (or test runs) can share
 * one database in separate schemas.
 */
async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  const schema = await currentSchema(db);
  return new Migrator({
    db, provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
  });
}

/** The migrations this code knows that the database has not run (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return (await (await migratorFor(db)).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** How long a starting process waits for another one's migrations on SQLite (PostgreSQL's lock waits up to an hour, Kysely's own). */
const SQLITE_LOCK_WAIT_MS = 60 * 60 * 1000;

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/**
 * Takes SQLite's write lock on this connection, asking every 100 ms while another process migrates.
 * The busy timeout is off meanwhile: better-sqlite3 would wait it out holding the event loop.
 */
async function beginImmediate(db: Kysely<Database>, deadline: number): Promise<void> {
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    for (;;) {
      try {
        await sql`begin immediate`.execute(db);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await sql`pragma busy_timeout = ${sql.raw(String(rows[0]?.timeout ?? 5000))}`.execute(db);
  }
}

/**
 * On PostgreSQL, Kysely's migrator holds an advisory lock (pg_advisory_lock) around a transaction.
 * On SQLite it takes no lock and no transaction, so two processes starting on a new file would both
 * create the tables; here the migrator runs inside one `BEGIN IMMEDIATE` transaction, which makes the
 * others wait and makes an upgrade all or nothing should the process die halfway.
 */
async function runMigrator(db: Kysely<Database>): Promise<MigrationResultSet> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return (await migratorFor(db)).migrateToLatest();
  return db.connection().execute(async (connection) => {
    await beginImmediate(connection, Date.now() + SQLITE_LOCK_WAIT_MS);
    let result: MigrationResultSet;
    try {
      result = await (await migratorFor(connection)).migrateToLatest();
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await sql`${sql.raw(result.error === undefined ? 'commit' : 'rollback')}`.execute(connection);
    return result;
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const result = await runMigrator(db);
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}
