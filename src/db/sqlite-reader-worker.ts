// The body of a reader thread (sqlite-reader.ts): its own read-only connection on the archive's
// SQLite file, set up as the main one is. WAL lets it read while the main connection writes, and
// every statement reads the newest committed state. It runs one statement a task.
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../lib/worker-pool.js';
import { openReadOnlySqlite, statementCache } from './sqlite-setup.js';

export type ReaderQuery = { sql: string; parameters: readonly unknown[] };

const prepare = statementCache(openReadOnlySqlite((workerData as { file: string }).file));

serveTasks(({ sql, parameters }: ReaderQuery): unknown[] => {
  const statement = prepare(sql);
  // The connection is read-only anyway; this says why in words rather than SQLITE_READONLY.
  if (!statement.reader) throw new Error(`the SQLite reader only reads; this statement writes: ${sql.slice(0, 80)}`);
  return statement.all(parameters);
});
