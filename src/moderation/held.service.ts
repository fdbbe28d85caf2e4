// The review queue: works and comments the spam checks held (accounts/trust.service.ts) wait here
// until a moderator approves them (they show, and their writer is trusted from then on), deletes
// them, or marks their writer as spam. Each decision but approval goes to the log.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { requireRole } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { inTransaction, onWrite } from '../events/bus.js';
import { trustMember } from '../accounts/trust.service.js';
import { commentForModeration, releaseHeldComment } from '../feedback/comment.service.js';
import { workForModeration } from '../works/work.service.js';
import { releaseHeldWork } from '../works/work-hold.service.js';
import * as repo from './moderation.repository.js';
import { moderate } from './moderation.service.js';

/** What a held item is, for the queue: its title or text, and a link its writer's view of it opens. */
export type HeldView = repo.HeldRow & { label: string; body: string; href: string | null };

/** The decisions a moderator can take on a held item. */
export const HELD_DECISIONS = ['approve', 'delete', 'spam'] as const;
export type HeldDecision = (typeof HELD_DECISIONS)[number];

/** Called once by wiring.ts: whatever the spam checks hold joins the queue in the same transaction. */
export function subscribeHolds(): Array<() => void> {
  return [onWrite('content.held', (trx, event) => repo.insertHeld(trx, { kind: event.kind, target_id: event.id, user_id: event.userId, reason: event.reason, created_at: nowIso() }))];
}

async function describe(db: Db, row: repo.HeldRow): Promise<HeldView | null> {
  if (row.kind === 'work') {
    const work = await workForModeration(db, row.target_id);
    return work === undefined ? null : { ...row, label: `“${work.title}”`, body: work.summary, href: `/works/${work.id}` };
  }
  const comment = await commentForModeration(db, row.target_id);
  if (comment === undefined || comment.state !== 'held') return null;
  return { ...row, label: `a comment on work #${comment.work_id}`, body: comment.content, href: null };
}

/** The queue, oldest first; items whose work or comment is gone (deleted by its writer) leave it. */
export async function heldQueue(db: Db, viewer: Viewer): Promise<HeldView[]> {
  requireRole(viewer, 'policy_abuse');
  const views: HeldView[] = [];
  for (const row of await repo.listHeld(db, 200)) {
    const view = await describe(db, row);
    if (view === null) await repo.deleteHeld(db, row.id);
    else views.push(view);
  }
  return views;
}

/** Approves, deletes, or marks the writer as spam (a reason is needed for the log, except to approve). */
export async function decideHeld(db: Kysely<Database>, viewer: Viewer, heldId: number, decision: string, reason: string): Promise<HeldDecision> {
  requireRole(viewer, 'policy_abuse');
  const held = await repo.findHeld(db, heldId);
  if (held === undefined) throw notFound();
  if (decision === 'approve') {
    await inTransaction(db, async (trx) => {
      if (!(await repo.deleteHeld(trx, held.id))) throw invalid({ decision: 'Another moderator has decided on this one already.' });
      const released = held.kind === 'work' ? await releaseHeldWork(trx, held.target_id) : await releaseHeldComment(trx, held.target_id);
      if (!released) return;
      if (held.user_id !== null) await trustMember(trx, held.user_id);
    });
    return 'approve';
  }
  if (decision !== 'delete' && decision !== 'spam') throw invalid({ decision: 'Choose what to do with it.' });
  if (decision === 'spam') {
    if (held.user_id === null) throw invalid({ decision: 'A guest has no account to mark: delete the comment instead.' });
    // The account first (its other works and comments hidden, undoably), then the spam itself, deleted.
    await moderate(db, viewer, { action: 'spam', targetKind: 'user', targetId: held.user_id, reason });
  }
  await moderate(db, viewer, { action: held.kind === 'work' ? 'delete_work' : 'delete_comment', targetKind: held.kind, targetId: held.target_id, reason });
  await repo.deleteHeld(db, held.id);
  return decision;
}
