// Reading history and Mark for Later on the pages, at AO3's addresses:
//
//   GET  /users/:login/readings               one's history (?show=to-read: marked for later)
//   POST /users/:login/readings/clear         forget it;  POST /users/:login/readings/:work/delete  forget one work
//   POST /users/:login/readings/history       keep a history, or stop
//   POST /works/:id/mark_for_later            mark a work for later, or take the mark off
import type { FastifyInstance } from 'fastify';
import { preferencesOf } from '../accounts/preferences.service.js';
import { requireUser } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { idParam, pageParam, refererPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { clearHistory, readingsOf, setHistory, toggleLater } from './reading.service.js';
import { ReadingsPage } from './views/readings-page.js';

type LoginParams = { Params: { login: string; work?: string }; Querystring: { page?: string; show?: string } };

/** Routes for reading history and Mark for Later. */
export function registerReadingRoutes(app: FastifyInstance): void {
  app.get<LoginParams>('/users/:login/readings', async (request, reply) => {
    const laterOnly = request.query.show === 'to-read';
    const { page, history } = await readingsOf(request.server.db, request.viewer, request.params.login, laterOnly, pageParam(request.query.page));
    return sendPage(reply, <ReadingsPage ctx={pageContext(request, reply)} login={request.params.login} page={page} history={history} laterOnly={laterOnly} />);
  });
  app.post<LoginParams>('/users/:login/readings/clear', async (request, reply) => {
    await clearHistory(request.server.db, request.viewer, request.params.login, null);
    setFlash(reply, 'History cleared.');
    return reply.redirect(`/users/${encodeURIComponent(request.params.login)}/readings`, 303);
  });
  app.post<LoginParams>('/users/:login/readings/history', async (request, reply) => {
    const on = !(await preferencesOf(request.server.db, requireUser(request.viewer).id)).history;
    await setHistory(request.server.db, request.viewer, request.params.login, on);
    setFlash(reply, on ? 'Your reading history is kept again.' : 'Your reading history is no longer kept.');
    return reply.redirect(`/users/${encodeURIComponent(request.params.login)}/readings`, 303);
  });
  app.post<LoginParams>('/users/:login/readings/:work/delete', async (request, reply) => {
    await clearHistory(request.server.db, request.viewer, request.params.login, idParam(request.params.work ?? ''));
    return reply.redirect(refererPath(request, `/users/${encodeURIComponent(request.params.login)}/readings`), 303);
  });
  app.post<{ Params: { id: string } }>('/works/:id/mark_for_later', async (request, reply) => {
    const workId = idParam(request.params.id);
    const later = await toggleLater(request.server.db, request.viewer, workId);
    setFlash(reply, later ? 'Marked for later: find it under History → Marked for Later.' : 'No longer marked for later.');
    return reply.redirect(refererPath(request, `/works/${workId}`), 303);
  });
}
