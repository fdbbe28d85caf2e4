// Rate limits shared by every app server (kept in the database), answering 429 with Retry-After.
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import { currentHits, deleteStaleWindows, recordHit } from './rate-limit.repository.js';

export type Limit = { limit: number; windowMs: number };

/** Counts a hit on each key; throws rate_limited (with the seconds to wait) when any is over its limit. */
export async function enforceLimit(db: Db, keys: string[], { limit, windowMs }: Limit): Promise<void> {
  const now = Date.now();
  let waitMs = 0;
  for (const key of keys) {
    const { hits, windowStart } = await recordHit(db, key, now, windowMs);
    if (hits > limit) waitMs = Math.max(waitMs, windowStart + windowMs - now);
  }
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AppError('rate_limited', `Too many attempts. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`, {}, seconds);
  }
}

/**
 * Throws rate_limited when a key has already used up its limit, without counting this request:
 * for limits on what succeeds (accounts made), counted with countHit once it has.
 */
export async function refuseWhenSpent(db: Db, key: string, { limit, windowMs }: Limit, what: string): Promise<void> {
  const now = Date.now();
  const { hits, windowStart } = await currentHits(db, key, now, windowMs);
  if (hits < limit) return;
  const minutes = Math.max(1, Math.ceil((windowStart + windowMs - now) / 60_000));
  throw new AppError('rate_limited', `${what} Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {}, minutes * 60);
}

/** Counts one success against a key's limit. */
export async function countHit(db: Db, key: string, { windowMs }: Limit): Promise<void> {
  await recordHit(db, key, Date.now(), windowMs);
}

/** Forgets windows older than an hour. */
export function pruneRateLimits(db: Db): Promise<void> {
  return deleteStaleWindows(db, Date.now() - 60 * 60 * 1000);
}
