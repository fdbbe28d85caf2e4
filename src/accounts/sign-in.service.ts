// Checking who is logging in: the password, under the log-in back-off (login-backoff.ts). Every
// way of logging in (the log-in page, AO3's form, a kept form) comes through here.
import type { Db, UserRow } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { checkNotLocked, noteFailure, noteSuccess, type LoginAttempt } from './login-backoff.js';
import { findAccount, passwordMatches } from './user.service.js';

export const WRONG_PASSWORD = 'That user name or email and password do not match an account.';

/**
 * The account whose password this is. Throws rate_limited while the account or address must
 * wait, and validation_failed (on `passwordField`) for a wrong pair, which counts as a failure.
 */
export async function checkPassword(db: Db, input: { typed: string; password: string; ip: string }, passwordField = 'password'): Promise<UserRow> {
  const account = await findAccount(db, input.typed);
  const attempt: LoginAttempt = { account, typed: input.typed, ip: input.ip };
  await checkNotLocked(db, attempt);
  if (account === null || !(await passwordMatches(account, input.password))) {
    await noteFailure(db, attempt);
    throw invalid({ [passwordField]: WRONG_PASSWORD });
  }
  await noteSuccess(db, attempt);
  // Said only to someone who knows the password.
  if (account.standing === 'banned') throw invalid({ [passwordField]: 'This account has been banned by the archive\'s moderators.' });
  return account;
}
