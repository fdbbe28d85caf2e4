// Bookmarks, subscriptions and the inbox in the JSON API, with the rules of the pages:
//
//   GET    /api/v1/users/:login/bookmarks    a member's bookmarks
//   GET    /api/v1/works/:id/bookmarks       a work's bookmarks
//   PUT    /api/v1/works/:id/bookmark        bookmark a work (or change one's bookmark of it)
//   DELETE /api/v1/bookmarks/:id             delete one's bookmark
//   GET    /api/v1/subscriptions, POST       one's subscriptions; follow a work or a creator
//   DELETE /api/v1/subscriptions/:id         unsubscribe
//   GET    /api/v1/inbox, POST               one's inbox; mark read or delete
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getUserByLogin } from '../accounts/user.service.js';
import { requireUser } from '../access/permissions.js';
import { AppError } from '../http/errors.js';
import { idParam, pageParam } from '../http/form-values.js';
import { bookmarkWork, deleteBookmark, getBookmark, listBookmarksFor, type BookmarkView } from './bookmark.service.js';
import * as schemas from './feedback.schemas.js';
import { changeInbox, inboxOf } from './inbox.service.js';
import { subscribeToCreator, subscribeToWork, subscriptionsOf, unsubscribe } from './subscription.service.js';

type IdParams = { Params: { id: string }; Querystring: { page?: string } };

function bookmarkJson(request: FastifyRequest, b: BookmarkView) {
  const external = b.external === null ? null
    : { url: b.external.url, title: b.external.title, creator: b.external.creator, fandoms: b.external.fandoms, rating: b.external.rating, summary: b.external.summary };
  return {
    id: b.id, url: `${request.server.config.baseUrl}/bookmarks/${b.id}`, login: b.login, pseud: b.pseud, notes: b.notes, tags: b.tags,
    rec: b.rec, private: b.private, createdAt: b.createdAt, workId: b.work?.id ?? null, seriesId: b.series?.id ?? null, external,
  };
}

function registerBookmarkApi(app: FastifyInstance): void {
  app.get<{ Params: { login: string }; Querystring: { page?: string } }>('/api/v1/users/:login/bookmarks', { schema: schemas.listBookmarksSchema }, async (request) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    const page = await listBookmarksFor(request.server.db, request.viewer, { userId: user.id }, pageParam(request.query.page));
    return { bookmarks: page.items.map((b) => bookmarkJson(request, b)), page: page.page, pages: page.pages, total: page.total };
  });
  app.get<IdParams>('/api/v1/works/:id/bookmarks', { schema: schemas.workBookmarksSchema }, async (request) => {
    const workId = idParam(request.params.id);
    const page = await listBookmarksFor(request.server.db, request.viewer, { workId }, pageParam(request.query.page));
    return { bookmarks: page.items.map((b) => bookmarkJson(request, b)), page: page.page, pages: page.pages, total: page.total };
  });
  type SaveBody = { notes?: string | null; tags?: string[] | null; rec?: boolean | null; private?: boolean | null };
  app.put<IdParams & { Body: SaveBody }>('/api/v1/works/:id/bookmark', { schema: schemas.saveBookmarkSchema }, async (request) => {
    const { body } = request;
    const input = { notes: body.notes ?? '', tags: (body.tags ?? []).join(', '), rec: body.rec ?? false, private: body.private ?? false, pseudId: null };
    const id = await bookmarkWork(request.server.db, request.viewer, idParam(request.params.id), input);
    return { bookmark: bookmarkJson(request, await getBookmark(request.server.db, request.viewer, id)) };
  });
  app.delete<IdParams>('/api/v1/bookmarks/:id', { schema: schemas.deleteBookmarkSchema }, async (request, reply) => {
    await deleteBookmark(request.server.db, request.viewer, idParam(request.params.id));
    return reply.code(204).send();
  });
}

function registerSubscriptionApi(app: FastifyInstance): void {
  const list = async (request: FastifyRequest) => {
    const rows = await subscriptionsOf(request.server.db, request.viewer, requireUser(request.viewer).login);
    return { subscriptions: rows.map((s) => ({ id: s.id, kind: s.kind, targetId: s.target_id, label: s.label })) };
  };
  app.get('/api/v1/subscriptions', { schema: schemas.listSubscriptionsSchema }, list);
  app.post<{ Body: { workId?: number | null; creator?: string | null } }>('/api/v1/subscriptions', { schema: schemas.subscribeSchema }, async (request) => {
    const { workId, creator } = request.body;
    if (workId != null) await subscribeToWork(request.server.db, request.viewer, workId);
    else if (creator != null) await subscribeToCreator(request.server.db, request.viewer, creator);
    else throw new AppError('bad_request', 'Send "workId" to follow a work, or "creator" (a login) to follow a creator.', { workId: 'or creator is required' });
    return list(request);
  });
  app.delete<IdParams>('/api/v1/subscriptions/:id', { schema: schemas.unsubscribeSchema }, async (request, reply) => {
    await unsubscribe(request.server.db, request.viewer, idParam(request.params.id));
    return reply.code(204).send();
  });
}

function registerInboxApi(app: FastifyInstance): void {
  app.get<{ Querystring: { page?: string } }>('/api/v1/inbox', { schema: schemas.inboxSchema }, async (request) => {
    const user = requireUser(request.viewer);
    const inbox = await inboxOf(request.server.db, request.viewer, user.login, pageParam(request.query.page));
    const items = inbox.items.map((i) => {
      const c = i.comment;
      const author = c === null ? null : c.author.kind === 'member' ? c.author.pseud : c.author.kind === 'guest' ? c.author.name : null;
      return { id: i.id, kind: i.kind, read: i.read, createdAt: i.createdAt, workId: i.workId, workTitle: i.workTitle, commentId: c?.id ?? null, author, html: c?.html ?? null };
    });
    return { items, unread: inbox.unread, total: inbox.total, page: inbox.page, pages: inbox.pages };
  });
  app.post<{ Body: { action: 'read' | 'delete'; ids: number[] } }>('/api/v1/inbox', { schema: schemas.changeInboxSchema }, async (request, reply) => {
    await changeInbox(request.server.db, request.viewer, request.body.action, request.body.ids);
    return reply.code(204).send();
  });
}

/** Routes under /api/v1 for bookmarks, subscriptions and the inbox. */
export function registerFeedbackApi(app: FastifyInstance): void {
  registerBookmarkApi(app);
  registerSubscriptionApi(app);
  registerInboxApi(app);
}
