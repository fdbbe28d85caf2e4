// Reading comments: a page of threads as this viewer may see them (pending comments for the work's
// creators and their writers only, hidden and deleted ones kept as placeholders so threads stay
// whole), and one comment with the replies under it.
import { blockedIdsOf } from '../access/blocking.js';
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import type { ReaderWork } from '../works/reading.service.js';
import { creatorsHidden } from '../works/work-view.js';
import * as repo from './comment.repository.js';
import type { CommentWithAuthor } from './comment.repository.js';
import { commentableWork } from './comment.service.js';

export const THREADS_PER_PAGE = 20;
/** Replies deeper than this under the comment a page starts from continue on a page of their own. */
export const SHOWN_DEPTH = 5;

/** Who wrote a comment as the reader is shown it; `creator` stands for one of the creators of an anonymous work, unnamed. */
export type CommentAuthor = { kind: 'member'; pseud: string; login: string } | { kind: 'guest'; name: string } | { kind: 'gone' } | { kind: 'creator' };

/** A comment as one viewer sees it, with the replies they may see. */
export type CommentView = {
  id: number; workId: number; chapterId: number | null; parentId: number | null; depth: number;
  author: CommentAuthor; html: string; state: CommentWithAuthor['state']; frozen: boolean;
  createdAt: string; editedAt: string | null;
  /** Written by this viewer (a member): they may edit and delete it. */
  mine: boolean;
  /** Who hid it, when it is hidden. */
  hiddenBy: 'creators' | 'moderators' | null;
  /** Why its text (and, for someone the viewer blocked, its writer) is not shown to this viewer; null when it is. */
  withheld: string | null;
  replies: CommentView[];
};

export type CommentThreads = { reader: ReaderWork; threads: CommentView[]; page: number; pages: number; pending: CommentView[] };

function authorOf(row: CommentWithAuthor, reader: ReaderWork): CommentAuthor {
  // A creator answering readers under an anonymous work stays unnamed to those the work keeps them from.
  if (row.by_creator === 1 && creatorsHidden(reader.work)) return { kind: 'creator' };
  if (row.user_id !== null && row.login !== null) return { kind: 'member', pseud: row.pseud_name ?? row.login, login: row.login };
  if (row.guest_name !== null) return { kind: 'guest', name: row.guest_name };
  return { kind: 'gone' };
}

function visibleTo(row: CommentWithAuthor, reader: ReaderWork, viewer: Viewer): boolean {
  if (row.chapter_id !== null && !reader.chapters.some((c) => c.id === row.chapter_id)) return false;
  const mine = viewer.user !== null && row.user_id === viewer.user.id;
  if (row.state === 'held') return mine;
  if (row.state !== 'pending') return true;
  return reader.isCreator || mine;
}

function toView(row: CommentWithAuthor, viewer: Viewer, reader: ReaderWork, blocked: ReadonlySet<number>): CommentView {
  // Others see that a hidden comment was there, not what it said; one the moderators hid, only its writer reads.
  const mine = viewer.user !== null && row.user_id === viewer.user.id;
  const hiddenBy = row.state !== 'hidden' ? null : row.removed_by_action === null ? 'creators' : 'moderators';
  const mayRead = mine || (reader.isCreator && hiddenBy === 'creators');
  let withheld: string | null = null;
  if (hiddenBy !== null && !mayRead) withheld = hiddenBy === 'creators' ? '(This comment has been hidden by the work’s creators.)' : '(This comment has been hidden by the archive’s moderators.)';
  // Someone the viewer blocked: neither what they wrote nor who they are.
  else if (!mine && row.user_id !== null && blocked.has(row.user_id)) withheld = '(A comment from someone you blocked.)';
  return {
    id: row.id, workId: row.work_id, chapterId: row.chapter_id, parentId: row.parent_id, depth: row.depth,
    author: withheld !== null && hiddenBy === null ? { kind: 'gone' } : authorOf(row, reader), html: withheld === null ? row.content : '', state: row.state,
    frozen: row.frozen === 1, createdAt: row.created_at, editedAt: row.edited_at, mine, hiddenBy, withheld, replies: [],
  };
}

const NOBODY: ReadonlySet<number> = new Set();

/** The accounts this viewer blocked (none for a guest: no query). */
function blockedByViewer(db: Db, viewer: Viewer): Promise<ReadonlySet<number>> {
  return viewer.user === null ? Promise.resolve(NOBODY) : blockedIdsOf(db, viewer.user.id);
}

/** Builds the trees of the given rows (in the order written), keeping what the viewer may see. */
function trees(rows: CommentWithAuthor[], viewer: Viewer, reader: ReaderWork, blocked: ReadonlySet<number>): Map<number, CommentView> {
  const views = new Map<number, CommentView>();
  for (const row of rows) {
    if (!visibleTo(row, reader, viewer)) continue;
    const view = toView(row, viewer, reader, blocked);
    views.set(row.id, view);
    if (row.parent_id !== null) views.get(row.parent_id)?.replies.push(view);
  }
  return views;
}

/** A page of a work's threads (all chapters', or one chapter's), oldest first, as this viewer may see them. */
export async function commentThreads(db: Db, viewer: Viewer, workId: number, chapterId: number | null, page: number): Promise<CommentThreads> {
  return threadsOf(db, viewer, await commentableWork(db, viewer, workId), chapterId, page);
}

/** The same, for a work the caller has already read as this viewer (the work page): the work is not read twice. */
export async function threadsOf(db: Db, viewer: Viewer, reader: ReaderWork, chapterId: number | null, page: number): Promise<CommentThreads> {
  const workId = reader.work.id;
  if (chapterId !== null && !reader.chapters.some((c) => c.id === chapterId)) throw notFound();
  // The work's own comments show with its first chapter's.
  const place = { workId, chapterId: chapterId ?? 'any' as const, withWork: chapterId !== null && chapterId === reader.chapters[0]?.id };
  const reach = { creator: reader.isCreator, userId: viewer.user?.id ?? null };
  const total = await repo.countThreads(db, place, reach);
  const pages = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const ids = await repo.findThreadIds(db, place, reach, THREADS_PER_PAGE, (current - 1) * THREADS_PER_PAGE);
  const blocked = await blockedByViewer(db, viewer);
  const views = trees(await repo.findThreadComments(db, ids), viewer, reader, blocked);
  const threads = ids.flatMap((id) => views.get(id) ?? []);
  const pending = reader.isCreator ? (await repo.findPending(db, workId)).map((row) => toView(row, viewer, reader, blocked)) : [];
  return { reader, threads, page: current, pages, pending };
}

/** One comment and every reply under it that the viewer may see (the page a "Continue thread" link opens). */
export async function commentWithReplies(db: Db, viewer: Viewer, commentId: number): Promise<{ reader: ReaderWork; comment: CommentView }> {
  const row = Number.isSafeInteger(commentId) ? await repo.findComment(db, commentId) : undefined;
  if (row === undefined) throw notFound();
  const reader = await commentableWork(db, viewer, row.work_id);
  const views = trees(await repo.findThreadComments(db, [row.thread_id ?? row.id]), viewer, reader, await blockedByViewer(db, viewer));
  const comment = views.get(row.id);
  if (comment === undefined || (comment.state === 'deleted' && comment.replies.length === 0)) throw notFound();
  return { reader, comment };
}
