// Per-request context: who is asking (session cookie or API token), the flash message, the page context.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guestViewer, READING_DEFAULTS, readingOf, type ReadingChoices, type Viewer, type ViewerUser } from '../access/viewer.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Kysely } from 'kysely';
import { cookieNames, cookieOptions } from './cookies.js';
import { csrfToken } from './csrf.js';
import { AppError } from './errors.js';
import { isApiRequest } from './request-guards.js';
import { SLOTS } from './page-slots.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
  }
  interface FastifyRequest {
    viewer: Viewer;
    flash: string | null;
  }
}

/** What every page view needs to know about the request. */
export type PageContext = {
  viewer: Viewer;
  flash: string | null;
  path: string;
  archiveName: string;
  /** The CSRF token for this visitor's forms (creates the guest cookie on first use). */
  csrf: () => string;
  /**
   * Rendered once for every guest (a cached page): per-visitor values are slots, filled for each
   * request (src/http/page-slots.ts), and nothing of this request's visitor is written.
   */
  shared: boolean;
  /** Unread items in the member's inbox, for the header (0 for guests). */
  inboxUnread: number;
  /** The archive's announcement for the banner, unless this visitor dismissed it (a shared page has its slot instead). */
  announcement: Announcement | null;
  /** What the reader chose pages to show them (the time zone of every date, folded tags); a guest's defaults on a shared page. */
  reading: ReadingChoices;
};

/** An announcement as the banner shows it: sanitized HTML. */
export type Announcement = { id: number; html: string };

/** Builds the context a view renders with. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const { config } = request.server;
  return {
    viewer: request.viewer, flash: request.flash, path: request.url, archiveName: config.archiveName,
    csrf: () => csrfToken(request, reply, config.sessionSecret), shared: false, inboxUnread: request.inboxUnread ?? 0,
    announcement: visitorAnnouncement(request),
    reading: readingOf(request.viewer),
  };
}

/** The announcement this request's visitor is shown: none once they dismissed it (a cookie holding its id). */
export function visitorAnnouncement(request: FastifyRequest): Announcement | null {
  const current = request.announcement ?? null;
  if (current === null || request.cookies[cookieNames(request.server.config).announcement] === String(current.id)) return null;
  return current;
}

/** The context of a page rendered once for every guest at this address: a guest, no flash, slots for the form token. */
export function sharedPageContext(request: FastifyRequest): PageContext {
  return {
    viewer: guestViewer(), flash: null, path: request.url, archiveName: request.server.config.archiveName,
    csrf: () => SLOTS.csrf, shared: true, inboxUnread: 0, announcement: null, reading: READING_DEFAULTS,
  };
}

/** Sets a one-time message shown on the next page (Post/Redirect/Get). */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(cookieNames(reply.server.config).flash, encodeURIComponent(message), cookieOptions(reply.server.config, { maxAgeSeconds: 60 }));
}

/** How a request's credentials become a user (accounts owns sessions and API tokens). */
export type Identify = {
  bySession: (db: Kysely<Database>, token: string) => Promise<ViewerUser | null>;
  byApiToken: (db: Kysely<Database>, token: string) => Promise<ViewerUser | null>;
};

async function identify(request: FastifyRequest, who: Identify): Promise<Viewer> {
  const { db } = request.server;
  const ip = request.ip;
  const auth = request.headers.authorization;
  if (isApiRequest(request) && auth !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const user = match?.[1] !== undefined ? await who.byApiToken(db, match[1]) : null;
    if (user === null) throw new AppError('unauthorized', 'That API token is not valid.');
    return { user, sessionToken: null, ip, via: 'token' };
  }
  const token = request.cookies[cookieNames(request.server.config).session];
  if (token === undefined || token === '') return guestViewer(ip);
  const user = await who.bySession(db, token);
  return user === null ? guestViewer(ip) : { user, sessionToken: token, ip, via: 'session' };
}

function readFlash(request: FastifyRequest, reply: FastifyReply): void {
  const { config } = request.server;
  const name = cookieNames(config).flash;
  const flash = request.cookies[name];
  if (flash === undefined || flash === '') return;
  try { request.flash = decodeURIComponent(flash); } catch { request.flash = null; }
  reply.clearCookie(name, cookieOptions(config));
}

/** Registers the hooks that fill request.viewer and request.flash. */
export function registerContext(app: FastifyInstance, who: Identify): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('flash', null);
  app.addHook('onRequest', (request, reply, done) => {
    request.viewer = guestViewer(request.ip);
    // Most requests are guests (with no cookie, or only the guest cookie of their form token) and
    // no token: answer them without a promise.
    const cookies = request.cookies;
    const names = cookieNames(app.config);
    if (cookies[names.session] === undefined && cookies[names.flash] === undefined && request.headers.authorization === undefined) {
      done();
      return;
    }
    readFlash(request, reply);
    identify(request, who).then((viewer) => { request.viewer = viewer; done(); }, (error: unknown) => done(error as Error));
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for a member's page requests by the inbox (feedback/inbox.hooks.ts): the header's count. */
    inboxUnread?: number;
    /** Set for page requests by the site hook (accounts/site.hooks.ts): the announcement being shown, if any. */
    announcement?: Announcement | null;
  }
}
