// Counting a work's kudos, comments, bookmarks and hits. A count is not content: it never moves
// the work's content version, so downloads stay cached and the search document untouched, and a
// cached page shows the new figure without being rendered again (work-page-cache.ts).
// docs/decisions/023-content-apart-from-counters.md.
import type { Kysely } from 'kysely';
import { dialectOf } from '../db/connect.js';
import type { Database, Db } from '../db/database.js';
import { emit, inTransaction } from '../events/bus.js';
import { invalid } from '../http/errors.js';
import { addToCounters, COUNTERS, findCounters, noCounters, addKudosReturning, type WorkCounters } from './work-counter.repository.js';

/** Adds to a work's counters and announces it (work.counted); a negative amount takes away (a kudos withdrawn). */
export async function bumpCounters(db: Kysely<Database>, workId: number, by: Partial<WorkCounters>): Promise<void> {
  if (COUNTERS.every((c) => by[c] === undefined) || Object.values(by).some((n) => !Number.isSafeInteger(n))) {
    throw invalid({ counters: 'Give a whole number for at least one counter.' });
  }
  await inTransaction(db, (trx) => countInTransaction(trx, workId, by));
}

/** Adds to a work's counters inside the caller's transaction (a kudos and its count commit together), and announces it. */
export async function countInTransaction(trx: Db, workId: number, by: Partial<WorkCounters>): Promise<void> {
  await addToCounters(trx, workId, by);
  await emit(trx, { type: 'work.counted', workId });
}

/** A work's counters (all zero when never counted). */
export async function workCounters(db: Db, workId: number): Promise<WorkCounters> {
  return (await findCounters(db, [workId])).get(workId) ?? noCounters();
}

/**
 * Adds to a work's kudos count in one transaction and announces it; answers the new count. It asks
 * `take` how many kudos to add (the caller marks them counted there). On PostgreSQL it takes the
 * counter row's lock first, so two processes counting one work's kudos at once take turns and
 * count each kudos once; SQLite's one writer already makes them take turns.
 */
export function countKudos(db: Kysely<Database>, workId: number, take: (trx: Db) => Promise<number>): Promise<number> {
  return inTransaction(db, async (trx) => {
    const held = dialectOf(trx) === 'postgres' ? await addKudosReturning(trx, workId, 0) : null;
    const added = await take(trx);
    if (added === 0) return held ?? (await workCounters(trx, workId)).kudos;
    const count = await addKudosReturning(trx, workId, added);
    await emit(trx, { type: 'work.counted', workId });
    return count;
  });
}
