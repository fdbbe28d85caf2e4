// What the archive's moderators (the policy and abuse role, and administrators) do about reports:
// hide or delete a work, hide or delete a comment, mark a member as spam (all their works and
// comments hidden, no more posting), suspend them for a time, or ban them. Every action is
// written to the log with who, when and why, in the transaction that does it, and all but
// deletions can be undone, restoring exactly what the action changed.
import type { Kysely } from 'kysely';
import type { Database, Db, ReportTargetKind } from '../db/database.js';
import { requireRole } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { isoFromNow, nowIso } from '../lib/clock.js';
import { findMember, setStanding } from '../accounts/user.service.js';
import { commentForModeration, eraseComment, setCommentsRemoved } from '../feedback/comment.service.js';
import { removeWork, setWorksHidden, workForModeration, worksOfUser } from '../works/work.service.js';
import { inTransaction } from '../events/bus.js';
import * as repo from './moderation.repository.js';
import { ownerOfTarget } from './report.service.js';

export type ModerationAction = 'hide_work' | 'delete_work' | 'hide_comment' | 'delete_comment' | 'spam' | 'suspend' | 'ban';

/** Actions that undoing restores, by what they changed. */
const UNDOABLE: ReadonlySet<string> = new Set(['hide_work', 'hide_comment', 'spam', 'suspend', 'ban']);

export type ActionInput = { action: string; targetKind: string; targetId: number; reason: string; days?: number; reportId?: number | null };

const REASON_MAX = 2000;

function checkReason(reason: string): string {
  const clean = reason.trim();
  if (clean === '') throw invalid({ reason: 'Say why: the log keeps it, and a hidden work\'s creators are shown it.' });
  if (clean.length > REASON_MAX) throw invalid({ reason: `A reason must be at most ${REASON_MAX.toLocaleString('en-US')} characters.` });
  return clean;
}

async function logged(trx: Db, actorId: number, input: { action: ModerationAction; kind: ReportTargetKind; id: number; subjectId: number | null; reason: string; detail?: string; reportId?: number | null }): Promise<number> {
  return repo.insertAction(trx, {
    actor_id: actorId, action: input.action, target_kind: input.kind, target_id: input.id, subject_id: input.subjectId, reason: input.reason,
    detail: input.detail ?? '', report_id: input.reportId ?? null, created_at: nowIso(),
  });
}

/** Does one moderation action; returns its id in the log. */
export async function moderate(db: Kysely<Database>, viewer: Viewer, input: ActionInput): Promise<number> {
  const actor = requireRole(viewer, 'policy_abuse');
  const reason = checkReason(input.reason);
  const base = { reason, reportId: input.reportId ?? null };
  switch (input.action) {
    case 'hide_work': case 'delete_work': {
      const work = await workForModeration(db, input.targetId);
      if (work === undefined) throw notFound('work_not_found');
      if (input.action === 'delete_work') {
        const id = await inTransaction(db, (trx) => logged(trx, actor.id, { ...base, action: 'delete_work', kind: 'work', id: work.id, subjectId: work.ownerId ?? null, detail: work.title }));
        await removeWork(db, work.id);
        return id;
      }
      return inTransaction(db, async (trx) => {
        const id = await logged(trx, actor.id, { ...base, action: 'hide_work', kind: 'work', id: work.id, subjectId: work.ownerId ?? null, detail: work.title });
        if ((await setWorksHidden(trx, [work.id], { reason, action: id })).length === 0) throw invalid({ reason: 'This work is hidden already.' });
        return id;
      });
    }
    case 'hide_comment': case 'delete_comment': {
      const comment = await commentForModeration(db, input.targetId);
      if (comment === undefined || comment.state === 'deleted') throw notFound();
      return inTransaction(db, async (trx) => {
        const action = input.action === 'delete_comment' ? 'delete_comment' : 'hide_comment';
        const id = await logged(trx, actor.id, { ...base, action, kind: 'comment', id: comment.id, subjectId: comment.user_id, detail: comment.content.slice(0, 500) });
        if (action === 'hide_comment') {
          if (await setCommentsRemoved(trx, { ids: [comment.id] }, { action: id }) === 0) throw invalid({ reason: 'This comment is hidden already.' });
        } else {
          await setCommentsRemoved(trx, { ids: [comment.id] }, { action: id });
          await eraseComment(trx, comment.id);
        }
        return id;
      });
    }
    case 'spam': case 'suspend': case 'ban': {
      const member = await findMember(db, input.targetId);
      if (member === undefined) throw notFound();
      if (member.is_admin === 1) throw invalid({ reason: 'Administrators cannot be suspended, banned or marked as spam.' });
      const days = input.days ?? 0;
      if (input.action === 'suspend' && (!Number.isInteger(days) || days < 1 || days > 3650)) throw invalid({ days: 'Suspend for 1 to 3,650 days.' });
      return inTransaction(db, async (trx) => {
        const until = input.action === 'suspend' ? isoFromNow(days * 24 * 60 * 60_000) : null;
        const id = await logged(trx, actor.id, { ...base, action: input.action as ModerationAction, kind: 'user', id: member.id, subjectId: member.id, detail: until === null ? member.login : `${member.login} until ${until.slice(0, 10)}` });
        await setStanding(trx, member.id, input.action === 'spam' ? 'spam' : input.action === 'ban' ? 'banned' : 'suspended', until);
        // Spam and bans take everything the member wrote out of sight.
        if (input.action !== 'suspend') {
          await setWorksHidden(trx, await worksOfUser(trx, member.id), { reason: input.action === 'spam' ? 'Its creator was marked as a spammer.' : 'Its creator was banned.', action: id });
          await setCommentsRemoved(trx, { userId: member.id }, { action: id });
        }
        return id;
      });
    }
    default:
      throw invalid({ action: 'Choose an action.' });
  }
}

/** Undoes an action, restoring what it changed (and only that); deletions cannot be undone. */
export async function undo(db: Kysely<Database>, viewer: Viewer, actionId: number): Promise<void> {
  const actor = requireRole(viewer, 'policy_abuse');
  const action = await repo.findAction(db, actionId);
  if (action === undefined) throw notFound();
  if (!UNDOABLE.has(action.action)) throw new AppError('validation_failed', 'A deletion cannot be undone.', { action: 'A deletion cannot be undone.' });
  await inTransaction(db, async (trx) => {
    if (!(await repo.markUndone(trx, action.id, actor.id, nowIso()))) throw invalid({ action: 'This action was undone already.' });
    if (action.action === 'hide_work') await setWorksHidden(trx, [action.target_id], null, action.id);
    if (action.action === 'hide_comment') await setCommentsRemoved(trx, { ids: [action.target_id] }, null, action.id);
    if (action.action === 'spam' || action.action === 'ban' || action.action === 'suspend') {
      await setStanding(trx, action.target_id, 'active', null);
      await setWorksHidden(trx, await worksOfUser(trx, action.target_id), null, action.id);
      await setCommentsRemoved(trx, { userId: action.target_id }, null, action.id);
    }
  });
}

/** Closes a report as dealt with or as needing nothing. */
export async function closeReport(db: Db, viewer: Viewer, reportId: number, status: 'resolved' | 'dismissed'): Promise<void> {
  const actor = requireRole(viewer, 'policy_abuse');
  if (await repo.findReport(db, reportId) === undefined) throw notFound();
  await repo.closeReport(db, reportId, status, actor.id, nowIso());
}

/** The queue: open reports first come first. */
export function openReports(db: Db, viewer: Viewer): Promise<repo.ReportRow[]> {
  requireRole(viewer, 'policy_abuse');
  return repo.listReports(db, 'open', 200);
}

/** One report with what a moderator needs beside it: the reported thing's other reports and the past actions on its owner. */
export async function reportCase(db: Db, viewer: Viewer, reportId: number): Promise<{ report: repo.ReportRow; others: repo.ReportRow[]; history: repo.ActionRow[]; ownerId: number | null }> {
  requireRole(viewer, 'policy_abuse');
  const report = await repo.findReport(db, reportId);
  if (report === undefined) throw notFound();
  const ownerId = await ownerOfTarget(db, report.target_kind, report.target_id);
  const others = (await repo.reportsOf(db, report.target_kind, report.target_id)).filter((r) => r.id !== report.id);
  const history = ownerId === null ? [] : await repo.listActions(db, 50, ownerId);
  return { report, others, history, ownerId };
}

/** The log of every action, newest first. */
export function actionLog(db: Db, viewer: Viewer): Promise<repo.ActionRow[]> {
  requireRole(viewer, 'policy_abuse');
  return repo.listActions(db, 200);
}

export function isUndoable(action: string): boolean {
  return UNDOABLE.has(action);
}
