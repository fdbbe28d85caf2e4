// Subscriptions on the pages:
//
//   POST /works/:id/subscriptions        follow a work (its new chapters)
//   POST /users/:login/subscriptions     follow a creator (their new works)
//   POST /series/:id/subscriptions       follow a series (its new parts)
//   GET  /users/:login/subscriptions     one's own subscriptions, with Unsubscribe buttons
//   POST /subscriptions/:id/delete       unsubscribe
//   GET  /unsubscribe/subscription/:user/:id/:sig, POST   unsubscribe from an email's link
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { notFound } from '../http/errors.js';
import { idParam, refererPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { unsubscribeSignature } from '../mail/mail-site.js';
import { subscribeToCreator, subscribeToSeries, subscribeToWork, subscriptionsOf, unsubscribe, unsubscribeByLink } from './subscription.service.js';
import { UnsubscribePage } from './views/inbox-page.js';
import { SubscriptionsPage } from './views/subscriptions-page.js';

type LinkParams = { Params: { user: string; id: string; sig: string } };

function signed(request: FastifyRequest<LinkParams>): { userId: number; id: number } {
  const userId = idParam(request.params.user);
  const id = idParam(request.params.id);
  const valid = Number.isSafeInteger(userId) && Number.isSafeInteger(id);
  const wanted = Buffer.from(valid ? unsubscribeSignature(userId, `subscription:${id}`) : '');
  const given = Buffer.from(request.params.sig);
  if (wanted.length === 0 || wanted.length !== given.length || !timingSafeEqual(wanted, given)) throw notFound();
  return { userId, id };
}

/** Routes for subscriptions. */
export function registerSubscriptionRoutes(app: FastifyInstance): void {
  app.post<{ Params: { id: string } }>('/works/:id/subscriptions', async (request, reply) => {
    const workId = idParam(request.params.id);
    await subscribeToWork(request.server.db, request.viewer, workId);
    setFlash(reply, 'Subscribed: you will get an email for each new chapter.');
    return reply.redirect(refererPath(request, `/works/${workId}`), 303);
  });
  app.post<{ Params: { login: string } }>('/users/:login/subscriptions', async (request, reply) => {
    const login = await subscribeToCreator(request.server.db, request.viewer, request.params.login);
    setFlash(reply, `Subscribed: you will get an email for each new work by ${login}.`);
    return reply.redirect(refererPath(request, `/users/${encodeURIComponent(login)}/works`), 303);
  });
  app.post<{ Params: { id: string } }>('/series/:id/subscriptions', async (request, reply) => {
    const seriesId = idParam(request.params.id);
    const title = await subscribeToSeries(request.server.db, request.viewer, seriesId);
    setFlash(reply, `Subscribed: you will get an email for each new part of ${title}.`);
    return reply.redirect(refererPath(request, `/series/${seriesId}`), 303);
  });
  app.get<{ Params: { login: string } }>('/users/:login/subscriptions', async (request, reply) => {
    const subscriptions = await subscriptionsOf(request.server.db, request.viewer, request.params.login);
    return sendPage(reply, <SubscriptionsPage ctx={pageContext(request, reply)} subscriptions={subscriptions} />);
  });
  app.post<{ Params: { id: string } }>('/subscriptions/:id/delete', async (request, reply) => {
    await unsubscribe(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Unsubscribed.');
    return reply.redirect(refererPath(request, `/users/${encodeURIComponent(requireUser(request.viewer).login)}/subscriptions`), 303);
  });
  app.get<LinkParams>('/unsubscribe/subscription/:user/:id/:sig', (request, reply) => {
    signed(request);
    return sendPage(reply, <UnsubscribePage ctx={pageContext(request, reply)} action={request.url} heading="Unsubscribe?" text="You will no longer get an email about this subscription." button="Unsubscribe" />);
  });
  app.post<LinkParams>('/unsubscribe/subscription/:user/:id/:sig', async (request, reply) => {
    const { userId, id } = signed(request);
    await unsubscribeByLink(request.server.db, userId, id);
    setFlash(reply, 'Unsubscribed.');
    return reply.redirect('/', 303);
  });
}
