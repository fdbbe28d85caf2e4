// Permissions, in one place for pages and the API alike: who must be logged in, who may change a
// work, who may administer or wrangle, and which works a viewer may open at all.
import type { Db, WorkRow } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { findWorkAccess } from './access.repository.js';
import { scopeOf } from './scope.js';
import type { AdminRole, Viewer, ViewerUser } from './viewer.js';

/** The logged-in user, or 401 for a guest. */
export function requireUser(viewer: Viewer, message = 'Log in to do that.'): ViewerUser {
  if (viewer.user === null) throw new AppError('unauthorized', message);
  return viewer.user;
}

/** The logged-in member whose own page `login` names: 401 for a guest, 403 for anyone else. */
export function requireSelf(viewer: Viewer, login: string, messages: { guest: string; other: string }): ViewerUser {
  const user = requireUser(viewer, messages.guest);
  if (user.login.toLowerCase() !== login.toLowerCase()) throw forbidden(messages.other);
  return user;
}

/** The owner of the account pages at /users/:login/account. */
export function requireAccountOwner(viewer: Viewer, login: string): ViewerUser {
  return requireSelf(viewer, login, { guest: 'Log in to change your account.', other: 'You can only change your own account.' });
}

/**
 * A member who may post or comment: 401 for a guest, 403 email_unconfirmed until they confirm
 * their address, 403 suspended while moderators have suspended them (or marked them as spam).
 */
export function requireConfirmed(viewer: Viewer): ViewerUser {
  const user = requireUser(viewer);
  if (!user.confirmed) throw new AppError('email_unconfirmed');
  if (user.silencedUntil !== null && user.silencedUntil > new Date().toISOString()) {
    const until = user.silencedUntil.startsWith('9999') ? '' : ` until ${user.silencedUntil.slice(0, 10)}`;
    throw new AppError('suspended', `The archive's moderators have suspended your account${until}: you cannot post works or comment meanwhile.`);
  }
  return user;
}

/** An administrator: 401 for a guest, 403 for anyone else. */
export function requireAdmin(viewer: Viewer): ViewerUser {
  const user = requireUser(viewer, 'Log in as an administrator.');
  if (!user.isAdmin) throw forbidden('Only administrators can do that.');
  // In a browser, an administrator's powers wait until their sign-in takes a second factor.
  if (viewer.via === 'session' && !user.twoFactor) throw new AppError('two_factor_required');
  return user;
}

/**
 * A volunteer with a role (moderation, support, wrangling), or an administrator, who has them
 * all: 401 for a guest, 403 for anyone else; in a browser, only once two-factor sign-in is on.
 */
export function requireRole(viewer: Viewer, role: AdminRole): ViewerUser {
  const user = requireUser(viewer, 'Log in as one of the archive\'s volunteers.');
  if (!user.isAdmin && !user.roles.includes(role)) throw forbidden('Your role on this archive does not open this page.');
  if (viewer.via === 'session' && !user.twoFactor) throw new AppError('two_factor_required');
  return user;
}

/** Someone who may wrangle tags (wranglers and admins): 401 for a guest, 403 for anyone else. */
export function requireWrangler(viewer: Viewer): ViewerUser {
  const user = requireUser(viewer, 'Log in to wrangle tags.');
  if (user.isWrangler) return user;
  if (!user.isAdmin && !user.roles.includes('tag_wrangling')) throw forbidden('Only tag wranglers can change tags.');
  return requireRole(viewer, 'tag_wrangling');
}

/** A work the viewer may read, and whether they created it: 404 when hidden from them, login_required for a guest on a registered-users-only work. */
export async function requireReadable(db: Db, viewer: Viewer, workId: number): Promise<{ row: WorkRow; isCreator: boolean }> {
  const access = await findWorkAccess(db, scopeOf(viewer), workId);
  if (access === undefined) throw notFound('work_not_found');
  if (!access.visible && access.mystery) throw new AppError('work_unrevealed');
  if (!access.visible) throw viewer.user === null && access.visibleToMembers ? new AppError('login_required') : notFound('work_not_found');
  return { row: access.row, isCreator: access.creator };
}

/** A work the viewer created: 401 for a guest, 404 when they cannot see it, 403 when they can but it is not theirs. */
export async function requireCreator(db: Db, viewer: Viewer, workId: number): Promise<WorkRow> {
  requireUser(viewer);
  const access = await findWorkAccess(db, scopeOf(viewer), workId);
  if (access === undefined || !access.visible) throw notFound('work_not_found');
  if (!access.creator) throw forbidden('Only the creators of this work can change it.');
  return access.row;
}

const API_TOKEN_NEEDED = 'Writing through the API needs a token: send "Authorization: Bearer <token>" (create one with npm run bindery -- tokens create <login>).';

/** An API write must carry a bearer token: a browser's cookie alone never authorizes one, so no other site can write through a reader's session. */
export function requireApiToken(viewer: Viewer): void {
  if (viewer.via !== 'token') throw new AppError('unauthorized', API_TOKEN_NEEDED);
}
