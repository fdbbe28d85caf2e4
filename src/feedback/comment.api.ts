// Comments in the JSON API, with the rules of the pages (comment.service.ts):
//
//   GET    /api/v1/works/:id/comments      a page of threads, flattened
//   POST   /api/v1/works/:id/comments      a comment (token)
//   GET    /api/v1/comments/:id            a comment and its replies
//   POST   /api/v1/comments/:id/comments   a reply (token)
//   PATCH  /api/v1/comments/:id            edit one's own (token)
//   DELETE /api/v1/comments/:id            delete (token)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { idParam, pageParam } from '../http/form-values.js';
import { commentThreads, commentWithReplies, type CommentView } from './comment-threads.service.js';
import { deleteComment, editComment, postComment, type CommentTarget } from './comment.service.js';
import { deleteCommentSchema, editCommentSchema, listCommentsSchema, postCommentSchema, replyCommentSchema, showCommentSchema } from './comment.schemas.js';
import { guestKeyOf } from './kudos.routes.js';

type IdParams = { Params: { id: string } };
type CommentBody = { comment?: string | null; chapterId?: number | null; pseudId?: number | null };

function commentJson(c: CommentView) {
  const author = c.author.kind === 'member' ? { pseud: c.author.pseud, login: c.author.login, guest: null }
    : { pseud: null, login: null, guest: c.author.kind === 'guest' ? c.author.name : null };
  return {
    id: c.id, workId: c.workId, chapterId: c.chapterId, parentId: c.parentId, depth: c.depth, author, html: c.html,
    state: c.state, frozen: c.frozen, createdAt: c.createdAt, editedAt: c.editedAt,
  };
}

/** A thread in reading order: each comment, then its replies. */
function flatten(comments: CommentView[]): ReturnType<typeof commentJson>[] {
  return comments.flatMap((c) => [commentJson(c), ...flatten(c.replies)]);
}

/** Routes under /api/v1 for comments. */
export function registerCommentApi(app: FastifyInstance): void {
  app.get<IdParams & { Querystring: { page?: string; chapter?: string } }>('/api/v1/works/:id/comments', { schema: listCommentsSchema }, async (request) => {
    const chapter = request.query.chapter === undefined ? null : idParam(request.query.chapter);
    const threads = await commentThreads(request.server.db, request.viewer, idParam(request.params.id), chapter, pageParam(request.query.page));
    return { comments: flatten(threads.threads), page: threads.page, pages: threads.pages };
  });
  app.get<IdParams>('/api/v1/comments/:id', { schema: showCommentSchema }, async (request) => {
    const { comment } = await commentWithReplies(request.server.db, request.viewer, idParam(request.params.id));
    return { comments: flatten([comment]) };
  });
  const post = async (request: FastifyRequest<{ Body: CommentBody }>, target: CommentTarget) => {
    const { db } = request.server;
    const body = request.body;
    const input = { content: body.comment ?? '', pseudId: body.pseudId ?? null, guestName: '', guestEmail: '', honeypot: '' };
    const { id } = await postComment(db, request.viewer, target, input, guestKeyOf(request));
    return { comment: commentJson((await commentWithReplies(db, request.viewer, id)).comment) };
  };
  app.post<IdParams & { Body: CommentBody }>('/api/v1/works/:id/comments', { schema: postCommentSchema }, async (request, reply) => {
    const target = { workId: idParam(request.params.id), chapterId: request.body.chapterId ?? null, parentId: null };
    return reply.code(201).send(await post(request, target));
  });
  app.post<IdParams & { Body: CommentBody }>('/api/v1/comments/:id/comments', { schema: replyCommentSchema }, async (request, reply) => {
    const parentId = idParam(request.params.id);
    const { reader } = await commentWithReplies(request.server.db, request.viewer, parentId);
    return reply.code(201).send(await post(request, { workId: reader.work.id, chapterId: null, parentId }));
  });
  app.patch<IdParams & { Body: { comment?: string | null } }>('/api/v1/comments/:id', { schema: editCommentSchema }, async (request) => {
    const id = idParam(request.params.id);
    if (request.body.comment == null) throw new AppError('bad_request', 'Send the new text as "comment".', { comment: 'is required' });
    await editComment(request.server.db, request.viewer, id, request.body.comment);
    const { comment } = await commentWithReplies(request.server.db, request.viewer, id);
    return { comment: commentJson(comment) };
  });
  app.delete<IdParams>('/api/v1/comments/:id', { schema: deleteCommentSchema }, async (request, reply) => {
    await deleteComment(request.server.db, request.viewer, idParam(request.params.id));
    return reply.code(204).send();
  });
}
