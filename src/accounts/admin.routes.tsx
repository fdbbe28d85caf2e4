// Administration: the index, the archive's settings, and choosing tag wranglers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { listWranglers, setWrangler } from './user.service.js';
import { recentMail } from '../mail/outbox.repository.js';
import { AdminMailPage } from './views/admin-mail.js';
import { requireAdmin } from '../access/permissions.js';
import { WranglersPage } from './views/wranglers-page.js';
import { AdminIndexPage, SettingsPage } from './views/admin-pages.js';
import { archiveSettings, saveArchiveSettings } from './settings.service.js';

async function showWranglers(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, login = '', status = 200) {
  requireAdmin(request.viewer);
  const wranglers = await listWranglers(request.server.db);
  return sendPage(reply, <WranglersPage ctx={pageContext(request, reply)} wranglers={wranglers} errors={errors} login={login} />, status);
}

async function submitWrangler(request: FastifyRequest, reply: FastifyReply, on: boolean, login: string) {
  const admin = requireAdmin(request.viewer);
  try {
    const user = await setWrangler(request.server.db, admin, login, on);
    setFlash(reply, on ? `${user.login} can now wrangle tags.` : `${user.login} no longer wrangles tags.`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showWranglers(request, reply, error.fields, login, 422);
    throw error;
  }
  return reply.redirect('/admin/wranglers', 303);
}

async function showSettings(request: FastifyRequest, reply: FastifyReply) {
  requireAdmin(request.viewer);
  return sendPage(reply, <SettingsPage ctx={pageContext(request, reply)} settings={await archiveSettings(request.server.db)} />);
}

async function submitSettings(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  await saveArchiveSettings(request.server.db, request.viewer, { canonicalOnFirstUse: checkbox(form, 'canonicalOnFirstUse'), guestKudos: checkbox(form, 'guestKudos') });
  setFlash(reply, 'Settings saved.');
  return reply.redirect('/admin/settings', 303);
}

/** Routes for administrators. */
export function registerAdminRoutes(app: FastifyInstance): void {
  app.get('/admin', (request, reply) => {
    requireAdmin(request.viewer);
    return sendPage(reply, <AdminIndexPage ctx={pageContext(request, reply)} />);
  });
  app.get('/admin/settings', showSettings);
  app.get('/admin/mail', async (request, reply) => {
    requireAdmin(request.viewer);
    const mail = await recentMail(request.server.db, 100);
    return sendPage(reply, <AdminMailPage ctx={pageContext(request, reply)} mail={mail} smtp={request.server.config.smtp !== null} />);
  });
  app.post('/admin/settings', submitSettings);
  app.get('/admin/wranglers', (request, reply) => showWranglers(request, reply));
  app.post('/admin/wranglers', (request, reply) => submitWrangler(request, reply, true, field(formOf(request), 'login')));
  app.post<{ Params: { login: string } }>('/admin/wranglers/:login/revoke', (request, reply) => submitWrangler(request, reply, false, request.params.login));
}
