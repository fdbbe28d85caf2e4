// Reports and moderation:
//   GET  /reports/new?kind=work|chapter|comment|bookmark|user&id=…   the report form; POST /reports
//   GET  /admin/moderation                    the queue (policy and abuse role)
//   GET  /admin/moderation/reports/:id        one report, what it is about, its history, the actions
//   POST /admin/moderation/reports/:id/act | /dismiss
//   GET  /admin/moderation/log                every action; POST /admin/moderation/actions/:id/undo
//   GET  /admin/moderation/held               what the spam checks held; POST /admin/moderation/held/:id (approve, delete, spam)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db, ReportTargetKind } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { findMember } from '../accounts/user.service.js';
import { commentForModeration } from '../feedback/comment.service.js';
import { workForModeration, workOfChapter } from '../works/work.service.js';
import { actionLog, closeReport, moderate, openReports, reportCase, undo } from './moderation.service.js';
import { fileReport, reportTarget } from './report.service.js';
import { CasePage, HeldQueuePage, LogPage, QueuePage, type TargetView } from './views/moderation-pages.js';
import { decideHeld, heldQueue } from './held.service.js';
import { ReportPage, ReportSentPage, type ReportValues } from './views/report-pages.js';

type IdParams = { Params: { id: string } };

async function showReportForm(request: FastifyRequest, reply: FastifyReply, values: ReportValues, errors: FieldErrors = {}, status = 200) {
  const target = await reportTarget(request.server.db, request.viewer, values.kind, values.id);
  return sendPage(reply, <ReportPage ctx={pageContext(request, reply)} label={target.label} values={values} errors={errors} />, status);
}

async function submitReport(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const values: ReportValues = { kind: field(form, 'kind'), id: field(form, 'id'), category: field(form, 'category'), details: field(form, 'details'), email: field(form, 'email') };
  try {
    await fileReport(request.server.db, request.viewer, values);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'validation_failed' || error.code === 'rate_limited')) {
      return showReportForm(request, reply, values, error.code === 'rate_limited' ? { details: error.message } : error.fields, error.status);
    }
    throw error;
  }
  return sendPage(reply, <ReportSentPage ctx={pageContext(request, reply)} />);
}

/** The reported thing as a moderator sees it: whatever its state, with its text. */
async function targetView(db: Db, kind: ReportTargetKind, id: number): Promise<TargetView> {
  if (kind === 'work' || kind === 'chapter') {
    const workId = kind === 'work' ? id : await workOfChapter(db, id);
    const work = workId === undefined ? undefined : await workForModeration(db, workId);
    if (work === undefined) return { label: `a ${kind} since deleted`, href: null, body: '', state: 'gone' };
    const href = kind === 'work' ? `/works/${work.id}` : `/works/${work.id}/chapters/${id}`;
    return { label: `${kind === 'chapter' ? 'a chapter of ' : ''}“${work.title}”`, href, body: work.summary, state: work.hidden ? `hidden: ${work.hiddenReason}` : work.posted ? 'posted' : 'draft' };
  }
  if (kind === 'comment') {
    const comment = await commentForModeration(db, id);
    if (comment === undefined) return { label: 'a comment since deleted', href: null, body: '', state: 'gone' };
    return { label: `comment #${comment.id}`, href: `/comments/${comment.id}`, body: comment.content, state: comment.state };
  }
  if (kind === 'user') {
    const member = await findMember(db, id);
    return member === undefined ? { label: 'an account since deleted', href: null, body: '', state: 'gone' } : { label: `the profile of ${member.login}`, href: `/users/${member.login}/works`, body: '', state: member.standing };
  }
  return { label: `bookmark #${id}`, href: `/bookmarks/${id}`, body: '', state: '' };
}

async function showQueue(request: FastifyRequest, reply: FastifyReply) {
  const { db } = request.server;
  const reports = await openReports(db, request.viewer);
  const targets = new Map<number, TargetView>();
  for (const report of reports) targets.set(report.id, await targetView(db, report.target_kind, report.target_id));
  return sendPage(reply, <QueuePage ctx={pageContext(request, reply)} reports={reports} targets={targets} />);
}

async function showCase(request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldErrors = {}, typed = { reason: '', days: '' }, status = 200) {
  const { db } = request.server;
  const found = await reportCase(db, request.viewer, idParam(request.params.id));
  const owner = found.ownerId === null ? undefined : await findMember(db, found.ownerId);
  const view = { ...found, target: await targetView(db, found.report.target_kind, found.report.target_id), ownerLogin: owner?.login ?? null };
  return sendPage(reply, <CasePage ctx={pageContext(request, reply)} view={view} errors={errors} reason={typed.reason} days={typed.days} />, status);
}

async function act(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const form = formOf(request);
  const reportId = idParam(request.params.id);
  const typed = { reason: field(form, 'reason'), days: field(form, 'days') };
  const [action = '', kind = '', id = ''] = field(form, 'act').split(':');
  try {
    await moderate(request.server.db, request.viewer, { action, targetKind: kind, targetId: Number(id), reason: typed.reason, days: typed.days === '' ? undefined : Number(typed.days), reportId });
    await closeReport(request.server.db, request.viewer, reportId, 'resolved');
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showCase(request, reply, error.fields, typed, 422);
    throw error;
  }
  setFlash(reply, `Done: ${action.replace(/_/g, ' ')}. The report is closed and the action is in the log.`);
  return reply.redirect('/admin/moderation', 303);
}

async function dismiss(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  await closeReport(request.server.db, request.viewer, idParam(request.params.id), 'dismissed');
  setFlash(reply, 'The report is dismissed.');
  return reply.redirect('/admin/moderation', 303);
}

async function undoAction(request: FastifyRequest<IdParams>, reply: FastifyReply, viewer: Viewer) {
  try {
    await undo(request.server.db, viewer, idParam(request.params.id));
    setFlash(reply, 'Undone: what the action changed is as it was.');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    setFlash(reply, Object.values(error.fields)[0] ?? error.message);
  }
  return reply.redirect('/admin/moderation/log', 303);
}

async function showHeld(request: FastifyRequest, reply: FastifyReply, failed: { id: number; errors: FieldErrors; reason: string } | null = null, status = 200) {
  const items = await heldQueue(request.server.db, request.viewer);
  return sendPage(reply, <HeldQueuePage ctx={pageContext(request, reply)} items={items} failed={failed} />, status);
}

async function decide(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const form = formOf(request);
  const id = idParam(request.params.id);
  const reason = field(form, 'reason');
  let decision: string;
  try {
    decision = await decideHeld(request.server.db, request.viewer, id, field(form, 'decision'), reason);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showHeld(request, reply, { id, errors: error.fields, reason }, 422);
    throw error;
  }
  setFlash(reply, decision === 'approve' ? 'Approved: it shows now, and its writer is trusted.' : decision === 'spam' ? 'Marked as spam and deleted; the log has both.' : 'Deleted; the log has it.');
  return reply.redirect('/admin/moderation/held', 303);
}

/** Routes for reports and moderation. */
export function registerModerationRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: { kind?: string; id?: string } }>('/reports/new', (request, reply) =>
    showReportForm(request, reply, { kind: request.query.kind ?? '', id: request.query.id ?? '', category: '', details: '', email: '' }));
  app.post('/reports', submitReport);
  app.get('/admin/moderation', showQueue);
  app.get<IdParams>('/admin/moderation/reports/:id', (request, reply) => showCase(request, reply));
  app.post<IdParams>('/admin/moderation/reports/:id/act', act);
  app.post<IdParams>('/admin/moderation/reports/:id/dismiss', dismiss);
  app.get('/admin/moderation/log', async (request, reply) => sendPage(reply, <LogPage ctx={pageContext(request, reply)} actions={await actionLog(request.server.db, request.viewer)} />));
  app.post<IdParams>('/admin/moderation/actions/:id/undo', (request, reply) => undoAction(request, reply, request.viewer));
  app.get('/admin/moderation/held', (request, reply) => showHeld(request, reply));
  app.post<IdParams>('/admin/moderation/held/:id', decide);
}
