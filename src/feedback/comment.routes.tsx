// Comments on the pages, at AO3's addresses:
//
//   GET  /works/:id/comments            a work's threads (every chapter's), 20 a page, and the form
//   GET  /chapters/:id/comments         one chapter's threads
//   POST /works/:id/comments            a new comment (chapter_id: on that chapter)
//   POST /chapters/:id/comments         a new comment on a chapter
//   GET  /comments/:id                  a comment with its replies, and the reply form
//   POST /comments/:id/comments         a reply
//   GET  /comments/:id/edit, POST       edit one's own comment
//   POST /comments/:id/(delete|freeze|unfreeze|hide|unhide|approve)
//   POST /works/:id/moderation          the creators turn moderated comments on or off
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../access/viewer.js';
import { pageContext, setFlash, type PageContext } from '../http/context.js';
import { AppError } from '../http/errors.js';
import type { FormBody } from '../http/body-parsers.js';
import { field, formOf, idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { workIdOfChapter, type ReaderWork } from '../works/reading.service.js';
import { commentThreads, commentWithReplies } from './comment-threads.service.js';
import {
  approveComment, COMMENT_MESSAGES, deleteComment, editComment, freezeThread, hideComment, postComment, setModeration, type CommentTarget,
} from './comment.service.js';
import { guestKeyOf } from './kudos.routes.js';
import { commentEntry, type Refusal } from './comment-entry.js';
import type { CommentFormValues } from './views/comment-form.js';
import { CommentPage, CommentsPage, EditCommentPage } from './views/comment-pages.js';
import type { ThreadPowers } from './views/comment-thread.js';

type IdParams = { Params: { id: string }; Querystring: { page?: string } };

export function powersOf(viewer: Viewer, reader: ReaderWork): ThreadPowers {
  const permission = reader.work.commentPermission;
  return { creator: reader.isCreator, canReply: permission === 'all' || (permission === 'registered' && viewer.user !== null) };
}

function valuesOf(form: FormBody): CommentFormValues {
  return { comment: field(form, 'comment'), name: field(form, 'name'), email: field(form, 'email'), pseudId: field(form, 'pseud_id'), chapterId: field(form, 'chapter_id') };
}

async function threadsPage(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | null, refusal?: Refusal) {
  const { db } = request.server;
  const threads = await commentThreads(db, request.viewer, workId, chapterId, pageParam((request.query as { page?: string }).page));
  const basePath = chapterId === null ? `/works/${workId}/comments` : `/chapters/${chapterId}/comments`;
  const chapter = chapterId === null ? undefined : threads.reader.chapters.find((c) => c.id === chapterId);
  const entry = await commentEntry(db, request.viewer, threads.reader, { action: basePath, heading: 'Post a comment', button: 'Comment', returnTo: basePath }, refusal);
  const page = <CommentsPage ctx={pageContext(request, reply)} threads={threads} powers={powersOf(request.viewer, threads.reader)} entry={entry} basePath={basePath} chapterLabel={chapter === undefined ? null : `Chapter ${chapter.number}${chapter.title === '' ? '' : `: ${chapter.title}`}`} />;
  return sendPage(reply, page, refusal?.status ?? 200);
}

async function commentPage(request: FastifyRequest, reply: FastifyReply, commentId: number, refusal?: Refusal) {
  const { db } = request.server;
  const { reader, comment } = await commentWithReplies(db, request.viewer, commentId);
  const path = `/comments/${commentId}`;
  const entry = await commentEntry(db, request.viewer, reader, { action: `${path}/comments`, heading: 'Reply to this comment', button: 'Reply', returnTo: path }, refusal);
  const ctx: PageContext = pageContext(request, reply);
  return sendPage(reply, <CommentPage ctx={ctx} comment={comment} workId={reader.work.id} title={reader.work.title} powers={powersOf(request.viewer, reader)} entry={entry} />, refusal?.status ?? 200);
}

/** A refused comment comes back in its form, with the message beside the field (and, when rate limited, when to try again). */
function refusalOf(error: unknown, form: FormBody, reply: FastifyReply): Refusal {
  if (!(error instanceof AppError) || (error.code !== 'validation_failed' && error.code !== 'rate_limited')) throw error;
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  const errors = error.code === 'validation_failed' ? error.fields : { comment: error.message };
  return { values: valuesOf(form), errors, status: error.status };
}

async function submitComment(request: FastifyRequest, reply: FastifyReply, target: CommentTarget, onRefusal: (refusal: Refusal) => Promise<unknown>) {
  const form = formOf(request);
  const input = { content: field(form, 'comment'), pseudId: /^\d+$/.test(field(form, 'pseud_id')) ? Number(field(form, 'pseud_id')) : null, guestName: field(form, 'name'), guestEmail: field(form, 'email'), honeypot: field(form, 'website') };
  try {
    const posted = await postComment(request.server.db, request.viewer, target, input, guestKeyOf(request));
    setFlash(reply, posted.state === 'pending' ? COMMENT_MESSAGES.pending : posted.state === 'held' ? COMMENT_MESSAGES.held : COMMENT_MESSAGES.posted);
    return await reply.redirect(afterPosting(target.workId, posted), 303);
  } catch (error) {
    return onRefusal(refusalOf(error, form, reply));
  }
}

/** Where a new comment is seen: a first comment under its chapter on the work page, a reply under the comment it answers, a moderated or held one in the work's comments. */
function afterPosting(workId: number, posted: { id: number; state: string; chapterId: number | null; parentId: number | null }): string {
  if (posted.state === 'pending' || posted.state === 'held') return `/works/${workId}/comments`;
  if (posted.parentId !== null) return `/comments/${posted.parentId}#comment_${posted.id}`;
  const page = posted.chapterId === null ? `/works/${workId}` : `/works/${workId}/chapters/${posted.chapterId}`;
  return `${page}?show_comments=true#comment_${posted.id}`;
}

function chapterField(form: FormBody): number | null {
  const raw = field(form, 'chapter_id');
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** Routes for comments. */
export function registerCommentRoutes(app: FastifyInstance): void {
  app.get<IdParams>('/works/:id/comments', (request, reply) => threadsPage(request, reply, idParam(request.params.id), null));
  app.get<IdParams>('/chapters/:id/comments', async (request, reply) => {
    const chapterId = idParam(request.params.id);
    return threadsPage(request, reply, await workIdOfChapter(request.server.db, chapterId), chapterId);
  });
  app.post<IdParams>('/works/:id/comments', (request, reply) => {
    const workId = idParam(request.params.id);
    const chapterId = chapterField(formOf(request));
    return submitComment(request, reply, { workId, chapterId, parentId: null }, (refusal) => threadsPage(request, reply, workId, chapterId, refusal));
  });
  app.post<IdParams>('/chapters/:id/comments', async (request, reply) => {
    const chapterId = idParam(request.params.id);
    const workId = await workIdOfChapter(request.server.db, chapterId);
    return submitComment(request, reply, { workId, chapterId, parentId: null }, (refusal) => threadsPage(request, reply, workId, chapterId, refusal));
  });
  app.get<IdParams>('/comments/:id', (request, reply) => commentPage(request, reply, idParam(request.params.id)));
  app.post<IdParams>('/comments/:id/comments', async (request, reply) => {
    const parentId = idParam(request.params.id);
    const { reader } = await commentWithReplies(request.server.db, request.viewer, parentId);
    return submitComment(request, reply, { workId: reader.work.id, chapterId: null, parentId }, (refusal) => commentPage(request, reply, parentId, refusal));
  });
  registerCommentActions(app);
}

function registerCommentActions(app: FastifyInstance): void {
  app.get<IdParams>('/comments/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const { comment } = await commentWithReplies(request.server.db, request.viewer, id);
    if (!comment.mine) throw new AppError('forbidden', 'Only the person who wrote a comment can edit it.');
    return sendPage(reply, <EditCommentPage ctx={pageContext(request, reply)} commentId={id} value={comment.html} errors={{}} />);
  });
  app.post<IdParams>('/comments/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const value = field(formOf(request), 'comment');
    try {
      await editComment(request.server.db, request.viewer, id, value);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return sendPage(reply, <EditCommentPage ctx={pageContext(request, reply)} commentId={id} value={value} errors={error.fields} />, 422);
    }
    setFlash(reply, 'Comment updated.');
    return reply.redirect(`/comments/${id}#comment_${id}`, 303);
  });
  const action = (name: string, run: (db: FastifyInstance['db'], viewer: Viewer, id: number) => Promise<{ workId: number }>, done: string) => {
    app.post<IdParams>(`/comments/:id/${name}`, async (request, reply) => {
      const id = idParam(request.params.id);
      const { workId } = await run(request.server.db, request.viewer, id);
      setFlash(reply, done);
      return reply.redirect(name === 'delete' ? `/works/${workId}/comments` : `/comments/${id}#comment_${id}`, 303);
    });
  };
  action('delete', deleteComment, 'Comment deleted.');
  action('freeze', (db, viewer, id) => freezeThread(db, viewer, id, true), 'Thread frozen: no more replies can be added.');
  action('unfreeze', (db, viewer, id) => freezeThread(db, viewer, id, false), 'Thread unfrozen.');
  action('hide', (db, viewer, id) => hideComment(db, viewer, id, true), 'Comment hidden.');
  action('unhide', (db, viewer, id) => hideComment(db, viewer, id, false), 'Comment visible again.');
  action('approve', approveComment, 'Comment approved.');
  app.post<IdParams>('/works/:id/moderation', async (request, reply) => {
    const workId = idParam(request.params.id);
    const { reader } = await commentThreads(request.server.db, request.viewer, workId, null, 1);
    await setModeration(request.server.db, request.viewer, workId, !reader.work.commentsModerated);
    setFlash(reply, reader.work.commentsModerated ? 'Comments are no longer moderated.' : 'Comments are moderated: new ones wait for your approval.');
    return reply.redirect(`/works/${workId}/comments`, 303);
  });
}
