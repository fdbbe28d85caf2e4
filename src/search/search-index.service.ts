// Keeping the search index in step with the archive: every write to a work announces itself
// (work.saved), and the index follows inside that same transaction, so a result is never stale
// or missing (issue 4); `reindex` rebuilds it all.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { dialectOf } from '../db/connect.js';
import { onWrite } from '../events/bus.js';
import { postgresSearch } from './postgres-search.js';
import type { SearchBackend } from './search-backend.js';
import { buildDocument } from './search-document.js';
import { countAllWorks, workIdsAfter } from './search.repository.js';
import { sqliteSearch } from './sqlite-search.js';

/** The search backend for a database. */
export function backendFor(db: Db): SearchBackend {
  return dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch;
}

/** Re-indexes one work (or removes it when it is gone); call inside the writing transaction. */
export async function indexWork(trx: Db, workId: number): Promise<void> {
  await backendFor(trx).indexWork(trx, workId, await buildDocument(trx, workId));
}

/** Re-indexes every work whose content a write changed, inside that write's transaction; returns the unsubscribe. */
export function subscribeSearchIndex(): () => void {
  return onWrite('work.saved', (trx, event) => indexWork(trx, event.workId));
}

/** Rebuilds the whole index, in batches of one transaction each, then optimizes it; reports progress as it goes. */
export async function reindexAll(db: Kysely<Database>, progress: (done: number, total: number) => void): Promise<number> {
  const total = await countAllWorks(db);
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = await workIdsAfter(db, after, 200);
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const id of ids) await indexWork(trx, id);
    });
    done += ids.length;
    after = ids[ids.length - 1] ?? after;
    progress(done, total);
  }
  await backendFor(db).optimize(db);
  return done;
}
