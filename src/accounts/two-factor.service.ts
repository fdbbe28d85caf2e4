// Two-factor sign-in: an authenticator app's codes (src/lib/totp.ts) and ten one-time recovery
// codes, for any member who wants it and required of administrators. After the password, a
// member who uses it holds a short-lived sign-in token (a cookie) until they give a code.
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database, Db, UserRow } from '../db/database.js';
import { AppError, invalid } from '../http/errors.js';
import { isoFromNow, nowIso } from '../lib/clock.js';
import { randomToken, sha256Hex } from '../lib/secrets.js';
import { base32Decode, base32Encode, matchTotp, newTotpSecret } from '../lib/totp.js';
import type { ViewerUser } from '../access/viewer.js';
import * as tokens from './account-token.repository.js';
import { checkNotLocked, noteFailure, noteSuccess } from './login-backoff.js';
import { passwordMatches, toViewerUser } from './user.service.js';
import * as users from './user.repository.js';

export const RECOVERY_CODE_COUNT = 10;
const SIGN_IN_MINUTES = 10;

async function member(db: Db, userId: number): Promise<UserRow> {
  const row = await users.findUserById(db, userId);
  if (row === undefined) throw new AppError('not_found');
  return row;
}

/** Starts (or starts again) setting up an authenticator app: a new key, not in use until a code from it is given. */
export async function beginEnrollment(db: Db, user: ViewerUser): Promise<string> {
  const row = await member(db, user.id);
  if (row.totp_enabled_at !== null) throw invalid({ code: 'Two-factor sign-in is already on. Turn it off first to use another app.' });
  const secret = newTotpSecret();
  await users.setTotp(db, user.id, { secret, enabledAt: null, lastStep: null });
  return secret;
}

/** The key being set up, for the page that shows it (null when none is pending). */
export async function pendingSecret(db: Db, user: ViewerUser): Promise<string | null> {
  const row = await member(db, user.id);
  return row.totp_enabled_at === null ? row.totp_secret : null;
}

function recoveryCode(): string {
  const text = base32Encode(randomBytes(10)).toLowerCase();
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}`;
}

function normalizeRecovery(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z2-7]/g, '');
}

async function newRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  await users.replaceRecoveryCodes(db, userId, codes.map((code) => sha256Hex(normalizeRecovery(code))));
  return codes;
}

/** Turns two-factor sign-in on once a code from the app matches; returns the recovery codes, shown once. */
export async function finishEnrollment(db: Kysely<Database>, user: ViewerUser, typed: string): Promise<string[]> {
  const row = await member(db, user.id);
  const key = row.totp_secret === null ? null : base32Decode(row.totp_secret);
  if (row.totp_enabled_at !== null || key === null) throw invalid({ code: 'Start setting up again: there is no app waiting to be confirmed.' });
  const step = matchTotp(key, typed, Date.now() / 1000, null);
  if (step === null) throw invalid({ code: 'That code does not match. Check the app shows this archive and your user name, and type the six digits it shows now.' });
  return db.transaction().execute(async (trx) => {
    await users.setTotp(trx, user.id, { secret: row.totp_secret, enabledAt: nowIso(), lastStep: step });
    return newRecoveryCodes(trx, user.id);
  });
}

/** New recovery codes (the old ones stop working), after the password. */
export async function replaceRecoveryCodes(db: Kysely<Database>, user: ViewerUser, password: string): Promise<string[]> {
  const row = await member(db, user.id);
  if (!(await passwordMatches(row, password))) throw invalid({ password: 'That is not your current password.' });
  if (row.totp_enabled_at === null) throw invalid({ password: 'Two-factor sign-in is off.' });
  return db.transaction().execute((trx) => newRecoveryCodes(trx, user.id));
}

/** Checks a code from the app, or an unused recovery code (which is then spent). A code from the app is good once. */
async function secondFactorMatches(db: Kysely<Database>, row: UserRow, typed: string): Promise<boolean> {
  const key = row.totp_secret === null ? null : base32Decode(row.totp_secret);
  if (key !== null) {
    const step = matchTotp(key, typed, Date.now() / 1000, row.totp_last_step);
    // Claimed with a compare-and-set, so the same code sent twice at once signs in once.
    if (step !== null) return users.claimTotpStep(db, row.id, row.totp_last_step, step);
  }
  const recovery = normalizeRecovery(typed);
  return recovery.length === 16 && users.spendRecoveryCode(db, row.id, sha256Hex(recovery), nowIso());
}

/** Turns two-factor sign-in off, after the password and a current code. Administrators cannot: it is required of them. */
export async function disableTwoFactor(db: Kysely<Database>, user: ViewerUser, input: { password: string; code: string }): Promise<void> {
  const row = await member(db, user.id);
  if (row.is_admin === 1) throw invalid({ code: 'Administrators must sign in with two factors, so it cannot be turned off.' });
  if (!(await passwordMatches(row, input.password))) throw invalid({ password: 'That is not your current password.' });
  if (!(await secondFactorMatches(db, row, input.code))) throw invalid({ code: 'That code does not match.' });
  await db.transaction().execute(async (trx) => {
    await users.setTotp(trx, user.id, { secret: null, enabledAt: null, lastStep: null });
    await users.replaceRecoveryCodes(trx, user.id, []);
  });
}

export type PendingSignIn = { remember: boolean; returnTo: string };

/** The password was right and a second factor is owed: a short-lived token for the cookie that carries the member to the code page. */
export async function startPendingSignIn(db: Db, userId: number, pending: PendingSignIn): Promise<string> {
  const token = randomToken();
  await tokens.insertToken(db, { hash: sha256Hex(token), userId, purpose: 'sign_in', data: JSON.stringify(pending), now: nowIso(), expiresAt: isoFromNow(SIGN_IN_MINUTES * 60_000) });
  return token;
}

/** Whether a sign-in token is still waiting for its code. */
export async function pendingSignIn(db: Db, token: string): Promise<boolean> {
  return (await tokens.findLiveToken(db, sha256Hex(token), ['sign_in'], nowIso())) !== undefined;
}

/**
 * Finishes a sign-in with a code from the app or a recovery code. A wrong code counts as a failed
 * log-in (the same back-off as passwords); an expired token sends the member back to the log-in page.
 */
export async function finishSignIn(db: Kysely<Database>, token: string, typed: string, ip: string): Promise<{ user: UserRow; pending: PendingSignIn }> {
  const hash = sha256Hex(token);
  const found = await tokens.findLiveToken(db, hash, ['sign_in'], nowIso());
  if (found === undefined) throw new AppError('not_found', 'This sign-in took too long. Log in again.');
  const row = await member(db, found.user_id);
  const attempt = { account: row, typed: row.login, ip };
  await checkNotLocked(db, attempt);
  if (!(await secondFactorMatches(db, row, typed))) {
    await noteFailure(db, attempt);
    throw invalid({ code: 'That code does not match. Type the six digits your app shows now, or one of your recovery codes.' });
  }
  if (await tokens.useToken(db, hash, ['sign_in'], nowIso()) === undefined) throw new AppError('not_found', 'This sign-in took too long. Log in again.');
  await noteSuccess(db, attempt);
  return { user: row, pending: JSON.parse(found.data) as PendingSignIn };
}

/** How many recovery codes a member has left. */
export function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  return users.countRecoveryCodes(db, userId);
}

/** The operator's way out for a member who lost their phone and their recovery codes (the CLI). */
export async function turnOffTwoFactor(db: Kysely<Database>, login: string): Promise<ViewerUser> {
  const row = await users.findUserByLoginKey(db, login.toLowerCase());
  if (row === undefined) throw new AppError('not_found', `There is no user "${login}".`);
  await db.transaction().execute(async (trx) => {
    await users.setTotp(trx, row.id, { secret: null, enabledAt: null, lastStep: null });
    await users.replaceRecoveryCodes(trx, row.id, []);
  });
  return toViewerUser({ ...row, totp_enabled_at: null });
}
