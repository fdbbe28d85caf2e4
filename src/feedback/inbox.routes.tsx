// The inbox and email choices on the pages:
//
//   GET  /users/:login/inbox                 one's own inbox, unread first
//   POST /users/:login/inbox/read            mark everything read
//   POST /users/:login/inbox/:item/(read|delete)
//   GET  /users/:login/preferences, POST     email, gift and reading choices, time zone
//   GET  /unsubscribe/comments/:user/:sig, POST   stop comment emails from the link in one (no log-in needed)
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../access/permissions.js';
import { preferencesOf, savePreferences, type FormPreferences } from '../accounts/preferences.service.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import type { FormBody } from '../http/body-parsers.js';
import { checkbox, field, formOf, idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { unsubscribeSignature } from '../mail/mail-site.js';
import { changeInbox, inboxOf } from './inbox.service.js';
import { InboxPage, PreferencesPage, UnsubscribePage } from './views/inbox-page.js';

type LoginParams = { Params: { login: string; item?: string; action?: string }; Querystring: { page?: string } };
type UnsubscribeParams = { Params: { user: string; sig: string } };

function ownLogin(request: FastifyRequest<LoginParams>): string {
  const user = requireUser(request.viewer);
  if (user.login !== request.params.login) throw forbidden('These pages are for their owner alone.');
  return user.login;
}

function signed(request: FastifyRequest<UnsubscribeParams>): number {
  const userId = idParam(request.params.user);
  const wanted = Buffer.from(Number.isSafeInteger(userId) ? unsubscribeSignature(userId, 'comments') : '');
  const given = Buffer.from(request.params.sig);
  if (wanted.length === 0 || wanted.length !== given.length || !timingSafeEqual(wanted, given)) throw notFound();
  return userId;
}

/** Every choice on the preferences form, as sent (an unticked box is off); the reading history has its own switch. */
function preferencesTyped(form: FormBody): FormPreferences {
  return {
    emailComments: checkbox(form, 'email_comments'), emailDigest: checkbox(form, 'email_digest'), acceptGifts: checkbox(form, 'accept_gifts'),
    showAdult: checkbox(form, 'view_adult'), hideWarnings: checkbox(form, 'hide_warnings'),
    hideFreeforms: checkbox(form, 'hide_freeforms'), fullWork: checkbox(form, 'view_full_work'), timeZone: field(form, 'time_zone') || 'UTC',
  };
}

/** Routes for the inbox and email choices. */
export function registerInboxRoutes(app: FastifyInstance): void {
  app.get<LoginParams>('/users/:login/inbox', async (request, reply) => {
    const inbox = await inboxOf(request.server.db, request.viewer, request.params.login, pageParam(request.query.page));
    return sendPage(reply, <InboxPage ctx={pageContext(request, reply)} login={request.params.login} {...inbox} />);
  });
  app.post<LoginParams>('/users/:login/inbox/read', async (request, reply) => {
    const login = ownLogin(request);
    await changeInbox(request.server.db, request.viewer, 'read', 'all');
    return reply.redirect(`/users/${encodeURIComponent(login)}/inbox`, 303);
  });
  app.post<LoginParams>('/users/:login/inbox/:item/:action', async (request, reply) => {
    const login = ownLogin(request);
    const { action } = request.params;
    if (action !== 'read' && action !== 'delete') throw notFound();
    await changeInbox(request.server.db, request.viewer, action, [idParam(request.params.item ?? '')]);
    return reply.redirect(`/users/${encodeURIComponent(login)}/inbox`, 303);
  });
  app.get<LoginParams>('/users/:login/preferences', async (request, reply) => {
    const login = ownLogin(request);
    const values = await preferencesOf(request.server.db, requireUser(request.viewer).id);
    return sendPage(reply, <PreferencesPage ctx={pageContext(request, reply)} login={login} values={values} />);
  });
  app.post<LoginParams>('/users/:login/preferences', async (request, reply) => {
    const login = ownLogin(request);
    const typed = preferencesTyped(formOf(request));
    try {
      await savePreferences(request.server.db, requireUser(request.viewer).id, typed);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return sendPage(reply, <PreferencesPage ctx={pageContext(request, reply)} login={login} values={typed} errors={error.fields} />, 422);
    }
    setFlash(reply, 'Preferences saved.');
    return reply.redirect(`/users/${encodeURIComponent(login)}/preferences`, 303);
  });
  app.get<UnsubscribeParams>('/unsubscribe/comments/:user/:sig', (request, reply) => {
    signed(request);
    return sendPage(reply, <UnsubscribePage ctx={pageContext(request, reply)} action={request.url} />);
  });
  app.post<UnsubscribeParams>('/unsubscribe/comments/:user/:sig', async (request, reply) => {
    await savePreferences(request.server.db, signed(request), { emailComments: false });
    setFlash(reply, 'Done: no more emails about comments. They will still be in your inbox.');
    return reply.redirect('/', 303);
  });
}
