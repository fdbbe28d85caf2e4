// All SQL for co-creator invitations.
import type { Db } from '../db/database.js';

export type InvitationRow = { work_id: number; pseud_id: number; pseud: string; login: string; user_id: number; title: string };

function invitations(db: Db) {
  return db.selectFrom('creator_invitations').innerJoin('pseuds', 'pseuds.id', 'creator_invitations.pseud_id')
    .innerJoin('users', 'users.id', 'pseuds.user_id').innerJoin('works', 'works.id', 'creator_invitations.work_id')
    .select(['creator_invitations.work_id', 'creator_invitations.pseud_id', 'pseuds.name as pseud', 'users.login', 'users.id as user_id', 'works.title']);
}

export function invitationsOfWork(db: Db, workId: number): Promise<InvitationRow[]> {
  return invitations(db).where('creator_invitations.work_id', '=', workId).orderBy('creator_invitations.created_at').execute();
}

export function invitationsOfUser(db: Db, userId: number): Promise<InvitationRow[]> {
  return invitations(db).where('users.id', '=', userId).orderBy('creator_invitations.created_at', 'desc').execute();
}

export function findInvitation(db: Db, workId: number, pseudId: number): Promise<InvitationRow | undefined> {
  return invitations(db).where('creator_invitations.work_id', '=', workId).where('creator_invitations.pseud_id', '=', pseudId).executeTakeFirst();
}

export async function insertInvitation(db: Db, row: { work_id: number; pseud_id: number; invited_by: number; created_at: string }): Promise<void> {
  await db.insertInto('creator_invitations').values(row).execute();
}

export async function deleteInvitation(db: Db, workId: number, pseudId: number): Promise<void> {
  await db.deleteFrom('creator_invitations').where('work_id', '=', workId).where('pseud_id', '=', pseudId).execute();
}

/** Adds a pseud as the last creator of a work. */
export async function appendCreator(db: Db, workId: number, pseudId: number): Promise<void> {
  const last = await db.selectFrom('work_creators').select((eb) => eb.fn.max('position').as('p')).where('work_id', '=', workId).executeTakeFirst();
  await db.insertInto('work_creators').values({ work_id: workId, pseud_id: pseudId, position: (last?.p ?? -1) + 1 }).execute();
}

export async function removeCreatorsOfUser(db: Db, workId: number, userId: number): Promise<void> {
  await db.deleteFrom('work_creators').where('work_id', '=', workId)
    .where('pseud_id', 'in', (eb) => eb.selectFrom('pseuds').select('id').where('user_id', '=', userId)).execute();
}

/** A pseud by "pseud (login)", or by a login (its default pseud). */
export async function findPseudNamed(db: Db, text: string): Promise<{ id: number; name: string; user_id: number; login: string } | undefined> {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(text.trim());
  const [pseud, login] = match === null ? [null, text.trim()] : [match[1]?.trim() ?? '', match[2]?.trim() ?? ''];
  let query = db.selectFrom('pseuds').innerJoin('users', 'users.id', 'pseuds.user_id').select(['pseuds.id', 'pseuds.name', 'pseuds.user_id', 'users.login'])
    .where('users.login_key', '=', login.toLowerCase());
  query = pseud === null ? query.where('pseuds.is_default', '=', 1) : query.where('pseuds.name_key', '=', pseud.toLowerCase());
  return query.executeTakeFirst();
}
