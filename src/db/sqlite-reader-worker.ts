// The body of a reader thread (sqlite-reader.ts): its own read-only connection on the archive's
// SQLite file, set up as the main one is. WAL lets it read while the main connection writes, and
// every statement reads the newest committed state. It runs one statement a message and posts
// back the rows, or the error's message and code.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite, statementCache } from './sqlite-setup.js';

export type ReaderQuery = { id: number; sql: string; parameters: readonly unknown[] };
export type ReaderAnswer = { id: number; rows: unknown[] } | { id: number; error: { message: string; code: string | null } };

const sqlite = new SQLite((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
configureSqlite(sqlite, 'reader');
const prepare = statementCache(sqlite);

function answer({ id, sql, parameters }: ReaderQuery): ReaderAnswer {
  try {
    const statement = prepare(sql);
    // The connection is read-only anyway; this says why in words rather than SQLITE_READONLY.
    if (!statement.reader) throw new Error(`the SQLite reader only reads; this statement writes: ${sql.slice(0, 80)}`);
    return { id, rows: statement.all(parameters) };
  } catch (error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    return { id, error: { message: typeof message === 'string' ? message : String(error), code: typeof code === 'string' ? code : null } };
  }
}

parentPort?.on('message', (query: ReaderQuery) => { parentPort?.postMessage(answer(query)); });
