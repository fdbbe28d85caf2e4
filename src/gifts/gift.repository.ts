// All SQL for gifts: a work's recipients, a member's gifts, and refusing one.
import type { Scope } from '../access/scope.js';
import { workVisibleTo } from '../access/visibility.js';
import type { Db } from '../db/database.js';

export type GiftRow = { id: number; recipient_id: number | null; recipient_name: string; login: string | null };

/** The gifts of a work that stand (not refused), oldest first, with the member's login where there is one. */
export function giftsOfWork(db: Db, workId: number): Promise<GiftRow[]> {
  return db.selectFrom('gifts').leftJoin('users', 'users.id', 'gifts.recipient_id')
    .select(['gifts.id', 'gifts.recipient_id', 'gifts.recipient_name', 'users.login'])
    .where('gifts.work_id', '=', workId).where('gifts.refused', '=', 0).orderBy('gifts.id').execute();
}

export function findGift(db: Db, id: number): Promise<{ id: number; work_id: number; recipient_id: number | null; refused: number } | undefined> {
  return db.selectFrom('gifts').select(['id', 'work_id', 'recipient_id', 'refused']).where('id', '=', id).executeTakeFirst();
}

/** Whether the work was already given to this recipient (refused or not). */
export async function hasGift(db: Db, workId: number, recipientKey: string): Promise<boolean> {
  return (await db.selectFrom('gifts').select('id').where('work_id', '=', workId).where('recipient_key', '=', recipientKey).executeTakeFirst()) !== undefined;
}

export async function insertGift(db: Db, row: { work_id: number; recipient_id: number | null; recipient_name: string; recipient_key: string; created_at: string }): Promise<void> {
  await db.insertInto('gifts').values(row).execute();
}

export async function deleteGift(db: Db, id: number): Promise<void> {
  await db.deleteFrom('gifts').where('id', '=', id).execute();
}

export async function refuseGift(db: Db, id: number): Promise<void> {
  await db.updateTable('gifts').set({ refused: 1 }).where('id', '=', id).execute();
}

/** The works given to a member that they have not refused and the scope may see, newest gift first. */
export async function giftedWorkIds(db: Db, scope: Scope, userId: number): Promise<Array<{ gift_id: number; work_id: number }>> {
  return db.selectFrom('gifts').innerJoin('works', 'works.id', 'gifts.work_id')
    .select(['gifts.id as gift_id', 'gifts.work_id']).where('gifts.recipient_id', '=', userId).where('gifts.refused', '=', 0)
    .where(workVisibleTo(scope)).orderBy('gifts.id', 'desc').limit(500).execute();
}
