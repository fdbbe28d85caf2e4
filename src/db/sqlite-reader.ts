// The archive's database for reads that may run off the event loop on SQLite: a Kysely whose
// every query runs in a reader thread (sqlite-reader-pool.ts). It compiles SQL exactly as the
// main connection's Kysely does (same adapter, same compiler), so a service gives the same
// answers on either; it only reads, one statement at a time, outside any transaction.
// docs/decisions/046-heavy-work-off-the-event-loop.md.
import {
  CompiledQuery, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type QueryResult,
} from 'kysely';
import type { Database } from './database.js';
import { WorkerPool } from '../lib/worker-pool.js';
import type { ReaderQuery } from './sqlite-reader-worker.js';

type SqliteReaderPool = WorkerPool<ReaderQuery, unknown[]>;

const WORKER_ENTRY = new URL('./sqlite-reader-worker.ts', import.meta.url);

class ReaderConnection implements DatabaseConnection {
  constructor(private readonly pool: SqliteReaderPool) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.pool.run({ sql: compiled.sql, parameters: compiled.parameters })) as R[] };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the SQLite reader does not stream rows');
  }
}

const NO_TRANSACTIONS = 'the SQLite reader runs single reading statements, never a transaction: write through the main database';

class ReaderDriver implements Driver {
  private readonly connection: ReaderConnection;

  constructor(private readonly pool: SqliteReaderPool) {
    this.connection = new ReaderConnection(pool);
  }

  init(): Promise<void> { return Promise.resolve(); }
  acquireConnection(): Promise<DatabaseConnection> { return Promise.resolve(this.connection); }
  releaseConnection(): Promise<void> { return Promise.resolve(); }
  beginTransaction(): Promise<void> { return Promise.reject(new Error(NO_TRANSACTIONS)); }
  commitTransaction(): Promise<void> { return Promise.reject(new Error(NO_TRANSACTIONS)); }
  rollbackTransaction(): Promise<void> { return Promise.reject(new Error(NO_TRANSACTIONS)); }
  destroy(): Promise<void> { return this.pool.close(); }
}

class ReaderDialect implements Dialect {
  constructor(private readonly pool: SqliteReaderPool) {}
  createDriver(): Driver { return new ReaderDriver(this.pool); }
  createQueryCompiler() { return new SqliteQueryCompiler(); }
  createAdapter() { return new SqliteAdapter(); }
  createIntrospector(db: Kysely<unknown>) { return new SqliteIntrospector(db); }
}

/** `file`: the SQLite file the threads read (search runs whole in threads of its own on it too). */
export type SqliteReader = { db: Kysely<Database>; pool: SqliteReaderPool; file: string; close: () => Promise<void> };

const files = new WeakMap<Kysely<Database>, string>();

/** The SQLite file a reader database reads, or null for any other database (the main connection, PostgreSQL). */
export function readerFileOf(db: Kysely<Database>): string | null {
  return files.get(db) ?? null;
}

/**
 * Reader threads on the SQLite file of a `sqlite:` URL; null on PostgreSQL (its pool already runs
 * queries off the event loop), for an in-memory database (no other connection can open it), or
 * with no threads asked for.
 */
export function openSqliteReader(url: string, threads: number): SqliteReader | null {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : ':memory:';
  if (file === ':memory:' || file === '' || threads === 0) return null;
  const pool: SqliteReaderPool = new WorkerPool(WORKER_ENTRY, threads, { file });
  const db = new Kysely<Database>({ dialect: new ReaderDialect(pool) });
  files.set(db, file);
  return { db, pool, file, close: () => db.destroy() };
}
