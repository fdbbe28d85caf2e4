// What every SQLite connection of the archive sets up, the main one and the reader threads'
// (sqlite-reader.ts) alike, so a query answers the same on either.
import SQLite from 'better-sqlite3';

/** Waits this long for a lock another connection holds before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** The pragmas of a connection; a reader's are the ones that apply to reading (WAL is the file's, set by the writer). */
export function configureSqlite(sqlite: SQLite.Database, role: 'writer' | 'reader'): void {
  // First: switching a new file to WAL needs a lock that another process starting at the same time may hold.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (role === 'writer') {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk (the WAL fsynced) before the write is acknowledged, so a power cut loses
    // nothing acknowledged either; NORMAL survives kill -9 but not that (decision 043). About 0.36 ms a commit here.
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
}

/**
 * Kysely prepares every query again; preparing costs more than running our small queries, so
 * statements are kept by their SQL text (one query runs at a time on a connection).
 */
export function statementCache(sqlite: SQLite.Database, max = 500): (sql: string) => SQLite.Statement {
  const statements = new Map<string, SQLite.Statement>();
  return (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = sqlite.prepare(sql);
      if (statements.size >= max) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** A read-only connection on the archive's file, set up as a reader (a thread's own). */
export function openReadOnlySqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  configureSqlite(sqlite, 'reader');
  return sqlite;
}
