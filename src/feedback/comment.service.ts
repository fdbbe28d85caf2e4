// Comments: who may write where (the work's setting, frozen and deleted threads, moderation),
// what a comment may hold (the story text's HTML allowlist, 10,000 characters, a guest's name
// and email, few links from guests), and the limits that keep floods out. Every write commits
// with the work's comment count (published comments only).
import { blockedBy, blockedByCreatorsOf } from '../access/blocking.js';
import type { Kysely } from 'kysely';
import { emailProblem } from '../accounts/account.validation.js';
import type { Viewer, ViewerUser } from '../access/viewer.js';
import type { CommentState, Database, Db } from '../db/database.js';
import { emit, inTransaction } from '../events/bus.js';
import { requireConfirmed } from '../access/permissions.js';
import { AppError, forbidden, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { enforceLimit, type Limit } from '../http/rate-limit.js';
import { nowIso } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine } from '../lib/text.js';
import { htmlToText } from '../lib/word-count.js';
import { getWorkForReader, type ReaderWork } from '../works/reading.service.js';
import { countInTransaction } from '../works/work-counter.service.js';
import { holdReason } from '../accounts/trust.service.js';
import { resolvePseuds } from '../works/work.service.js';
import * as repo from './comment.repository.js';
import type { CommentWithAuthor } from './comment.repository.js';

export const COMMENT_MAX = 10_000;
export const GUEST_NAME_MAX = 100;
/** Per account, and per address for guests. */
export const COMMENT_LIMIT: Limit = { limit: 8, windowMs: 60_000 };

export type CommentInput = { content: string; pseudId: number | null; guestName: string; guestEmail: string; honeypot: string };
/** Where a new comment goes: on a chapter (or the whole work, chapterId null), or in reply to a comment. */
export type CommentTarget = { workId: number; chapterId: number | null; parentId: number | null };

export const COMMENT_MESSAGES = {
  off: 'Comments are turned off on this work.',
  registered: 'Only registered users can comment on this work. Log in to comment.',
  frozen: 'This thread is frozen: no more replies can be added to it.',
  deleted: 'That comment was deleted, so it can’t be replied to.',
  posted: 'Comment posted.',
  pending: 'Thank you! Your comment will show once the work’s creators approve it.',
  held: 'Thank you! Your comment will show once the archive’s moderators have looked at it.',
  blockedWork: 'You cannot comment on this work: one of its creators has blocked you.',
  blockedReply: 'You cannot reply to this comment: its writer has blocked you.',
} as const;

/** The work as this viewer may read it: a draft takes no comments, and a hidden work is not found. */
export async function commentableWork(db: Db, viewer: Viewer, workId: number): Promise<ReaderWork> {
  const reader = await getWorkForReader(db, viewer, workId);
  if (!reader.work.posted || reader.work.hiddenReason !== null) throw notFound('work_not_found');
  return reader;
}

/** The comment's HTML, checked: required, at most 10,000 characters as typed. Plain text becomes paragraphs. */
function cleanContent(raw: string, fields: FieldErrors): string {
  const typed = charLength(raw);
  // Far past the limit there is nothing to keep: the writer gets the message and their text back.
  const html = typed > COMMENT_MAX + 1000 ? '' : sanitizeHtml(raw);
  if (typed > COMMENT_MAX) fields.comment = `Comments can be at most ${COMMENT_MAX.toLocaleString('en-US')} characters long (this one has ${typed.toLocaleString('en-US')}).`;
  // A picture alone is a comment; markup with nothing to show is not.
  else if (htmlToText(html).trim() === '' && !/<img\b/i.test(html)) fields.comment = 'Write your comment first.';
  return html;
}

async function authorOf(db: Db, user: ViewerUser | null, input: CommentInput, fields: FieldErrors) {
  if (user !== null) {
    const [pseud] = await resolvePseuds(db, user, input.pseudId === null ? [] : [input.pseudId]).catch(() => {
      fields.pseud = 'Choose one of your own pseuds.';
      return [];
    });
    return { user_id: user.id, pseud_id: pseud?.id ?? null, guest_name: null, guest_email: null };
  }
  const name = cleanLine(input.guestName);
  const email = input.guestEmail.trim();
  if (name === '') fields.name = 'Enter a name to comment under.';
  else if (charLength(name) > GUEST_NAME_MAX) fields.name = `Names can be at most ${GUEST_NAME_MAX} characters long.`;
  const problem = email === '' ? 'Enter your email address: it is never shown.' : emailProblem(email);
  if (problem !== null) fields.email = problem;
  return { user_id: null, pseud_id: null, guest_name: name, guest_email: email };
}

/** The comment being replied to, if it may take replies; its chapter is the reply's. */
async function parentFor(db: Db, reader: ReaderWork, parentId: number): Promise<CommentWithAuthor> {
  const parent = await repo.findComment(db, parentId);
  if (parent === undefined || parent.work_id !== reader.work.id) throw notFound();
  if (parent.state === 'deleted') throw forbidden(COMMENT_MESSAGES.deleted);
  if (((parent.state === 'pending' || parent.state === 'hidden') && !reader.isCreator) || parent.state === 'held') throw notFound();
  if (parent.frozen === 1) throw forbidden(COMMENT_MESSAGES.frozen);
  return parent;
}

/** Posts a comment or a reply as this viewer (a guest by name, email and the keyed hash of their address). */
export async function postComment(db: Kysely<Database>, viewer: Viewer, target: CommentTarget, input: CommentInput, addressKey: string): Promise<{ id: number; state: CommentState; chapterId: number | null; parentId: number | null }> {
  const reader = await commentableWork(db, viewer, target.workId);
  const parent = target.parentId === null ? null : await parentFor(db, reader, target.parentId);
  const chapterId = parent !== null ? parent.chapter_id : target.chapterId;
  if (chapterId !== null && !reader.chapters.some((c) => c.id === chapterId && c.posted)) throw notFound();
  const { commentPermission } = reader.work;
  if (commentPermission === 'none') throw forbidden(COMMENT_MESSAGES.off);
  if (commentPermission === 'registered' && viewer.user === null) throw new AppError('unauthorized', COMMENT_MESSAGES.registered);
  if (viewer.user !== null) {
    requireConfirmed(viewer);
    // Said beside the comment, which the writer keeps.
    if (await blockedByCreatorsOf(db, target.workId, viewer.user.id)) throw invalid({ comment: COMMENT_MESSAGES.blockedWork });
    if (parent?.user_id != null && await blockedBy(db, parent.user_id, viewer.user.id)) throw invalid({ comment: COMMENT_MESSAGES.blockedReply });
  }
  const fields: FieldErrors = {};
  // A field people never see: only a form-filling robot writes in it.
  if (input.honeypot.trim() !== '') fields.comment = 'This comment could not be posted. If you are a person, leave the hidden “website” field empty.';
  const content = cleanContent(input.content, fields);
  const author = await authorOf(db, viewer.user, input, fields);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await enforceLimit(db, [viewer.user === null ? `comment:address:${addressKey}` : `comment:user:${viewer.user.id}`], COMMENT_LIMIT);
  const held = await holdReason(db, viewer.user, content);
  const state: CommentState = held !== null ? 'held' : reader.work.commentsModerated && !reader.isCreator ? 'pending' : 'published';
  const id = await inTransaction(db, async (trx) => {
    const row = {
      work_id: target.workId, chapter_id: chapterId, parent_id: parent?.id ?? null, depth: parent === null ? 0 : parent.depth + 1,
      ...author, content, state, created_at: nowIso(),
    };
    const created = await repo.insertComment(trx, row, parent?.thread_id ?? null);
    if (state === 'published') {
      await countInTransaction(trx, target.workId, { comments: 1 });
      await emit(trx, { type: 'comment.published', commentId: created });
    }
    if (held !== null) await emit(trx, { type: 'content.held', kind: 'comment', id: created, userId: viewer.user?.id ?? null, reason: held });
    return created;
  });
  return { id, state, chapterId, parentId: parent?.id ?? null };
}

/** A comment and the work it is on, as this viewer may see them; not found when they may not. */
async function commentFor(db: Db, viewer: Viewer, commentId: number): Promise<{ comment: CommentWithAuthor; reader: ReaderWork }> {
  const comment = Number.isSafeInteger(commentId) ? await repo.findComment(db, commentId) : undefined;
  if (comment === undefined) throw notFound();
  const reader = await commentableWork(db, viewer, comment.work_id);
  const mine = viewer.user !== null && comment.user_id === viewer.user.id;
  if (comment.state === 'pending' && !reader.isCreator && !mine) throw notFound();
  // Held for the moderators: its writer alone sees it, the work's creators included among those who don't.
  if (comment.state === 'held' && !mine) throw notFound();
  return { comment, reader };
}

/** Changes what a comment says: its writer only (a member), and never a deleted one; marked "Last Edited". */
export async function editComment(db: Kysely<Database>, viewer: Viewer, commentId: number, raw: string): Promise<void> {
  const { comment } = await commentFor(db, viewer, commentId);
  if (viewer.user === null || comment.user_id !== viewer.user.id) throw forbidden('Only the person who wrote a comment can edit it.');
  if (comment.state === 'deleted') throw notFound();
  const fields: FieldErrors = {};
  const content = cleanContent(raw, fields);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const held = comment.state === 'published' ? await holdReason(db, viewer.user, content) : null;
  await inTransaction(db, async (trx) => {
    await repo.updateCommentContent(trx, comment.id, content, nowIso());
    // Links or banned words edited into a shown comment take it back to the moderators.
    if (held === null) return;
    await repo.setCommentState(trx, comment.id, 'held');
    await countInTransaction(trx, comment.work_id, { comments: -1 });
    await emit(trx, { type: 'content.held', kind: 'comment', id: comment.id, userId: comment.user_id, reason: held });
  });
}

/** Deletes a comment (its writer, or the work's creators); one with replies leaves "(Previous comment deleted.)" in its thread. */
export async function deleteComment(db: Kysely<Database>, viewer: Viewer, commentId: number): Promise<{ workId: number }> {
  const { comment, reader } = await commentFor(db, viewer, commentId);
  const mine = viewer.user !== null && comment.user_id === viewer.user.id;
  if (!mine && !reader.isCreator) throw forbidden('Only the person who wrote a comment, or the work’s creators, can delete it.');
  if (comment.state === 'deleted') throw notFound();
  await inTransaction(db, async (trx) => {
    if (await repo.hasReplies(trx, comment.id)) await repo.setCommentState(trx, comment.id, 'deleted');
    else await repo.deleteCommentRow(trx, comment.id);
    if (comment.state === 'published') await countInTransaction(trx, comment.work_id, { comments: -1 });
  });
  return { workId: comment.work_id };
}

/** The comment, for an action only the work's creators may take. */
async function creatorsComment(db: Db, viewer: Viewer, commentId: number): Promise<CommentWithAuthor> {
  const { comment, reader } = await commentFor(db, viewer, commentId);
  if (!reader.isCreator) throw forbidden('Only the work’s creators can do that.');
  if (comment.state === 'deleted' || comment.state === 'held') throw notFound();
  return comment;
}

/** Freezes a comment and every reply under it (no more replies), or thaws them: the work's creators only. */
export async function freezeThread(db: Kysely<Database>, viewer: Viewer, commentId: number, frozen: boolean): Promise<{ workId: number }> {
  const comment = await creatorsComment(db, viewer, commentId);
  const thread = await repo.findThreadComments(db, [comment.thread_id ?? comment.id]);
  const under = new Set([comment.id]);
  for (const row of thread) if (row.parent_id !== null && under.has(row.parent_id)) under.add(row.id);
  await repo.setFrozen(db, [...under], frozen);
  return { workId: comment.work_id };
}

/** Hides a published comment from everyone but its writer and the work's creators, or shows it again. */
export async function hideComment(db: Kysely<Database>, viewer: Viewer, commentId: number, hidden: boolean): Promise<{ workId: number }> {
  const comment = await creatorsComment(db, viewer, commentId);
  const from = hidden ? 'published' : 'hidden';
  if (comment.state !== from) return { workId: comment.work_id };
  await inTransaction(db, async (trx) => {
    await repo.setCommentState(trx, comment.id, hidden ? 'hidden' : 'published');
    await countInTransaction(trx, comment.work_id, { comments: hidden ? -1 : 1 });
  });
  return { workId: comment.work_id };
}

/** Approves a comment that waited in the moderation queue. */
export async function approveComment(db: Kysely<Database>, viewer: Viewer, commentId: number): Promise<{ workId: number }> {
  const comment = await creatorsComment(db, viewer, commentId);
  if (comment.state !== 'pending') return { workId: comment.work_id };
  await inTransaction(db, async (trx) => {
    await repo.setCommentState(trx, comment.id, 'published');
    await countInTransaction(trx, comment.work_id, { comments: 1 });
    await emit(trx, { type: 'comment.published', commentId: comment.id });
  });
  return { workId: comment.work_id };
}

/** Turns moderated comments on or off for a work (its creators only): new comments then wait for approval. */
export async function setModeration(db: Kysely<Database>, viewer: Viewer, workId: number, moderated: boolean): Promise<void> {
  const reader = await commentableWork(db, viewer, workId);
  if (!reader.isCreator) throw forbidden('Only the work’s creators can do that.');
  await repo.setWorkModeration(db, workId, moderated);
}

/**
 * Hides comments for the archive's moderators (their writer still sees them; nobody else does, the
 * work's creators included) or shows them again; undoing an action restores only what it hid.
 */
export async function setCommentsRemoved(trx: Db, where: { ids?: number[]; userId?: number }, remove: { action: number } | null, onlyByAction?: number): Promise<number> {
  let changed = 0;
  for (const comment of await repo.findCommentsForModeration(trx, where)) {
    if (remove !== null) {
      if (comment.state !== 'published' && comment.state !== 'pending') continue;
      await repo.setRemovedBy(trx, comment.id, 'hidden', remove.action);
      if (comment.state === 'published') await countInTransaction(trx, comment.work_id, { comments: -1 });
    } else {
      if (comment.removed_by_action === null || (onlyByAction !== undefined && comment.removed_by_action !== onlyByAction)) continue;
      await repo.setRemovedBy(trx, comment.id, 'published', null);
      await countInTransaction(trx, comment.work_id, { comments: 1 });
    }
    await emit(trx, { type: 'work.saved', workId: comment.work_id });
    changed += 1;
  }
  return changed;
}

/** A comment as a moderator reads it: its work, writer and text; undefined when there is none. */
export async function commentForModeration(db: Db, id: number): Promise<{ id: number; work_id: number; user_id: number | null; content: string; state: CommentState } | undefined> {
  return (await repo.findCommentsForModeration(db, { ids: [id] }))[0];
}

/** Erases a comment's text for the archive's moderators (after setCommentsRemoved took it out of the counts). */
export async function eraseComment(trx: Db, id: number): Promise<void> {
  await repo.setCommentState(trx, id, 'deleted');
}

/**
 * Lets through a comment the moderators approved after the spam checks held it: published (or, on a
 * work whose creators approve each comment, waiting for them). False when it is not held.
 */
export async function releaseHeldComment(trx: Db, id: number): Promise<boolean> {
  const comment = await repo.findComment(trx, id);
  if (comment?.state !== 'held') return false;
  const byCreator = comment.by_creator === 1;
  if (!byCreator && await repo.workCommentsModerated(trx, comment.work_id)) {
    await repo.setCommentState(trx, id, 'pending');
    return true;
  }
  await repo.setCommentState(trx, id, 'published');
  await countInTransaction(trx, comment.work_id, { comments: 1 });
  await emit(trx, { type: 'comment.published', commentId: id });
  return true;
}
