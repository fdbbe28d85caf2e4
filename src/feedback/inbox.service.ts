// The inbox: a comment on a member's work, or a reply to their comment, lands in their inbox and
// (unless they chose otherwise) their email, in the transaction that published it. Nobody is told
// of their own comment. Guests are never emailed: anyone can type anyone's address as a guest.
import { requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences } from '../accounts/preferences.service.js';
import type { Db } from '../db/database.js';
import { onWrite } from '../events/bus.js';
import { forbidden } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { deliverMail } from '../mail/digest.js';
import { workForNotice } from '../works/reading.service.js';
import { commentWithReplies, type CommentView } from './comment-threads.service.js';
import { findComment } from './comment.repository.js';
import * as repo from './inbox.repository.js';
import { commentMail } from './views/comment-mail.js';

export const INBOX_PER_PAGE = 20;

async function tell(trx: Db, commentId: number): Promise<void> {
  const comment = await findComment(trx, commentId);
  if (comment === undefined) return;
  const work = await workForNotice(trx, comment.work_id);
  if (work === undefined) return;
  const parent = comment.parent_id === null ? undefined : await findComment(trx, comment.parent_id);
  const told = new Map<number, 'comment' | 'reply'>();
  // A reply tells the comment's writer first; the work's creators hear of every comment.
  if (parent?.user_id != null) told.set(parent.user_id, 'reply');
  for (const id of work.creatorIds) if (!told.has(id)) told.set(id, 'comment');
  if (comment.user_id !== null) told.delete(comment.user_id);
  const items = [...told].map(([userId, kind]) => ({ userId, commentId, kind }));
  await repo.addInboxItems(trx, items);
  const people = await mailPreferences(trx, items.map((i) => i.userId));
  const author = comment.guest_name ?? comment.pseud_name ?? comment.login ?? 'Someone';
  for (const item of items) {
    const person = people.get(item.userId);
    if (person === undefined || !person.emailComments) continue;
    await deliverMail(trx, { userId: item.userId, digest: person.digest }, commentMail({ kind: item.kind, to: person.email, userId: item.userId, login: person.login, author, workTitle: work.title, commentId, html: comment.content }), nowIso());
  }
}

/** Called once by wiring.ts: published comments fill inboxes and the outbox. */
export function subscribeInbox(): () => void {
  return onWrite('comment.published', (trx, event) => tell(trx, event.commentId));
}

export type InboxEntry = { id: number; kind: 'comment' | 'reply'; read: boolean; createdAt: string; workId: number; workTitle: string; comment: CommentView | null };

/** A page of the viewer's own inbox (nobody reads another's), and how many are unread. */
export async function inboxOf(db: Db, viewer: Viewer, login: string, page: number): Promise<{ items: InboxEntry[]; unread: number; total: number; page: number; pages: number }> {
  const user = requireUser(viewer);
  if (user.login !== login) throw forbidden('An inbox is for its owner alone.');
  const total = await repo.countInbox(db, user.id, false);
  const pages = Math.max(1, Math.ceil(total / INBOX_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await repo.listInbox(db, user.id, INBOX_PER_PAGE, (current - 1) * INBOX_PER_PAGE);
  const items = await Promise.all(rows.map(async (row): Promise<InboxEntry> => {
    // The work may since have been hidden from this reader, or the comment deleted: then only its place is kept.
    const comment = await commentWithReplies(db, viewer, row.comment_id).then((found) => found.comment, () => null);
    return { id: row.id, kind: row.kind, read: row.read === 1, createdAt: row.created_at, workId: row.work_id, workTitle: comment === null ? '' : row.work_title, comment };
  }));
  return { items, unread: await repo.countInbox(db, user.id, true), total, page: current, pages };
}

/** How many unread items the viewer has (the header's count). */
export function unreadCount(db: Db, userId: number): Promise<number> {
  return repo.countInbox(db, userId, true);
}

/** Marks the viewer's items read, or deletes them. */
export async function changeInbox(db: Db, viewer: Viewer, action: 'read' | 'delete', ids: number[] | 'all'): Promise<void> {
  const user = requireUser(viewer);
  if (action === 'read') await repo.markRead(db, user.id, ids);
  else await repo.deleteItems(db, user.id, ids === 'all' ? [] : ids);
}
