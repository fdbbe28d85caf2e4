// All SQL for hits: which visitors were counted on which work today, hits by day.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export type Visit = { workId: number; day: string; visitor: string };

/** Stores the visits not counted before; returns how many were new, by work and day. Visits of works deleted since are dropped. */
export async function insertNewVisits(db: Db, visits: Visit[]): Promise<Map<string, number>> {
  const fresh = new Map<string, number>();
  const ids = [...new Set(visits.map((v) => v.workId))];
  const existing = ids.length === 0 ? new Set<number>() : new Set((await db.selectFrom('works').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const kept = visits.filter((v) => existing.has(v.workId));
  if (kept.length === 0) return fresh;
  const rows = await db.insertInto('work_hit_visitors').values(kept.map((v) => ({ work_id: v.workId, day: v.day, visitor: v.visitor })))
    .onConflict((oc) => oc.columns(['work_id', 'day', 'visitor']).doNothing()).returning(['work_id', 'day']).execute();
  for (const row of rows) fresh.set(`${row.work_id}|${row.day}`, (fresh.get(`${row.work_id}|${row.day}`) ?? 0) + 1);
  return fresh;
}

/** Adds hits to a work's day. */
export async function addDayHits(db: Db, workId: number, day: string, hits: number): Promise<void> {
  await db.insertInto('work_hit_days').values({ work_id: workId, day, hits })
    .onConflict((oc) => oc.columns(['work_id', 'day']).doUpdateSet({ hits: sql`work_hit_days.hits + ${hits}` })).execute();
}

/** Forgets which visitors were counted before the given day. */
export async function forgetVisitorsBefore(db: Db, day: string): Promise<void> {
  await db.deleteFrom('work_hit_visitors').where('day', '<', day).execute();
}

/** A work's hits by day from a day on, oldest first. */
export function hitsByDay(db: Db, workIds: number[], fromDay: string): Promise<Array<{ work_id: number; day: string; hits: number }>> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('work_hit_days').select(['work_id', 'day', 'hits']).where('work_id', 'in', workIds).where('day', '>=', fromDay).orderBy('day').execute();
}
