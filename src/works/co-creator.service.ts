// Co-creators by invitation: a creator invites another member's pseud; the member is told (their
// invitations page, and email) and appears as a creator only once they accept. Any creator may
// leave a work that has another creator. Until then an invitation gives the invitee nothing: the
// work is not theirs to see, edit or list.
import { blockedBy } from '../access/blocking.js';
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences } from '../accounts/preferences.service.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { Database, Db } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { forbidden, invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { deliverMail } from '../mail/digest.js';
import * as repo from './co-creator.repository.js';
import { invitationMail } from './views/co-creator-mail.js';
import * as works from './work.repository.js';
import { changeWork } from './work.service.js';

export type CreatorsView = { title: string; creators: Array<{ pseud: string; login: string; me: boolean }>; invited: Array<{ pseudId: number; pseud: string; login: string }> };

/** A work's creators and its open invitations, for its creators. */
export async function creatorsOf(db: Db, viewer: Viewer, workId: number): Promise<CreatorsView> {
  const work = await requireCreator(db, viewer, workId);
  const me = requireUser(viewer).id;
  const [creators, invited] = await Promise.all([works.findCreatorsOfWorks(db, [workId]), repo.invitationsOfWork(db, workId)]);
  return {
    title: work.title, creators: creators.map((c) => ({ pseud: c.pseud, login: c.login, me: c.user_id === me })),
    invited: invited.map((i) => ({ pseudId: i.pseud_id, pseud: i.pseud, login: i.login })),
  };
}

/** Invites a member's pseud ("pseud (login)", or a login for their default pseud) to co-create the work. */
export async function inviteCoCreator(db: Kysely<Database>, viewer: Viewer, workId: number, text: string): Promise<string> {
  const work = await requireCreator(db, viewer, workId);
  const user = requireUser(viewer);
  if (text.trim() === '') throw invalid({ invitee: 'Give a member’s login, or one of their pseuds as “pseud (login)”.' });
  const pseud = await repo.findPseudNamed(db, text);
  if (pseud === undefined) throw invalid({ invitee: `There is no member or pseud named ${text.trim()}.` });
  if (pseud.user_id === user.id) throw invalid({ invitee: 'You are a creator already: choose your pseuds on the work’s edit form.' });
  if (await blockedBy(db, pseud.user_id, user.id)) throw invalid({ invitee: `${pseud.login} cannot be invited by you.` });
  if ((await works.findCreatorsOfWorks(db, [workId])).some((c) => c.user_id === pseud.user_id)) throw invalid({ invitee: `${pseud.login} is a creator of this work already.` });
  if (await repo.findInvitation(db, workId, pseud.id) !== undefined) throw invalid({ invitee: `${pseud.name} was invited already.` });
  await inTransaction(db, async (trx) => {
    await repo.insertInvitation(trx, { work_id: workId, pseud_id: pseud.id, invited_by: user.id, created_at: nowIso() });
    const person = (await mailPreferences(trx, [pseud.user_id])).get(pseud.user_id);
    if (person !== undefined) {
      await deliverMail(trx, { userId: pseud.user_id, digest: person.digest }, invitationMail({ to: person.email, login: person.login, pseud: pseud.name, inviter: user.login, workTitle: work.title }), nowIso());
    }
  });
  return pseud.name === pseud.login ? pseud.login : `${pseud.name} (${pseud.login})`;
}

/** The invitations a member has not answered yet (their own page). */
export async function invitationsOf(db: Db, viewer: Viewer, login: string): Promise<{ login: string; invitations: repo.InvitationRow[] }> {
  const user = requireUser(viewer);
  const member = await getUserByLogin(db, login);
  if (member.id !== user.id) throw forbidden('Only the member invited can see their invitations.');
  return { login: member.login, invitations: await repo.invitationsOfUser(db, member.id) };
}

/** The invitee's own invitation, or 404. */
async function ownInvitation(db: Db, viewer: Viewer, workId: number, pseudId: number): Promise<repo.InvitationRow> {
  const user = requireUser(viewer);
  const invitation = Number.isSafeInteger(workId) && Number.isSafeInteger(pseudId) ? await repo.findInvitation(db, workId, pseudId) : undefined;
  if (invitation?.user_id !== user.id) throw notFound();
  return invitation;
}

/** Accepts: the pseud becomes the work's last creator. */
export async function acceptInvitation(db: Kysely<Database>, viewer: Viewer, workId: number, pseudId: number): Promise<void> {
  await ownInvitation(db, viewer, workId, pseudId);
  await changeWork(db, workId, async (trx) => {
    await repo.deleteInvitation(trx, workId, pseudId);
    await repo.appendCreator(trx, workId, pseudId);
    await works.bumpVersions(trx, [workId]);
  });
}

/** Declines (the invitee), or takes back (a creator), an invitation. */
export async function dropInvitation(db: Kysely<Database>, viewer: Viewer, workId: number, pseudId: number): Promise<'declined' | 'withdrawn'> {
  const user = requireUser(viewer);
  const invitation = Number.isSafeInteger(workId) && Number.isSafeInteger(pseudId) ? await repo.findInvitation(db, workId, pseudId) : undefined;
  if (invitation === undefined) throw notFound();
  if (invitation.user_id !== user.id) await requireCreator(db, viewer, workId);
  await repo.deleteInvitation(db, workId, pseudId);
  return invitation.user_id === user.id ? 'declined' : 'withdrawn';
}

/** Leaves a work as one of its creators; the last creator cannot (they may delete or orphan it). */
export async function leaveWork(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<void> {
  await requireCreator(db, viewer, workId);
  const user = requireUser(viewer);
  if ((await works.findCreatorsOfWorks(db, [workId])).every((c) => c.user_id === user.id)) throw invalid({ leave: 'You are its only creator: delete the work, or orphan it, instead.' });
  await changeWork(db, workId, async (trx) => {
    await repo.removeCreatorsOfUser(trx, workId, user.id);
    await works.bumpVersions(trx, [workId]);
  });
}
