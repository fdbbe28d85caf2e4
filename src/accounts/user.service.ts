// Accounts: sign-up (the first account is an admin), log-in checks, passwords, pseuds.
import type { Kysely } from 'kysely';
import type { Database, Db, PseudRow, UserRow, UserStanding } from '../db/database.js';
import { endAllSessions } from './session.service.js';
import { AppError, forbidden, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { hashPassword, verifyPassword } from '../lib/secrets.js';
import { cleanLine } from '../lib/text.js';
import { collectProblems, emailProblem, loginProblem, passwordProblem, pseudProblem } from './account.validation.js';
import * as users from './user.repository.js';
import { ADMIN_ROLES, READING_DEFAULTS, type AdminRole, type ReadingChoices, type ViewerUser } from '../access/viewer.js';
import { nowIso } from '../lib/clock.js';
import { archiveSettings } from './settings.service.js';

export type SignUpInput = { login: string; email: string; password: string; passwordConfirmation?: string | undefined };

/** The user as a viewer sees itself; a session brings the member's reading choices (the command line and the API show no pages, so the defaults do). */
export function toViewerUser(row: UserRow, reading: ReadingChoices = READING_DEFAULTS): ViewerUser {
  return {
    id: row.id, login: row.login, isAdmin: row.is_admin === 1, isWrangler: row.is_wrangler === 1, confirmed: row.email_confirmed_at !== null,
    twoFactor: row.totp_enabled_at !== null, roles: rolesOf(row.admin_roles), silencedUntil: silencedUntil(row),
    trusted: row.trusted_at !== null || row.is_admin === 1 || row.admin_roles !== '', termsVersion: row.terms_version, reading,
  };
}

function rolesOf(text: string): AdminRole[] {
  return ADMIN_ROLES.filter((role) => text.split(',').includes(role));
}

/** A member marked as spam is silenced for good (until they are restored); a suspended one until the date. */
function silencedUntil(row: UserRow): string | null {
  if (row.standing === 'spam' || row.standing === 'banned') return '9999-12-31T00:00:00.000Z';
  if (row.standing === 'suspended' && row.suspended_until !== null && row.suspended_until > nowIso()) return row.suspended_until;
  return null;
}

async function checkNewAccount(db: Db, input: SignUpInput, refuse: FieldErrors = {}): Promise<void> {
  const fields = collectProblems({
    ...refuse,
    login: loginProblem(input.login),
    email: emailProblem(input.email),
    password: passwordProblem(input.password, input.login),
    passwordConfirmation: input.passwordConfirmation !== undefined && input.passwordConfirmation !== input.password
      ? 'The two passwords do not match.' : null,
  });
  if (fields.login === undefined && await users.findUserByLoginKey(db, input.login.toLowerCase())) fields.login = 'That user name is already taken.';
  if (fields.email === undefined && await users.findUserByEmailKey(db, input.email.toLowerCase())) fields.email = 'An account with that email address already exists.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/**
 * Creates an account; the first one on an empty archive is an admin, as is any made with `admin`.
 * Accounts made on the sign-up page pass `confirmed: false` and must confirm their address
 * (the first account excepted: it is the operator's, on an archive that may not send email yet);
 * the operator's own (the CLI, seeds) are confirmed.
 */
export async function createAccount(
  db: Kysely<Database>, raw: SignUpInput,
  /** `refuse`: problems the caller found with its own fields (the terms), reported with the others. */
  options: { admin?: boolean; confirmed?: boolean; alongside?: (trx: Db, userId: number) => Promise<void>; refuse?: FieldErrors } = {},
): Promise<ViewerUser> {
  const input = { ...raw, login: raw.login.trim(), email: raw.email.trim() };
  await checkNewAccount(db, input, options.refuse);
  const passwordHash = await hashPassword(input.password);
  // While the archive holds new accounts, what a newcomer writes waits for the moderators until they approve some of it.
  const { holdNewAccounts } = await archiveSettings(db);
  const id = await db.transaction().execute(async (trx) => {
    const first = (await users.countUsers(trx)) === 0;
    const isAdmin = options.admin === true || first;
    const confirmed = options.confirmed !== false || first;
    const userId = await users.insertUserWithDefaultPseud(trx, { login: input.login, email: input.email, passwordHash, isAdmin, confirmed, trusted: isAdmin || !holdNewAccounts });
    // Throwing here (an invitation used meanwhile) makes no account.
    if (options.alongside !== undefined) await options.alongside(trx, userId);
    return userId;
  });
  const created = await users.findUserById(db, id);
  if (!created) throw new AppError('internal');
  return toViewerUser(created);
}

/** The account a login name or email names, or null. */
export async function findAccount(db: Db, loginOrEmail: string): Promise<UserRow | null> {
  const key = loginOrEmail.trim().toLowerCase();
  return (key.includes('@') ? await users.findUserByEmailKey(db, key) : await users.findUserByLoginKey(db, key)) ?? null;
}

/** Checks a password against an account; as slow for no account as for a wrong password, so timing does not reveal which logins exist. */
export async function passwordMatches(account: UserRow | null, password: string): Promise<boolean> {
  if (account === null) {
    await verifyPassword(password, DUMMY_HASH);
    return false;
  }
  return verifyPassword(password, account.password_hash);
}

/** Finds the account for a login name or email and checks the password; null when either is wrong. */
export async function authenticate(db: Db, loginOrEmail: string, password: string): Promise<ViewerUser | null> {
  const account = await findAccount(db, loginOrEmail);
  return account !== null && await passwordMatches(account, password) ? toViewerUser(account) : null;
}
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Sets a new password for a login (used by the CLI); throws validation_failed for a weak one. */
export async function setPassword(db: Db, login: string, password: string): Promise<ViewerUser> {
  const user = await users.findUserByLoginKey(db, login.toLowerCase());
  if (!user) throw new AppError('not_found', `There is no user "${login}".`);
  const problem = passwordProblem(password, user.login);
  if (problem !== null) throw invalid({ password: problem });
  await users.updatePasswordHash(db, user.id, await hashPassword(password));
  return toViewerUser(user);
}

/** Grants or takes away the tag wrangler role; only admins may. Returns the user. */
export async function setWrangler(db: Db, actor: ViewerUser | null, login: string, on: boolean): Promise<ViewerUser> {
  if (actor !== null && !actor.isAdmin && !actor.roles.includes('tag_wrangling')) throw forbidden('Only administrators and the tag wrangling role can choose tag wranglers.');
  const user = await users.findUserByLoginKey(db, login.trim().toLowerCase());
  if (!user) throw invalid({ login: `There is no user "${login}".` });
  await users.updateWrangler(db, user.id, on);
  return { ...toViewerUser(user), isWrangler: on };
}

/** Everyone who can wrangle tags. */
export async function listWranglers(db: Db): Promise<ViewerUser[]> {
  return (await users.findWranglers(db)).map((row) => toViewerUser(row));
}

/** Looks up a user by login for public pages; 404 when there is none. */
export async function getUserByLogin(db: Db, login: string): Promise<UserRow> {
  const user = await users.findUserByLoginKey(db, login.toLowerCase());
  if (!user) throw notFound();
  return user;
}

/** The pseuds of a user, default first. */
export function listPseudsOf(db: Db, userId: number): Promise<PseudRow[]> {
  return users.listPseuds(db, userId);
}

/** A user's pseud by name (case-insensitive); 404 when missing. */
export async function getPseud(db: Db, userId: number, name: string): Promise<PseudRow> {
  const pseud = await users.findPseud(db, userId, name.toLowerCase());
  if (!pseud) throw notFound();
  return pseud;
}

/** Adds a pseud to the viewer's account. */
export async function addPseud(db: Db, user: ViewerUser, rawName: string, description: string): Promise<PseudRow> {
  const name = cleanLine(rawName);
  const problem = pseudProblem(name);
  if (problem !== null) throw invalid({ name: problem });
  if (await users.findPseud(db, user.id, name.toLowerCase())) throw invalid({ name: 'You already have a pseud with that name.' });
  await users.insertPseud(db, user.id, name, false, description.trim().slice(0, 500));
  return getPseud(db, user.id, name);
}

/** The shared account works are handed to when their creators orphan them. Nobody can log in as it. */
export const ORPHAN_LOGIN = 'orphan_account';

/**
 * The orphan account's pseud to put an orphaned work under: its default one, or (keeping the
 * creator's name on the work) one named as the creator's pseud, made the first time it is needed.
 */
export async function orphanPseud(db: Db, keepName: string | null): Promise<number> {
  let user: { id: number } | undefined = await users.findUserByLoginKey(db, ORPHAN_LOGIN);
  if (user === undefined) {
    // No password hash matches this one: the account can never be logged in to.
    const id = await users.insertUserWithDefaultPseud(db, { login: ORPHAN_LOGIN, email: `${ORPHAN_LOGIN}@invalid`, passwordHash: 'orphan$no-login', isAdmin: false });
    user = { id };
  }
  const name = keepName ?? ORPHAN_LOGIN;
  const found = await users.findPseud(db, user.id, name.toLowerCase());
  return found?.id ?? users.insertPseud(db, user.id, name, false, 'Kept when its creator orphaned their works.');
}

/** A member as a moderator reads them; undefined when there is no such account. */
export function findMember(db: Db, userId: number): Promise<UserRow | undefined> {
  return users.findUserById(db, userId);
}

/**
 * Sets a member's standing for the archive's moderators (the moderation domain checks who may):
 * banned members are logged out everywhere and cannot log in again.
 */
export async function setStanding(db: Db, userId: number, standing: UserStanding, suspendedUntil: string | null = null): Promise<void> {
  await users.updateStanding(db, userId, standing, suspendedUntil);
  if (standing === 'banned') await endAllSessions(db, userId);
}

/** Gives a member the volunteer roles listed (replacing theirs); only administrators may. */
export async function setRoles(db: Db, actor: ViewerUser, login: string, roles: readonly AdminRole[]): Promise<UserRow> {
  if (!actor.isAdmin) throw forbidden('Only administrators can give roles.');
  const user = await users.findUserByLoginKey(db, login.trim().toLowerCase());
  if (!user) throw invalid({ login: `There is no user "${login}".` });
  await users.updateRoles(db, user.id, roles.join(','));
  return user;
}

/** Everyone who holds a volunteer role, with their roles. */
export async function listRoleHolders(db: Db): Promise<Array<{ login: string; roles: readonly AdminRole[] }>> {
  return (await users.findRoleHolders(db)).map((row) => ({ login: row.login, roles: rolesOf(row.admin_roles) }));
}

/** Checks the member's own password before something that cannot be undone; a wrong one is a field error on `field`. */
export async function confirmOwnPassword(db: Db, userId: number, password: string, field = 'password'): Promise<UserRow> {
  const row = await users.findUserById(db, userId);
  if (row === undefined || !(await passwordMatches(row, password))) throw invalid({ [field]: 'That is not your current password.' });
  return row;
}

/** Deletes an account whose works were already handed on or deleted: sessions, pseuds, bookmarks and the rest go with it; comments stay, signed "(Account deleted)". */
export async function removeAccount(db: Db, userId: number): Promise<void> {
  await users.deleteUser(db, userId);
}

/** Renames a pseud or changes its description (its owner); returns the pseud as it was. */
export async function editPseud(db: Db, user: ViewerUser, pseudName: string, raw: { name: string; description: string }): Promise<PseudRow> {
  const pseud = await getPseud(db, user.id, pseudName);
  const name = cleanLine(raw.name);
  const problem = pseudProblem(name);
  if (problem !== null) throw invalid({ name: problem });
  const holder = await users.findPseud(db, user.id, name.toLowerCase());
  if (holder !== undefined && holder.id !== pseud.id) throw invalid({ name: 'You already have a pseud with that name.' });
  await users.updatePseud(db, pseud.id, name, raw.description.trim().slice(0, 500));
  return pseud;
}

/** Deletes a pseud that is not the default one, after its works moved to the default pseud (works/pseud-changes.service.ts). */
export async function dropPseud(db: Db, user: ViewerUser, pseud: PseudRow): Promise<void> {
  const pseuds = await users.listPseuds(db, user.id);
  const fallback = pseuds.find((p) => p.is_default === 1);
  if (pseud.is_default === 1 || fallback === undefined) throw invalid({ name: 'Your default pseud cannot be deleted.' });
  await users.mergePseudInto(db, pseud.id, fallback.id);
}
