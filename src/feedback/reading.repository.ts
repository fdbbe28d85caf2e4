// All SQL for reading history and "Mark for Later".
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export type ReadingRow = { work_id: number; last_read_at: string; chapters_then: number; visits: number; later: number; chapters_now: number };

/** Notes reads (a member's latest time and how many) for members who keep a history. */
export async function addReads(db: Db, reads: Array<{ userId: number; workId: number; at: string; visits: number }>): Promise<void> {
  if (reads.length === 0) return;
  const off = new Set((await db.selectFrom('user_preferences').select('user_id').where('history', '=', 0)
    .where('user_id', 'in', [...new Set(reads.map((r) => r.userId))]).execute()).map((r) => r.user_id));
  const ids = [...new Set(reads.map((r) => r.workId))];
  const chapters = new Map((await db.selectFrom('works').select(['id', 'chapter_count']).where('id', 'in', ids).execute()).map((w) => [w.id, w.chapter_count]));
  // Reads are written a little after they happen: a member may have deleted their account meanwhile.
  const members = new Set((await db.selectFrom('users').select('id').where('id', 'in', [...new Set(reads.map((r) => r.userId))]).execute()).map((u) => u.id));
  for (const read of reads) {
    const count = chapters.get(read.workId);
    if (off.has(read.userId) || count === undefined || !members.has(read.userId)) continue;
    await db.insertInto('readings').values({ user_id: read.userId, work_id: read.workId, last_read_at: read.at, chapters_then: count, visits: read.visits })
      .onConflict((oc) => oc.columns(['user_id', 'work_id']).doUpdateSet({
        last_read_at: read.at, chapters_then: count, visits: sql`readings.visits + ${read.visits}`,
      })).execute();
  }
}

/** Marks a work for later (or not), keeping any history of it. */
export async function setLater(db: Db, userId: number, workId: number, later: boolean, now: string): Promise<void> {
  await db.insertInto('readings').values({ user_id: userId, work_id: workId, last_read_at: now, later: later ? 1 : 0 })
    .onConflict((oc) => oc.columns(['user_id', 'work_id']).doUpdateSet({ later: later ? 1 : 0 })).execute();
}

export async function findReading(db: Db, userId: number, workId: number): Promise<{ later: number } | undefined> {
  return db.selectFrom('readings').select('later').where('user_id', '=', userId).where('work_id', '=', workId).executeTakeFirst();
}

/** How many chapters each of these works had when the member last read it (works they read). */
export async function chaptersWhenRead(db: Db, userId: number, workIds: number[]): Promise<Map<number, number>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom('readings').select(['work_id', 'chapters_then'])
    .where('user_id', '=', userId).where('work_id', 'in', workIds).where('visits', '>', 0).execute();
  return new Map(rows.map((r) => [r.work_id, r.chapters_then]));
}

/** A page of a member's history (or only what they marked for later), most recent first, with each work's chapters now. */
export function listReadings(db: Db, userId: number, laterOnly: boolean, limit: number, offset: number): Promise<ReadingRow[]> {
  let query = db.selectFrom('readings').innerJoin('works', 'works.id', 'readings.work_id')
    .select(['readings.work_id', 'readings.last_read_at', 'readings.chapters_then', 'readings.visits', 'readings.later', 'works.chapter_count as chapters_now'])
    .where('readings.user_id', '=', userId);
  if (laterOnly) query = query.where('readings.later', '=', 1);
  return query.orderBy('readings.last_read_at', 'desc').orderBy('readings.work_id', 'desc').limit(limit).offset(offset).execute();
}

export async function countReadings(db: Db, userId: number, laterOnly: boolean): Promise<number> {
  let query = db.selectFrom('readings').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId);
  if (laterOnly) query = query.where('later', '=', 1);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Forgets a member's history: one work, or all of it (works marked for later stay marked). */
export async function clearReadings(db: Db, userId: number, workId: number | null): Promise<void> {
  let query = db.deleteFrom('readings').where('user_id', '=', userId);
  if (workId !== null) query = query.where('work_id', '=', workId);
  else query = query.where('later', '=', 0);
  await query.execute();
}
