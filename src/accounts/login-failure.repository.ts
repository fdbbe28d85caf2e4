// All SQL for failed log-ins: one row per account or address, counting failures in a streak.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** The rows for these keys that are still locked at `nowMs`. */
export function findLocks(db: Db, keys: string[], nowMs: number): Promise<Array<{ key: string; locked_until_ms: number }>> {
  return db.selectFrom('login_failures').select(['key', 'locked_until_ms']).where('key', 'in', keys).where('locked_until_ms', '>', nowMs).execute();
}

/**
 * Counts one failure (atomically: two guesses at once both count); a streak older than
 * `forgetBeforeMs` starts again from one. Returns the failures in the streak.
 */
export async function countFailure(db: Db, key: string, nowMs: number, forgetBeforeMs: number): Promise<number> {
  const stale = sql<boolean>`login_failures.last_failure_ms < ${forgetBeforeMs}`;
  const row = await db.insertInto('login_failures').values({ key, failures: 1, last_failure_ms: nowMs, locked_until_ms: 0 })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      failures: sql<number>`case when ${stale} then 1 else login_failures.failures + 1 end`,
      last_failure_ms: nowMs,
    }))
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockUntil(db: Db, key: string, untilMs: number): Promise<void> {
  await db.updateTable('login_failures').set({ locked_until_ms: untilMs }).where('key', '=', key).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

/** Forgets streaks that ended before the given time. */
export async function deleteOldFailures(db: Db, beforeMs: number): Promise<void> {
  await db.deleteFrom('login_failures').where('last_failure_ms', '<', beforeMs).where('locked_until_ms', '<', beforeMs).execute();
}
