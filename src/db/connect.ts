// Opens SQLite (the default, a file in WAL mode) or PostgreSQL, chosen by DATABASE_URL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { Replica } from './replica.js';
import { configureSqlite, openReadOnlySqlite, statementCache } from './sqlite-setup.js';

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
  /** Refreshes the query planner's statistics where the database does not do it by itself (SQLite). */
  optimize: () => Promise<void>;
  /** The read replica (DATABASE_REPLICA_URL), or null: its `db` is the app's readDb. */
  replica: Replica | null;
};

export type OpenOptions = {
  searchPath?: string;
  poolSize?: number;
  /** A streaming replica of the PostgreSQL at `url`, opened with the same options. */
  replicaUrl?: string | null;
  /** How far behind (seconds) the replica may be before its reads go to the primary; default 10. */
  replicaMaxLagSeconds?: number;
};

/** pg returns 64-bit integers and numerics as strings; our ids, counts and sums fit in a double. */
function pgTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  types.setTypeParser(pg.types.builtins.NUMERIC, Number);
  return types;
}

function openPool(url: string, options: OpenOptions, extra: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes(),
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    ...extra,
  });
}

/** Opens the database named by a `sqlite:` or `postgres://` URL, and its read replica when one is named. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  const pool = openPool(url, options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  // A replica that does not answer is given up on quickly: its reads can go to the primary.
  const replica = options.replicaUrl ? new Replica(pool, openPool(options.replicaUrl, options, { connectionTimeoutMillis: 3000 }), options.replicaMaxLagSeconds ?? 10) : null;
  const close = async () => {
    await replica?.close();
    await db.destroy();
  };
  return { db, dialect: 'postgres', close, optimize: () => Promise.resolve(), replica };
}

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

/** How a PostgreSQL connection pool is used (for /metrics); null on SQLite, which has one connection in the process. */
export function poolUse(db: Kysely<Database>): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool === undefined ? null : { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** better-sqlite3 behind Kysely, with its statements kept (sqlite-setup.ts). */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepare = statementCache(sqlite);
  return { close: () => sqlite.close(), prepare };
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  configureSqlite(sqlite, 'writer');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // Without statistics SQLite picks poor plans for listings filtered by tag (bench/listings.ts).
  const optimize = () => {
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    return Promise.resolve();
  };
  return { db, dialect: 'sqlite', close: () => db.destroy(), optimize, replica: null };
}

/** A Kysely of its own on a read-only connection to a SQLite file: a worker thread's (src/search-thread.ts). */
export function openReadOnlyDatabase(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(openReadOnlySqlite(file)) }) });
}

/** Which database a query builder (or transaction) talks to. */
export function dialectOf(db: { getExecutor: Kysely<Database>['getExecutor'] }): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
