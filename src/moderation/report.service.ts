// Reports: anyone may report a work, chapter, comment, bookmark or profile they can see; a guest
// leaves an address to be answered at. Reports wait in the moderation queue.
import type { Db, ReportTargetKind } from '../db/database.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { requireReadable } from '../access/permissions.js';
import { invalid, notFound, type FieldErrors } from '../http/errors.js';
import { enforceLimit } from '../http/rate-limit.js';
import { nowIso } from '../lib/clock.js';
import { cleanLine } from '../lib/text.js';
import { emailProblem } from '../accounts/account.validation.js';
import { findMember, getUserByLogin } from '../accounts/user.service.js';
import { commentForModeration } from '../feedback/comment.service.js';
import { getBookmark } from '../feedback/bookmark.service.js';
import { workOfChapter, workOwner } from '../works/work.service.js';
import * as repo from './moderation.repository.js';

export const REPORT_KINDS: readonly ReportTargetKind[] = ['work', 'chapter', 'comment', 'bookmark', 'user'];

/** The categories a reporter chooses from, as AO3's volunteers sort them. */
export const REPORT_CATEGORIES = [
  ['harassment', 'Harassment or threats'],
  ['spam', 'Spam or commercial promotion'],
  ['illegal', 'Illegal content'],
  ['plagiarism', 'Plagiarism or copyright'],
  ['tagging', 'Not tagged as the archive requires (rating, warnings)'],
  ['personal', 'Someone\'s personal information'],
  ['other', 'Something else'],
] as const;

export const REPORT_DETAILS_MAX = 5000;

export type ReportInput = { kind: string; id: string; category: string; details: string; email: string };

/** What was reported, named for the reporter's page; throws not_found when the viewer cannot see it. */
export async function reportTarget(db: Db, viewer: Viewer, kind: string, rawId: string): Promise<{ kind: ReportTargetKind; id: number; label: string }> {
  const target = REPORT_KINDS.find((k) => k === kind);
  if (target === undefined) throw notFound();
  if (target === 'user') {
    const user = await getUserByLogin(db, rawId);
    return { kind: target, id: user.id, label: `the profile of ${user.login}` };
  }
  const id = /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound();
  if (target === 'work') return { kind: target, id, label: `the work “${(await requireReadable(db, viewer, id)).row.title}”` };
  if (target === 'chapter') {
    const workId = await workOfChapter(db, id);
    if (workId === undefined) throw notFound();
    return { kind: target, id, label: `a chapter of “${(await requireReadable(db, viewer, workId)).row.title}”` };
  }
  if (target === 'comment') {
    const comment = await commentForModeration(db, id);
    if (comment === undefined || comment.state === 'deleted') throw notFound();
    return { kind: target, id, label: `a comment on “${(await requireReadable(db, viewer, comment.work_id)).row.title}”` };
  }
  const bookmark = await getBookmark(db, viewer, id);
  return { kind: target, id: bookmark.id, label: 'a bookmark' };
}

/** Files a report (at most 5 an hour from one address or member); returns its id. */
export async function fileReport(db: Kysely<Database>, viewer: Viewer, input: ReportInput): Promise<number> {
  const target = await reportTarget(db, viewer, input.kind, input.id);
  const fields: FieldErrors = {};
  const category = REPORT_CATEGORIES.find(([value]) => value === input.category)?.[0];
  if (category === undefined) fields.category = 'Choose what is wrong.';
  const details = input.details.trim();
  if (details === '') fields.details = 'Tell us what is wrong, and where: the more we know, the faster we can act.';
  else if (details.length > REPORT_DETAILS_MAX) fields.details = `Details must be at most ${REPORT_DETAILS_MAX.toLocaleString('en-US')} characters (they are ${details.length.toLocaleString('en-US')}).`;
  const email = cleanLine(input.email);
  if (viewer.user === null) {
    const problem = email === '' ? 'Give an email address, so our volunteers can answer you.' : emailProblem(email);
    if (problem !== null) fields.email = problem;
  }
  if (Object.keys(fields).length > 0 || category === undefined) throw invalid(fields);
  await enforceLimit(db, [viewer.user === null ? `report:address:${viewer.ip}` : `report:user:${viewer.user.id}`], { limit: 5, windowMs: 60 * 60_000 });
  return repo.insertReport(db, {
    target_kind: target.kind, target_id: target.id, category, details, reporter_id: viewer.user?.id ?? null,
    reporter_email: viewer.user === null ? email : null, reporter_address: viewer.ip, created_at: nowIso(),
  });
}

/** The member a reported thing belongs to (whose history a moderator reads), or null. */
export async function ownerOfTarget(db: Db, kind: ReportTargetKind, id: number): Promise<number | null> {
  if (kind === 'user') return (await findMember(db, id))?.id ?? null;
  if (kind === 'work') return (await workOwner(db, id)) ?? null;
  if (kind === 'chapter') {
    const workId = await workOfChapter(db, id);
    return workId === undefined ? null : (await workOwner(db, workId)) ?? null;
  }
  if (kind === 'comment') return (await commentForModeration(db, id))?.user_id ?? null;
  return null;
}

