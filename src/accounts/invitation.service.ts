// Registration by invitation, as on AO3: while the archive's registration is "invitation", a new
// account needs an unused code. Codes come from the queue (anyone leaves an address and sees their
// place; administrators send the first N by hand, and N a day automatically) or from a member an
// administrator gave codes to share. A code is used once, by a claim in the sign-up.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { requireAdmin } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { forbidden, invalid } from '../http/errors.js';
import { enforceLimit } from '../http/rate-limit.js';
import { nowIso, today } from '../lib/clock.js';
import { randomToken } from '../lib/secrets.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import { emailProblem } from './account.validation.js';
import * as repo from './invitation.repository.js';
import { archiveSettings } from './settings.service.js';
import { getUserByLogin } from './user.service.js';
import { invitationMail } from './views/account-mail.js';

/** A new code: 12 letters and digits, easy to copy. */
function newCode(): string {
  return randomToken().replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
}

/** Joins the queue (once per address; at most 5 requests an hour from one address); returns the place in it. */
export async function requestInvitation(db: Db, email: string, ip: string): Promise<number> {
  const clean = email.trim();
  const problem = emailProblem(clean);
  if (problem !== null) throw invalid({ email: problem });
  await enforceLimit(db, [`invite-request:${ip}`], { limit: 5, windowMs: 60 * 60_000 });
  await repo.insertRequest(db, clean, nowIso());
  return (await repo.placeInQueue(db, clean.toLowerCase())) ?? 0;
}

/** An address's place in the queue: 1 is next, 0 when the invitation was sent, null when it is not in the queue. */
export function placeOf(db: Db, email: string): Promise<number | null> {
  return repo.placeInQueue(db, email.trim().toLowerCase());
}

export function queueLength(db: Db): Promise<number> {
  return repo.waitingCount(db);
}

/** Sends invitations to the first `count` addresses waiting; returns how many went. */
export async function releaseInvitations(db: Kysely<Database>, count: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const waiting = await repo.firstWaiting(trx, count);
    for (const request of waiting) {
      const code = newCode();
      const id = await repo.insertInvitation(trx, { code, ownerId: null, email: request.email, now: nowIso() });
      await repo.markSent(trx, request.id, id);
      await enqueueMail(trx, invitationMail(request.email, code), nowIso());
    }
    return waiting.length;
  });
}

/** An administrator sends the first `count` waiting by hand. */
export async function releaseByHand(db: Kysely<Database>, viewer: Viewer, count: number): Promise<number> {
  requireAdmin(viewer);
  if (!Number.isInteger(count) || count < 1 || count > 10000) throw invalid({ count: 'Send 1 to 10,000 invitations at a time.' });
  return releaseInvitations(db, count);
}

/** Today's automatic release, by whichever app server claims it first; returns how many went. */
export async function releaseDaily(db: Kysely<Database>): Promise<number> {
  const { invitationsPerDay, registration } = await archiveSettings(db);
  if (invitationsPerDay === 0 || registration !== 'invitation') return 0;
  if (!(await repo.claimDailyRelease(db, today(), nowIso()))) return 0;
  return releaseInvitations(db, invitationsPerDay);
}

/** Gives a member codes to share; only administrators may. */
export async function giveCodes(db: Db, viewer: Viewer, login: string, count: number): Promise<string> {
  requireAdmin(viewer);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw invalid({ codes: 'Give 1 to 100 codes at a time.' });
  const member = await getUserByLogin(db, login.trim()).catch(() => null);
  if (member === null) throw invalid({ login: `There is no user "${login}".` });
  for (let i = 0; i < count; i++) await repo.insertInvitation(db, { code: newCode(), ownerId: member.id, email: null, now: nowIso() });
  return member.login;
}

/** The codes a member was given, and who used them (their own page). */
export async function codesOf(db: Db, viewer: Viewer, login: string): Promise<Array<{ code: string; usedAt: string | null; usedBy: string | null }>> {
  const user = viewer.user;
  if (user === null || user.login.toLowerCase() !== login.toLowerCase()) throw forbidden('Only their owner sees a member\'s invitation codes.');
  return (await repo.codesOwnedBy(db, user.id)).map((c) => ({ code: c.code, usedAt: c.used_at, usedBy: c.used_login }));
}

/** Whether a code can still be used (the sign-up form checks it before anything is written). */
export function codeIsUsable(db: Db, code: string): Promise<boolean> {
  return repo.codeIsUnused(db, code.trim());
}

/** Uses a code for a new account, inside its transaction; false when it was used meanwhile. */
export function claimInvitation(trx: Db, code: string, userId: number): Promise<boolean> {
  return repo.claimCode(trx, code.trim(), userId, nowIso());
}
