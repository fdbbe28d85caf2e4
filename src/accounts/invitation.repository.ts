// All SQL for invitations and the queue waiting for them.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export async function insertInvitation(db: Db, row: { code: string; ownerId: number | null; email: string | null; now: string }): Promise<number> {
  const { id } = await db.insertInto('invitations').values({ code: row.code, owner_id: row.ownerId, email: row.email, created_at: row.now }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Marks an unused code used by an account, once: of two sign-ups with one code, one gets it. */
export async function claimCode(db: Db, code: string, userId: number, now: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ used_by: userId, used_at: now }).where('code', '=', code).where('used_by', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function codeIsUnused(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('invitations').select('id').where('code', '=', code).where('used_by', 'is', null).executeTakeFirst()) !== undefined;
}

export function codesOwnedBy(db: Db, ownerId: number): Promise<Array<{ code: string; used_at: string | null; used_login: string | null }>> {
  return db.selectFrom('invitations').leftJoin('users', 'users.id', 'invitations.used_by')
    .select(['invitations.code', 'invitations.used_at', 'users.login as used_login'])
    .where('invitations.owner_id', '=', ownerId).orderBy('invitations.id').execute();
}

/** Adds an address to the queue (once); returns whether it was new. */
export async function insertRequest(db: Db, email: string, now: string): Promise<boolean> {
  const rows = await db.insertInto('invite_requests').values({ email, email_key: email.toLowerCase(), created_at: now })
    .onConflict((oc) => oc.column('email_key').doNothing()).returning('id').execute();
  return rows.length > 0;
}

/** An address's place in the queue (1 is next), 0 once its invitation was sent, or null when it is not there. */
export async function placeInQueue(db: Db, emailKey: string): Promise<number | null> {
  const own = await db.selectFrom('invite_requests').select(['id', 'invitation_id']).where('email_key', '=', emailKey).executeTakeFirst();
  if (own === undefined) return null;
  if (own.invitation_id !== null) return 0;
  const ahead = await db.selectFrom('invite_requests').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('invitation_id', 'is', null).where('id', '<', own.id).executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

export async function waitingCount(db: Db): Promise<number> {
  const row = await db.selectFrom('invite_requests').select((eb) => eb.fn.countAll<number | string>().as('n')).where('invitation_id', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function firstWaiting(db: Db, count: number): Promise<Array<{ id: number; email: string }>> {
  return db.selectFrom('invite_requests').select(['id', 'email']).where('invitation_id', 'is', null).orderBy('id').limit(count).execute();
}

export async function markSent(db: Db, requestId: number, invitationId: number): Promise<void> {
  await db.updateTable('invite_requests').set({ invitation_id: invitationId }).where('id', '=', requestId).execute();
}

/** Claims today's automatic release for this process (one app server a day wins); false when another did. */
export async function claimDailyRelease(db: Db, today: string, now: string): Promise<boolean> {
  const rows = await db.insertInto('archive_settings').values({ key: 'invitations_released_on', value: today, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: today, updated_at: now }).where(sql<boolean>`archive_settings.value <> ${today}`))
    .returning('key').execute();
  return rows.length > 0;
}
