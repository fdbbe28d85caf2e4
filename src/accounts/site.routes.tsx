// What the archive says to everyone:
//   GET  /terms, /privacy                     the terms of service and the privacy policy
//   GET  /terms/accept, POST                  a member accepts terms that changed
//   POST /announcements/:id/dismiss           hides the banner for this visitor (a cookie)
//   GET  /contact, POST                       the contact form
//   GET  /admin/announcements, POST; POST /admin/announcements/:id/end        (administrators)
//   GET  /admin/site_pages/:slug, POST        edit the terms or the privacy policy (administrators)
//   GET  /admin/contact; POST /admin/contact/:id/answered                      (the support role)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAdmin, requireUser } from '../access/permissions.js';
import { cookieNames, cookieOptions } from '../http/cookies.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam, safeReturnPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import {
  acceptTerms, announcementHistory, answerContact, contactMessages, endAnnouncement, postAnnouncement, saveSitePage, sendContact, sitePage, siteState,
} from './site.service.js';
import { AcceptTermsPage, AnnouncementsAdminPage, ContactAdminPage, ContactPage, SitePage, SitePageEditPage, type ContactValues } from './views/site-pages.js';
import { findSitePage } from './site.repository.js';

type IdParams = { Params: { id: string } };
type SlugParams = { Params: { slug: string } };
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Runs a form's write: null when it was saved, or the errors to show beside the fields (with the status) when it was refused. */
async function attempt(write: () => Promise<void>): Promise<{ errors: FieldErrors; status: number } | null> {
  try {
    await write();
    return null;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'validation_failed' || error.code === 'rate_limited')) {
      return { errors: error.code === 'rate_limited' ? { message: error.message } : error.fields, status: error.status };
    }
    throw error;
  }
}

async function showSitePage(request: FastifyRequest, reply: FastifyReply, slug: string) {
  const { title, page } = await sitePage(request.server.db, slug);
  const editHref = request.viewer.user?.isAdmin === true ? `/admin/site_pages/${slug}` : null;
  return sendPage(reply, <SitePage ctx={pageContext(request, reply)} title={title} page={page} editHref={editHref} />);
}

async function showAccept(request: FastifyRequest, reply: FastifyReply, returnTo: string, errors: FieldErrors = {}, status = 200) {
  requireUser(request.viewer, 'Log in to accept the terms.');
  const terms = (await findSitePage(request.server.db, 'terms')) ?? null;
  return sendPage(reply, <AcceptTermsPage ctx={pageContext(request, reply)} terms={terms} returnTo={returnTo} errors={errors} />, status);
}

async function submitAccept(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request.viewer, 'Log in to accept the terms.');
  const form = formOf(request);
  const returnTo = safeReturnPath(field(form, 'return_to'));
  if (!checkbox(form, 'accept')) return showAccept(request, reply, returnTo, { accept: 'Tick the box to accept the terms, or log out.' }, 422);
  // Terms changed again while the page was open: show the newer ones.
  if (Number(field(form, 'version')) !== (await siteState(request.server.db)).termsVersion) return showAccept(request, reply, returnTo, { accept: 'The terms changed again while you read them: please read this version.' }, 409);
  await acceptTerms(request.server.db, user.id);
  setFlash(reply, 'Thank you for accepting the terms.');
  return reply.redirect(returnTo, 303);
}

function dismiss(request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const form = formOf(request);
  reply.setCookie(cookieNames(request.server.config).announcement, String(idParam(request.params.id)), cookieOptions(request.server.config, { maxAgeSeconds: YEAR_SECONDS }));
  return reply.redirect(safeReturnPath(field(form, 'return_to')), 303);
}

function showContact(request: FastifyRequest, reply: FastifyReply, values: ContactValues = { name: '', email: '', subject: '', message: '' }, errors: FieldErrors = {}, status = 200, sent = false) {
  return sendPage(reply, <ContactPage ctx={pageContext(request, reply)} values={values} errors={errors} sent={sent} />, status);
}

async function submitContact(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const values = { name: field(form, 'name'), email: field(form, 'email'), subject: field(form, 'subject'), message: field(form, 'message') };
  const failed = await attempt(() => sendContact(request.server.db, request.viewer, { ...values, honeypot: field(form, 'website') }, request.ip));
  if (failed !== null) return showContact(request, reply, values, failed.errors, failed.status);
  return showContact(request, reply, values, {}, 200, true);
}

async function showAnnouncements(request: FastifyRequest, reply: FastifyReply, content = '', errors: FieldErrors = {}, status = 200) {
  const items = await announcementHistory(request.server.db, request.viewer);
  return sendPage(reply, <AnnouncementsAdminPage ctx={pageContext(request, reply)} items={items} content={content} errors={errors} />, status);
}

async function submitAnnouncement(request: FastifyRequest, reply: FastifyReply) {
  const content = field(formOf(request), 'content');
  const failed = await attempt(() => postAnnouncement(request.server.db, request.viewer, content));
  if (failed !== null) return showAnnouncements(request, reply, content, failed.errors, failed.status);
  setFlash(reply, 'The announcement is shown on every page.');
  return reply.redirect('/admin/announcements', 303);
}

async function showSitePageEdit(request: FastifyRequest<SlugParams>, reply: FastifyReply, typed?: string, errors: FieldErrors = {}, status = 200) {
  requireAdmin(request.viewer);
  const { slug, title, page } = await sitePage(request.server.db, request.params.slug);
  return sendPage(reply, <SitePageEditPage ctx={pageContext(request, reply)} slug={slug} title={title} content={typed ?? page?.content ?? ''} version={page?.version ?? 0} errors={errors} />, status);
}

async function submitSitePage(request: FastifyRequest<SlugParams>, reply: FastifyReply) {
  const content = field(formOf(request), 'content');
  const failed = await attempt(() => saveSitePage(request.server.db, request.viewer, request.params.slug, content));
  if (failed !== null) return showSitePageEdit(request, reply, content, failed.errors, failed.status);
  setFlash(reply, 'Published. Members will be asked to accept the new version.');
  return reply.redirect(`/${request.params.slug}`, 303);
}

/** Routes for the terms, the privacy policy, the announcement banner and the contact form. */
export function registerSiteRoutes(app: FastifyInstance): void {
  app.get('/terms', (request, reply) => showSitePage(request, reply, 'terms'));
  app.get('/privacy', (request, reply) => showSitePage(request, reply, 'privacy'));
  app.get<{ Querystring: { return_to?: string } }>('/terms/accept', (request, reply) => showAccept(request, reply, safeReturnPath(request.query.return_to)));
  app.post('/terms/accept', submitAccept);
  app.post<IdParams>('/announcements/:id/dismiss', dismiss);
  app.get('/contact', (request, reply) => showContact(request, reply));
  app.post('/contact', submitContact);
  app.get('/admin/announcements', (request, reply) => showAnnouncements(request, reply));
  app.post('/admin/announcements', submitAnnouncement);
  app.post<IdParams>('/admin/announcements/:id/end', async (request, reply) => {
    await endAnnouncement(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'The announcement is no longer shown.');
    return reply.redirect('/admin/announcements', 303);
  });
  app.get<SlugParams>('/admin/site_pages/:slug', (request, reply) => showSitePageEdit(request, reply));
  app.post<SlugParams>('/admin/site_pages/:slug', submitSitePage);
  app.get('/admin/contact', async (request, reply) => sendPage(reply, <ContactAdminPage ctx={pageContext(request, reply)} messages={await contactMessages(request.server.db, request.viewer)} />));
  app.post<IdParams>('/admin/contact/:id/answered', async (request, reply) => {
    await answerContact(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Marked as answered.');
    return reply.redirect('/admin/contact', 303);
  });
}
