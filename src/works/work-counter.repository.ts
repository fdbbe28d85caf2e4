// All SQL for a work's counters (kudos, comments, bookmarks, hits), kept apart from its row.
import type { Db } from '../db/database.js';

export const COUNTERS = ['comments', 'kudos', 'bookmarks', 'hits'] as const;
export type Counter = (typeof COUNTERS)[number];
export type WorkCounters = Record<Counter, number>;

/** All zero: a work nobody has counted yet. */
export function noCounters(): WorkCounters {
  return { comments: 0, kudos: 0, bookmarks: 0, hits: 0 };
}

/** Adds to a work's counters (creating its row the first time), in one statement. */
export async function addToCounters(db: Db, workId: number, by: Partial<WorkCounters>): Promise<void> {
  const values = { work_id: workId, ...noCounters(), ...by };
  await db.insertInto('work_counters').values(values)
    .onConflict((oc) => oc.column('work_id').doUpdateSet((eb) => ({
      comments: eb('work_counters.comments', '+', eb.ref('excluded.comments')),
      kudos: eb('work_counters.kudos', '+', eb.ref('excluded.kudos')),
      bookmarks: eb('work_counters.bookmarks', '+', eb.ref('excluded.bookmarks')),
      hits: eb('work_counters.hits', '+', eb.ref('excluded.hits')),
    })))
    .execute();
}

/** The counters of some works; works never counted are absent. */
export async function findCounters(db: Db, workIds: number[]): Promise<Map<number, WorkCounters>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom('work_counters').select(['work_id', ...COUNTERS]).where('work_id', 'in', workIds).execute();
  return new Map(rows.map(({ work_id: id, ...counters }) => [id, counters]));
}

/** Adds kudos to a work's count (creating its counter row the first time); answers the new count. */
export async function addKudosReturning(db: Db, workId: number, kudos: number): Promise<number> {
  const row = await db.insertInto('work_counters').values({ work_id: workId, ...noCounters(), kudos })
    .onConflict((oc) => oc.column('work_id').doUpdateSet((eb) => ({ kudos: eb('work_counters.kudos', '+', eb.ref('excluded.kudos')) })))
    .returning('kudos').executeTakeFirstOrThrow();
  return row.kudos;
}
