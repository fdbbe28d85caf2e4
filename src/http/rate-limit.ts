// Rate limits shared by every app server (kept in the database), answering 429 with Retry-After.
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import { deleteStaleWindows, recordHit } from './rate-limit.repository.js';

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

/** Forgets windows older than an hour. */
export function pruneRateLimits(db: Db): Promise<void> {
  return deleteStaleWindows(db, Date.now() - 60 * 60 * 1000);
}
