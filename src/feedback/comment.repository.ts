// All SQL for comments: threads a page at a time (their first comments, then everything in them),
// one comment with its author, and the writes.
import { sql, type Insertable } from 'kysely';
import { createdBy } from '../access/visibility.js';
import type { CommentRow, CommentState, CommentTable, Db } from '../db/database.js';

/** A comment as the pages show it: its row, and who wrote it (a member's pseud and login, or a guest's name). */
/** A comment with its writer's names, and whether the writer is one of the work's creators (1). */
export type CommentWithAuthor = CommentRow & { pseud_name: string | null; login: string | null; by_creator: number };

/**
 * Where comments are: a whole work (every chapter's and the work's own), or one chapter's, with
 * the work's own when `withWork` (they show under the first chapter).
 */
export type CommentPlace = { workId: number; chapterId: number | 'any'; withWork?: boolean };

/** Which states a reader may see besides published ones: their own pending comments, or (for creators) all. */
export type CommentReach = { creator: boolean; userId: number | null };

function withAuthor(db: Db) {
  return db.selectFrom('comments')
    .leftJoin('pseuds', 'pseuds.id', 'comments.pseud_id')
    .leftJoin('users', 'users.id', 'comments.user_id')
    .selectAll('comments').select(['pseuds.name as pseud_name', 'users.login as login'])
    .select(sql<number>`case when comments.user_id is not null and ${createdBy(sql.ref('comments.user_id'), sql.ref('comments.work_id'))} then 1 else 0 end`.as('by_creator'));
}

/** Stores a comment and sets its thread (itself, or its parent's); returns its id. */
export async function insertComment(trx: Db, row: Insertable<CommentTable>, threadId: number | null): Promise<number> {
  const { id } = await trx.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('comments').set({ thread_id: threadId ?? id }).where('id', '=', id).execute();
  return id;
}

/** One comment with its author. */
export function findComment(db: Db, id: number): Promise<CommentWithAuthor | undefined> {
  return withAuthor(db).where('comments.id', '=', id).executeTakeFirst();
}

function roots(db: Db, place: CommentPlace, reach: CommentReach) {
  let query = db.selectFrom('comments').where('comments.work_id', '=', place.workId).where('comments.parent_id', 'is', null);
  const chapterId = place.chapterId;
  if (chapterId !== 'any') {
    query = place.withWork === true
      ? query.where((eb) => eb.or([eb('comments.chapter_id', '=', chapterId), eb('comments.chapter_id', 'is', null)]))
      : query.where('comments.chapter_id', '=', chapterId);
  }
  // Waiting for the creators: the creators and the writer see it; held for the moderators: the writer alone.
  const userId = reach.userId;
  query = query.where((eb) => eb.or([
    eb('comments.state', 'not in', reach.creator ? ['held'] : ['pending', 'held']),
    ...(userId === null ? [] : [eb('comments.user_id', '=', userId)]),
  ]));
  return query;
}

/** The ids of a page of threads, oldest first (newest threads last, as on AO3). */
export async function findThreadIds(db: Db, place: CommentPlace, reach: CommentReach, limit: number, offset: number): Promise<number[]> {
  const rows = await roots(db, place, reach).select('comments.id').orderBy('comments.id').limit(limit).offset(offset).execute();
  return rows.map((r) => r.id);
}

/** How many threads there are, for the pages. */
export async function countThreads(db: Db, place: CommentPlace, reach: CommentReach): Promise<number> {
  const row = await roots(db, place, reach).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every comment of some threads with its author, in the order written. */
export function findThreadComments(db: Db, threadIds: number[]): Promise<CommentWithAuthor[]> {
  if (threadIds.length === 0) return Promise.resolve([]);
  return withAuthor(db).where('comments.thread_id', 'in', threadIds).orderBy('comments.id').execute();
}

/** True when the comment has replies. */
export async function hasReplies(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('comments').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst()) !== undefined;
}

export async function updateCommentContent(db: Db, id: number, content: string, editedAt: string): Promise<void> {
  await db.updateTable('comments').set({ content, edited_at: editedAt }).where('id', '=', id).execute();
}

export async function setCommentState(db: Db, id: number, state: CommentState): Promise<void> {
  await db.updateTable('comments').set({ state, ...(state === 'deleted' ? { content: '' } : {}) }).where('id', '=', id).execute();
}

export async function setFrozen(db: Db, ids: number[], frozen: boolean): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('comments').set({ frozen: frozen ? 1 : 0 }).where('id', 'in', ids).execute();
}

export async function deleteCommentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', id).execute();
}

/** A work's comments waiting for approval, oldest first. */
export function findPending(db: Db, workId: number): Promise<CommentWithAuthor[]> {
  return withAuthor(db).where('comments.work_id', '=', workId).where('comments.state', '=', 'pending').orderBy('comments.id').execute();
}

export async function setWorkModeration(db: Db, workId: number, moderated: boolean): Promise<void> {
  await db.updateTable('works').set({ comments_moderated: moderated ? 1 : 0 }).where('id', '=', workId).execute();
}

/** Comments a moderator acts on, with what counting them needs. */
export function findCommentsForModeration(db: Db, where: { ids?: number[]; userId?: number }): Promise<Array<{ id: number; work_id: number; state: CommentState; removed_by_action: number | null; user_id: number | null; content: string }>> {
  let query = db.selectFrom('comments').select(['id', 'work_id', 'state', 'removed_by_action', 'user_id', 'content']);
  if (where.ids !== undefined) query = query.where('id', 'in', where.ids.length > 0 ? where.ids : [-1]);
  if (where.userId !== undefined) query = query.where('user_id', '=', where.userId);
  return query.execute();
}

export async function setRemovedBy(db: Db, id: number, state: CommentState, action: number | null): Promise<void> {
  await db.updateTable('comments').set({ state, removed_by_action: action }).where('id', '=', id).execute();
}

/** Whether a work's comments wait for its creators' approval. */
export async function workCommentsModerated(db: Db, workId: number): Promise<boolean> {
  const row = await db.selectFrom('works').select('comments_moderated').where('id', '=', workId).executeTakeFirst();
  return row?.comments_moderated === 1;
}
