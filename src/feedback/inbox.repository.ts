// All SQL for the inbox: what each member has to read, unread first.
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export type InboxRow = { id: number; comment_id: number; kind: 'comment' | 'reply'; read: number; created_at: string; work_id: number; work_title: string };

export async function addInboxItems(db: Db, items: Array<{ userId: number; commentId: number; kind: 'comment' | 'reply' }>): Promise<void> {
  if (items.length === 0) return;
  const now = nowIso();
  await db.insertInto('inbox_items').values(items.map((i) => ({ user_id: i.userId, comment_id: i.commentId, kind: i.kind, created_at: now }))).execute();
}

/** A page of a member's inbox, unread first, then newest first. */
export function listInbox(db: Db, userId: number, limit: number, offset: number): Promise<InboxRow[]> {
  return db.selectFrom('inbox_items').innerJoin('comments', 'comments.id', 'inbox_items.comment_id').innerJoin('works', 'works.id', 'comments.work_id')
    .select(['inbox_items.id', 'inbox_items.comment_id', 'inbox_items.kind', 'inbox_items.read', 'inbox_items.created_at', 'works.id as work_id', 'works.title as work_title'])
    .where('inbox_items.user_id', '=', userId).orderBy('inbox_items.read').orderBy('inbox_items.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countInbox(db: Db, userId: number, unreadOnly: boolean): Promise<number> {
  let query = db.selectFrom('inbox_items').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read', '=', 0);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Marks some of a member's items read (only theirs). */
export async function markRead(db: Db, userId: number, ids: number[] | 'all'): Promise<void> {
  let query = db.updateTable('inbox_items').set({ read: 1 }).where('user_id', '=', userId);
  if (ids !== 'all') query = query.where('id', 'in', ids.length > 0 ? ids : [-1]);
  await query.execute();
}

export async function deleteItems(db: Db, userId: number, ids: number[]): Promise<void> {
  await db.deleteFrom('inbox_items').where('user_id', '=', userId).where('id', 'in', ids.length > 0 ? ids : [-1]).execute();
}
