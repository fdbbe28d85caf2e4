// Administration: the index, the archive's settings, and choosing tag wranglers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, forbidden, type FieldErrors } from '../http/errors.js';
import { checkbox, field, fieldList, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { listRoleHolders, listWranglers, setRoles, setWrangler } from './user.service.js';
import { recentMail } from '../mail/outbox.repository.js';
import { AdminMailPage } from './views/admin-mail.js';
import { requireAdmin, requireRole, requireUser } from '../access/permissions.js';
import { ADMIN_ROLES } from '../access/viewer.js';
import { WranglersPage } from './views/wranglers-page.js';
import { AdminIndexPage, RolesPage, SettingsPage } from './views/admin-pages.js';
import { archiveSettings, REGISTRATIONS, saveArchiveSettings, type ArchiveSettings } from './settings.service.js';

async function showWranglers(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, login = '', status = 200) {
  requireRole(request.viewer, 'tag_wrangling');
  const wranglers = await listWranglers(request.server.db);
  return sendPage(reply, <WranglersPage ctx={pageContext(request, reply)} wranglers={wranglers} errors={errors} login={login} />, status);
}

async function submitWrangler(request: FastifyRequest, reply: FastifyReply, on: boolean, login: string) {
  const admin = requireRole(request.viewer, 'tag_wrangling');
  try {
    const user = await setWrangler(request.server.db, admin, login, on);
    setFlash(reply, on ? `${user.login} can now wrangle tags.` : `${user.login} no longer wrangles tags.`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showWranglers(request, reply, error.fields, login, 422);
    throw error;
  }
  return reply.redirect('/admin/wranglers', 303);
}

async function showSettings(request: FastifyRequest, reply: FastifyReply, typed?: ArchiveSettings, errors: FieldErrors = {}, status = 200) {
  requireAdmin(request.viewer);
  return sendPage(reply, <SettingsPage ctx={pageContext(request, reply)} settings={typed ?? await archiveSettings(request.server.db)} errors={errors} />, status);
}

async function submitSettings(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const perDay = Number(field(form, 'invitationsPerDay'));
  const settings: ArchiveSettings = {
    canonicalOnFirstUse: checkbox(form, 'canonicalOnFirstUse'), guestKudos: checkbox(form, 'guestKudos'),
    registration: REGISTRATIONS.find((r) => r === field(form, 'registration')) ?? 'open',
    invitationsPerDay: Number.isInteger(perDay) && perDay >= 0 && perDay <= 10000 ? perDay : 0,
    holdNewAccounts: checkbox(form, 'holdNewAccounts'), bannedWords: field(form, 'bannedWords'),
  };
  try {
    await saveArchiveSettings(request.server.db, request.viewer, settings);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showSettings(request, reply, settings, error.fields, 422);
    throw error;
  }
  setFlash(reply, 'Settings saved.');
  return reply.redirect('/admin/settings', 303);
}

async function showRoles(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, login = '', status = 200) {
  requireAdmin(request.viewer);
  const holders = await listRoleHolders(request.server.db);
  return sendPage(reply, <RolesPage ctx={pageContext(request, reply)} holders={holders} errors={errors} login={login} />, status);
}

async function submitRoles(request: FastifyRequest, reply: FastifyReply) {
  const admin = requireAdmin(request.viewer);
  const form = formOf(request);
  const login = field(form, 'login');
  const roles = ADMIN_ROLES.filter((role) => fieldList(form, 'roles').includes(role));
  try {
    const user = await setRoles(request.server.db, admin, login, roles);
    setFlash(reply, roles.length === 0 ? `${user.login} holds no role now.` : `${user.login} now holds: ${roles.join(', ')}.`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showRoles(request, reply, error.fields, login, 422);
    throw error;
  }
  return reply.redirect('/admin/roles', 303);
}

/** Routes for administrators. */
export function registerAdminRoutes(app: FastifyInstance): void {
  app.get('/admin', (request, reply) => {
    const user = requireUser(request.viewer, 'Log in as one of the archive\'s volunteers.');
    if (!user.isAdmin && user.roles.length === 0) throw forbidden('Only the archive\'s administrators and volunteers can open this page.');
    if (!user.twoFactor) throw new AppError('two_factor_required');
    return sendPage(reply, <AdminIndexPage ctx={pageContext(request, reply)} />);
  });
  app.get('/admin/roles', (request, reply) => showRoles(request, reply));
  app.post('/admin/roles', submitRoles);
  app.get('/admin/settings', showSettings);
  app.get('/admin/mail', async (request, reply) => {
    requireRole(request.viewer, 'support');
    const mail = await recentMail(request.server.db, 100);
    return sendPage(reply, <AdminMailPage ctx={pageContext(request, reply)} mail={mail} smtp={request.server.config.smtp !== null} />);
  });
  app.post('/admin/settings', submitSettings);
  app.get('/admin/wranglers', (request, reply) => showWranglers(request, reply));
  app.post('/admin/wranglers', (request, reply) => submitWrangler(request, reply, true, field(formOf(request), 'login')));
  app.post<{ Params: { login: string } }>('/admin/wranglers/:login/revoke', (request, reply) => submitWrangler(request, reply, false, request.params.login));
}
