// All SQL for rate limits: one row per key, counting hits in a fixed window.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Records one hit for a key and returns the count and start of its current window (atomic upsert). */
export async function recordHit(db: Db, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; windowStart: number }> {
  const expired = sql<boolean>`rate_limits.window_start <= ${nowMs - windowMs}`;
  const row = await db.insertInto('rate_limits').values({ key, window_start: nowMs, hits: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
      window_start: sql<number>`case when ${expired} then ${nowMs} else rate_limits.window_start end`,
    }))
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, windowStart: row.window_start };
}

/** Deletes windows that ended long ago. */
export async function deleteStaleWindows(db: Db, beforeMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', beforeMs).execute();
}
