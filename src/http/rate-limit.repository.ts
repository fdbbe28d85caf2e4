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

/**
 * Adds hits to many keys in one statement (an app server's requests since its last sync) and
 * returns each key's count and window start as every app server has counted them.
 */
export async function recordHitsBatch(db: Db, hits: Array<{ key: string; count: number }>, nowMs: number, windowMs: number): Promise<Array<{ key: string; hits: number; windowStart: number }>> {
  if (hits.length === 0) return [];
  const expired = sql<boolean>`rate_limits.window_start <= ${nowMs - windowMs}`;
  const rows = await db.insertInto('rate_limits').values(hits.map(({ key, count }) => ({ key, window_start: nowMs, hits: count })))
    .onConflict((oc) => oc.column('key').doUpdateSet({
      hits: sql<number>`case when ${expired} then excluded.hits else rate_limits.hits + excluded.hits end`,
      window_start: sql<number>`case when ${expired} then ${nowMs} else rate_limits.window_start end`,
    }))
    .returning(['key', 'hits', 'window_start'])
    .execute();
  return rows.map((row) => ({ key: row.key, hits: row.hits, windowStart: row.window_start }));
}

/** The counts of many keys as every app server has shared them, for windows begun after `sinceMs`. */
export async function readHits(db: Db, keys: string[], sinceMs: number): Promise<Array<{ key: string; hits: number; windowStart: number }>> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('rate_limits').select(['key', 'hits', 'window_start']).where('key', 'in', keys).where('window_start', '>', sinceMs).execute();
  return rows.map((row) => ({ key: row.key, hits: row.hits, windowStart: row.window_start }));
}

/** A key's count in its current window, without counting (0 when its window is over). */
export async function currentHits(db: Db, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; windowStart: number }> {
  const [row] = await readHits(db, [key], nowMs - windowMs);
  return row === undefined ? { hits: 0, windowStart: nowMs } : { hits: row.hits, windowStart: row.windowStart };
}

/** Deletes windows that ended long ago. */
export async function deleteStaleWindows(db: Db, beforeMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', beforeMs).execute();
}
