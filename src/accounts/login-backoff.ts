// Log-in back-off: each account and each address may fail a few times freely; after that every
// failure doubles the wait before the next try, up to five minutes. A day then allows a few
// hundred guesses at one account instead of tens of thousands, while a member who mistypes is
// never kept out for long. A success clears the account's streak (not the address's: a guesser's
// own account must not wipe their address clean). The owner is emailed when their streak reaches
// TELL_OWNER_AT. Streaks are kept in the database, so every app server counts the same failures.
import type { Db, UserRow } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import * as failures from './login-failure.repository.js';
import { lockedMail } from './views/account-mail.js';

export const BACKOFF = {
  /** Failures an account may have in a row before each one adds a wait. */
  freeForAccount: 5,
  /** An address may be many people (a school, a library): it has more. */
  freeForAddress: 20,
  firstWaitMs: 2_000,
  longestWaitMs: 5 * 60_000,
  /** A streak without a failure for this long is forgotten. */
  forgetAfterMs: 24 * 60 * 60_000,
  tellOwnerAt: 10,
} as const;

/** The wait after the n-th failure in a row, given how many are free. */
export function waitAfter(failureCount: number, free: number): number {
  if (failureCount < free) return 0;
  return Math.min(BACKOFF.firstWaitMs * 2 ** (failureCount - free), BACKOFF.longestWaitMs);
}

/** Who is trying: the account (when the name or address matches one) and the address the request comes from. */
export type LoginAttempt = { account: UserRow | null; typed: string; ip: string };

function keysOf(attempt: LoginAttempt): { account: string; address: string } {
  // An account is one key however it is named (login or email); an unknown name counts as itself.
  const account = attempt.account === null ? `name:${attempt.typed.trim().toLowerCase()}` : `account:${attempt.account.id}`;
  return { account, address: `address:${attempt.ip}` };
}

/** Throws rate_limited (with the seconds to wait) while either the account or the address must wait. */
export async function checkNotLocked(db: Db, attempt: LoginAttempt): Promise<void> {
  const keys = keysOf(attempt);
  const now = Date.now();
  const locks = await failures.findLocks(db, [keys.account, keys.address], now);
  const until = Math.max(0, ...locks.map((lock) => lock.locked_until_ms));
  if (until <= now) return;
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  throw new AppError('rate_limited', `Too many failed log-ins. Please wait ${wait} and try again, or reset your password.`, {}, seconds);
}

/** Counts a failed log-in against the account and the address, and tells the owner when their account locks. */
export async function noteFailure(db: Db, attempt: LoginAttempt): Promise<void> {
  const keys = keysOf(attempt);
  const now = Date.now();
  const forget = now - BACKOFF.forgetAfterMs;
  const forAccount = await failures.countFailure(db, keys.account, now, forget);
  const forAddress = await failures.countFailure(db, keys.address, now, forget);
  const accountWait = waitAfter(forAccount, BACKOFF.freeForAccount);
  const addressWait = waitAfter(forAddress, BACKOFF.freeForAddress);
  if (accountWait > 0) await failures.lockUntil(db, keys.account, now + accountWait);
  if (addressWait > 0) await failures.lockUntil(db, keys.address, now + addressWait);
  if (attempt.account !== null && forAccount === BACKOFF.tellOwnerAt) {
    await enqueueMail(db, lockedMail(attempt.account.email, attempt.account.login, forAccount), nowIso());
  }
}

/** A successful log-in ends the account's streak. */
export function noteSuccess(db: Db, attempt: LoginAttempt): Promise<void> {
  return failures.clearFailures(db, keysOf(attempt).account);
}

/** Ends an account's streak (its password was just reset). */
export function clearFailuresOf(db: Db, userId: number): Promise<void> {
  return failures.clearFailures(db, `account:${userId}`);
}

/** Forgets streaks long over (the CLI's housekeeping). */
export function pruneLoginFailures(db: Db): Promise<void> {
  return failures.deleteOldFailures(db, Date.now() - BACKOFF.forgetAfterMs);
}
