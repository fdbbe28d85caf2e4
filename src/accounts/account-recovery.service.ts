// An account that recovers: confirming the address (before posting or commenting), a password
// reset by email that never says whether an address has an account, and the owner's changes of
// password, address and login name. Every link is a one-time token of its own purpose, kept hashed.
import type { Kysely } from 'kysely';
import type { Database, Db, UserRow } from '../db/database.js';
import { AppError, invalid } from '../http/errors.js';
import { enforceLimit } from '../http/rate-limit.js';
import { isoFromNow, nowIso } from '../lib/clock.js';
import { hashPassword, randomToken, sha256Hex } from '../lib/secrets.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import type { ViewerUser } from '../access/viewer.js';
import { collectProblems, emailProblem, loginProblem, passwordProblem } from './account.validation.js';
import * as tokens from './account-token.repository.js';
import { clearFailuresOf } from './login-backoff.js';
import { endAllSessions } from './session.service.js';
import { findAccount, passwordMatches, toViewerUser } from './user.service.js';
import * as users from './user.repository.js';
import { confirmationMail, emailChangedNotice, emailChangeMail, emailChangeRequestedNotice, passwordChangedNotice, resetMail } from './views/account-mail.js';

const HOUR = 60 * 60_000;
export const CONFIRM_HOURS = 48;
export const RESET_MINUTES = 60;
/** How long an old login name keeps leading to its member (and stays taken). */
export const RENAME_DAYS = 30;

async function issue(db: Db, userId: number, purpose: tokens.TokenPurpose, ttlMs: number, data = ''): Promise<string> {
  const token = randomToken();
  await tokens.insertToken(db, { hash: sha256Hex(token), userId, purpose, data, now: nowIso(), expiresAt: isoFromNow(ttlMs) });
  return token;
}

async function member(db: Db, userId: number): Promise<UserRow> {
  const row = await users.findUserById(db, userId);
  if (row === undefined) throw new AppError('not_found');
  return row;
}

/** Sends (again) the link that confirms a member's address; at most 5 an hour. */
export async function sendConfirmation(db: Db, userId: number): Promise<void> {
  await enforceLimit(db, [`confirm-mail:${userId}`], { limit: 5, windowMs: HOUR });
  const row = await member(db, userId);
  const token = await issue(db, row.id, 'confirm_email', CONFIRM_HOURS * HOUR);
  await enqueueMail(db, confirmationMail(row.email, row.login, token, CONFIRM_HOURS), nowIso());
}

export type Confirmed = { login: string; kind: 'address_confirmed' | 'address_changed' };

/** Whether a link from an email is still good (the page that asks before using it). */
export async function linkIsLive(db: Db, token: string, purposes: tokens.TokenPurpose[]): Promise<boolean> {
  return (await tokens.findLiveToken(db, sha256Hex(token), purposes, nowIso())) !== undefined;
}

/** Uses a confirmation link: the sign-up address is confirmed, or a new address takes effect (the old one is told). Null when the link is used up or expired. */
export async function confirmAddress(db: Kysely<Database>, token: string): Promise<Confirmed | null> {
  return db.transaction().execute(async (trx) => {
    const used = await tokens.useToken(trx, sha256Hex(token), ['confirm_email', 'change_email'], nowIso());
    if (used === undefined) return null;
    const row = await member(trx, used.user_id);
    if (used.purpose === 'confirm_email') {
      await users.markEmailConfirmed(trx, row.id, nowIso());
      return { login: row.login, kind: 'address_confirmed' as const };
    }
    const email = used.data;
    const holder = await users.findUserByEmailKey(trx, email.toLowerCase());
    if (holder !== undefined && holder.id !== row.id) throw invalid({ email: 'Another account has taken that address meanwhile.' });
    await users.updateEmail(trx, row.id, email, nowIso());
    await enqueueMail(trx, emailChangedNotice(row.email, row.login, email), nowIso());
    return { login: row.login, kind: 'address_changed' as const };
  });
}

/**
 * Sends a reset link to the account an address or login names, if there is one. Says nothing
 * either way (the page answers the same), and at most 3 links an hour go to one account.
 */
export async function requestReset(db: Kysely<Database>, typed: string, ip: string): Promise<void> {
  await enforceLimit(db, [`reset:address:${ip}`], { limit: 10, windowMs: HOUR });
  const account = await findAccount(db, typed);
  if (account === null || account.password_hash.startsWith('orphan$')) return;
  try {
    await enforceLimit(db, [`reset:account:${account.id}`], { limit: 3, windowMs: HOUR });
  } catch {
    return; // Still the same answer: the limit must not tell that the account exists.
  }
  await db.transaction().execute(async (trx) => {
    // Only the newest link works.
    await tokens.deleteTokens(trx, account.id, 'reset_password');
    const token = await issue(trx, account.id, 'reset_password', RESET_MINUTES * 60_000);
    await enqueueMail(trx, resetMail(account.email, account.login, token, RESET_MINUTES), nowIso());
  });
}

function newPasswordProblems(password: string, confirmation: string, login: string) {
  return collectProblems({
    password: passwordProblem(password, login),
    passwordConfirmation: confirmation !== password ? 'The two passwords do not match.' : null,
  });
}

/** Sets a new password from a reset link; every session ends. Throws validation_failed, or not_found for a used or expired link. */
export async function resetPassword(db: Kysely<Database>, token: string, password: string, confirmation: string): Promise<ViewerUser> {
  const found = await tokens.findLiveToken(db, sha256Hex(token), ['reset_password'], nowIso());
  if (found === undefined) throw new AppError('not_found', 'This reset link has expired or was already used. Ask for a new one.');
  const row = await member(db, found.user_id);
  const problems = newPasswordProblems(password, confirmation, row.login);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if (await tokens.useToken(trx, sha256Hex(token), ['reset_password'], nowIso()) === undefined) {
      throw new AppError('not_found', 'This reset link has expired or was already used. Ask for a new one.');
    }
    await users.updatePasswordHash(trx, row.id, hash);
    // Following the link proved the address is theirs.
    if (row.email_confirmed_at === null) await users.markEmailConfirmed(trx, row.id, nowIso());
    await endAllSessions(trx, row.id);
    await clearFailuresOf(trx, row.id);
    return toViewerUser({ ...row, email_confirmed_at: row.email_confirmed_at ?? nowIso() });
  });
}

async function checkCurrentPassword(db: Db, userId: number, password: string, field = 'currentPassword'): Promise<UserRow> {
  const row = await member(db, userId);
  if (!(await passwordMatches(row, password))) throw invalid({ [field]: 'That is not your current password.' });
  return row;
}

/** Changes the owner's password (their current one first); every other session ends, and the address is told. */
export async function changePassword(db: Kysely<Database>, user: ViewerUser, input: { current: string; password: string; confirmation: string }): Promise<void> {
  const row = await checkCurrentPassword(db, user.id, input.current);
  const problems = newPasswordProblems(input.password, input.confirmation, row.login);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await users.updatePasswordHash(trx, row.id, hash);
    await endAllSessions(trx, row.id);
    await enqueueMail(trx, passwordChangedNotice(row.email, row.login), nowIso());
  });
}

/** Asks to move the account to a new address: a link goes there, and nothing changes until it is followed. */
export async function requestEmailChange(db: Kysely<Database>, user: ViewerUser, input: { password: string; email: string }): Promise<string> {
  const email = input.email.trim();
  const row = await checkCurrentPassword(db, user.id, input.password, 'emailPassword');
  const problems = collectProblems({ email: emailProblem(email) });
  if (problems.email === undefined && email.toLowerCase() === row.email_key) problems.email = 'That is already your address.';
  if (problems.email === undefined && await users.findUserByEmailKey(db, email.toLowerCase())) problems.email = 'An account with that email address already exists.';
  if (Object.keys(problems).length > 0) throw invalid(problems);
  await enforceLimit(db, [`email-change:${row.id}`], { limit: 5, windowMs: HOUR });
  await db.transaction().execute(async (trx) => {
    await tokens.deleteTokens(trx, row.id, 'change_email');
    const token = await issue(trx, row.id, 'change_email', CONFIRM_HOURS * HOUR, email);
    await enqueueMail(trx, emailChangeMail(email, row.login, token, CONFIRM_HOURS), nowIso());
    // The owner hears of it at the address they have now, before anything changes.
    await enqueueMail(trx, emailChangeRequestedNotice(row.email, row.login, email), nowIso());
  });
  return email;
}

/** Renames the account; the old name leads to it (and stays taken) for RENAME_DAYS. Returns the new login. */
export async function changeLogin(db: Kysely<Database>, user: ViewerUser, input: { password: string; login: string }): Promise<string> {
  const login = input.login.trim();
  const row = await checkCurrentPassword(db, user.id, input.password, 'loginPassword');
  const problems = collectProblems({ newLogin: loginProblem(login) });
  const key = login.toLowerCase();
  if (problems.newLogin === undefined && key === row.login_key && login === row.login) problems.newLogin = 'That is already your user name.';
  const heldBy = problems.newLogin === undefined && key !== row.login_key
    ? (await users.findUserByLoginKey(db, key))?.id ?? (await users.findLiveRename(db, key, nowIso()))?.user_id
    : undefined;
  // A name they gave up themselves is theirs to take back.
  if (heldBy !== undefined && heldBy !== row.id) {
    problems.newLogin = 'That user name is already taken.';
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  await db.transaction().execute(async (trx) => {
    await users.updateLogin(trx, row.id, login);
    if (key !== row.login_key) await users.insertRename(trx, row.login_key, row.id, isoFromNow(RENAME_DAYS * 24 * HOUR));
  });
  return login;
}

/** Where an old login name now leads, while its rename is live; null otherwise. */
export async function renamedTo(db: Db, oldLogin: string): Promise<string | null> {
  const rename = await users.findLiveRename(db, oldLogin.toLowerCase(), nowIso());
  if (rename === undefined) return null;
  return (await users.findUserById(db, rename.user_id))?.login ?? null;
}

/** Forgets used and expired links (the CLI's housekeeping). */
export function pruneAccountTokens(db: Db): Promise<void> {
  return tokens.deleteSpentTokens(db, nowIso());
}

/** What the account page shows: the address, whether it is confirmed, and an address a change waits on. */
export async function accountSettingsOf(db: Db, user: ViewerUser): Promise<{ email: string; confirmed: boolean; pendingEmail: string | null }> {
  const row = await member(db, user.id);
  const pending = await tokens.findPendingData(db, user.id, 'change_email', nowIso());
  return { email: row.email, confirmed: row.email_confirmed_at !== null, pendingEmail: pending ?? null };
}
