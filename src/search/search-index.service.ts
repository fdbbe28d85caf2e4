// Keeping the search index in step with the archive: every write to a work announces itself
// (work.saved), and the index follows inside that same transaction, so a result is never stale
// or missing (issue 4); `reindex` rebuilds it all.
import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { dialectOf } from '../db/connect.js';
import { onWrite } from '../events/bus.js';
import { postgresSearch } from './postgres-search.js';
import type { SearchBackend } from './search-backend.js';
import { buildDocument, buildDocuments } from './search-document.js';
import { allWorkIds } from './search.repository.js';
import { sqliteSearch } from './sqlite-search.js';

/** The search backend for a database. */
export function backendFor(db: Db): SearchBackend {
  return dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch;
}

/** Re-indexes one work (or removes it when it is gone); call inside the writing transaction. */
export async function indexWork(trx: Db, workId: number): Promise<void> {
  await backendFor(trx).indexWorks(trx, new Map([[workId, await buildDocument(trx, workId)]]));
}

/** Re-indexes every work whose content a write changed, inside that write's transaction; returns the unsubscribe. */
export function subscribeSearchIndex(): () => void {
  return onWrite('work.saved', (trx, event) => indexWork(trx, event.workId));
}

const BATCH = 200;

/** What the operator should hear at start about the search index (RUM missing on PostgreSQL), or null. */
export function searchIndexWarning(db: Db): Promise<string | null> {
  return backendFor(db).warning(db);
}

/**
 * Rebuilds the whole index, in batches of one transaction each, then optimizes it; reports
 * progress as it goes. On PostgreSQL as many batches run at once as the machine has cores, each
 * on its own connection (making the vectors is the database's work); SQLite has one writer.
 */
export async function reindexAll(db: Kysely<Database>, progress: (done: number, total: number) => void): Promise<number> {
  const ids = await allWorkIds(db);
  const backend = backendFor(db);
  await backend.beginRebuild(db);
  const lanes = dialectOf(db) === 'postgres' ? Math.max(2, availableParallelism()) : 1;
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let start = next; start < ids.length; start = next) {
      next = start + BATCH;
      const batch = ids.slice(start, start + BATCH);
      await db.transaction().execute(async (trx) => backend.indexWorks(trx, await buildDocuments(trx, batch)));
      done += batch.length;
      progress(done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await backend.optimize(db);
  return done;
}
