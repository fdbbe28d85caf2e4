// All SQL for users and their pseuds.
import type { Db, PseudRow, UserRow, UserStanding } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export function findUserByLoginKey(db: Db, loginKey: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login_key', '=', loginKey).executeTakeFirst();
}

export function findUserByEmailKey(db: Db, emailKey: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `trusted` (the default): never held for review for being new (accounts/trust.service.ts). */
export type NewUser = { login: string; email: string; passwordHash: string; isAdmin: boolean; confirmed?: boolean; trusted?: boolean };

/** Inserts a user and its default pseud (named after the login); returns the user's id. */
export async function insertUserWithDefaultPseud(db: Db, user: NewUser): Promise<number> {
  const now = nowIso();
  const { id } = await db.insertInto('users').values({
    login: user.login, login_key: user.login.toLowerCase(), email: user.email, email_key: user.email.toLowerCase(),
    password_hash: user.passwordHash, is_admin: user.isAdmin ? 1 : 0, created_at: now, email_confirmed_at: user.confirmed === false ? null : now,
    trusted_at: user.trusted === false ? null : now,
  }).returning('id').executeTakeFirstOrThrow();
  await insertPseud(db, id, user.login, true);
  return id;
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function updateWrangler(db: Db, userId: number, on: boolean): Promise<void> {
  await db.updateTable('users').set({ is_wrangler: on ? 1 : 0 }).where('id', '=', userId).execute();
}

export function findWranglers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('is_wrangler', '=', 1).orderBy('login_key').execute();
}

export async function insertPseud(db: Db, userId: number, name: string, isDefault: boolean, description = ''): Promise<number> {
  const { id } = await db.insertInto('pseuds').values({
    user_id: userId, name, name_key: name.toLowerCase(), is_default: isDefault ? 1 : 0, description, created_at: nowIso(),
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function listPseuds(db: Db, userId: number): Promise<PseudRow[]> {
  return db.selectFrom('pseuds').selectAll().where('user_id', '=', userId)
    .orderBy('is_default', 'desc').orderBy('name_key').execute();
}

export function findPseud(db: Db, userId: number, nameKey: string): Promise<PseudRow | undefined> {
  return db.selectFrom('pseuds').selectAll().where('user_id', '=', userId).where('name_key', '=', nameKey).executeTakeFirst();
}

export async function markEmailConfirmed(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ email_confirmed_at: at }).where('id', '=', userId).execute();
}

/** A new address, confirmed by following the link sent to it. */
export async function updateEmail(db: Db, userId: number, email: string, confirmedAt: string): Promise<void> {
  await db.updateTable('users').set({ email, email_key: email.toLowerCase(), email_confirmed_at: confirmedAt }).where('id', '=', userId).execute();
}

export async function updateLogin(db: Db, userId: number, login: string): Promise<void> {
  await db.updateTable('users').set({ login, login_key: login.toLowerCase() }).where('id', '=', userId).execute();
}

/** Records an old login name leading to its member until a time (replacing an older record of the same name). */
export async function insertRename(db: Db, oldLoginKey: string, userId: number, until: string): Promise<void> {
  await db.insertInto('login_renames').values({ old_login_key: oldLoginKey, user_id: userId, until })
    .onConflict((oc) => oc.column('old_login_key').doUpdateSet({ user_id: userId, until })).execute();
}

export function findLiveRename(db: Db, oldLoginKey: string, now: string): Promise<{ user_id: number } | undefined> {
  return db.selectFrom('login_renames').select('user_id').where('old_login_key', '=', oldLoginKey).where('until', '>', now).executeTakeFirst();
}

export async function setTotp(db: Db, userId: number, totp: { secret: string | null; enabledAt: string | null; lastStep: number | null }): Promise<void> {
  await db.updateTable('users').set({ totp_secret: totp.secret, totp_enabled_at: totp.enabledAt, totp_last_step: totp.lastStep }).where('id', '=', userId).execute();
}

/** Moves the last used step forward if no other request did first; false when one did. */
export async function claimTotpStep(db: Db, userId: number, previous: number | null, step: number): Promise<boolean> {
  const result = await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId)
    .where((eb) => (previous === null ? eb('totp_last_step', 'is', null) : eb('totp_last_step', '=', previous)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length > 0) await db.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null }))).execute();
}

/** Spends an unused recovery code; false when there is none such. */
export async function spendRecoveryCode(db: Db, userId: number, hash: string, now: string): Promise<boolean> {
  const result = await db.updateTable('recovery_codes').set({ used_at: now })
    .where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateStanding(db: Db, userId: number, standing: UserStanding, suspendedUntil: string | null): Promise<void> {
  await db.updateTable('users').set({ standing, suspended_until: suspendedUntil }).where('id', '=', userId).execute();
}

export async function updateRoles(db: Db, userId: number, roles: string): Promise<void> {
  await db.updateTable('users').set({ admin_roles: roles }).where('id', '=', userId).execute();
}

export function findRoleHolders(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('admin_roles', '!=', '').orderBy('login_key').execute();
}

export async function deleteUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

export async function updatePseud(db: Db, pseudId: number, name: string, description: string): Promise<void> {
  await db.updateTable('pseuds').set({ name, name_key: name.toLowerCase(), description }).where('id', '=', pseudId).execute();
}

/** Moves what a pseud signed (comments, bookmarks) to another of the same member's pseuds, then deletes it. */
export async function mergePseudInto(db: Db, pseudId: number, intoId: number): Promise<void> {
  await db.updateTable('comments').set({ pseud_id: intoId }).where('pseud_id', '=', pseudId).execute();
  await db.updateTable('bookmarks').set({ pseud_id: intoId }).where('pseud_id', '=', pseudId).execute();
  await db.deleteFrom('pseuds').where('id', '=', pseudId).execute();
}

/** Marks a member as trusted (their works and comments are no longer held for being new), keeping the first time. */
export async function markTrusted(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ trusted_at: at }).where('id', '=', userId).where('trusted_at', 'is', null).execute();
}
