// Cookie names and the one set of options they share (HttpOnly, SameSite=Lax, Secure on https).
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';

export type CookieNames = Readonly<{ session: string; guest: string; flash: string; signIn: string; announcement: string; fresh: string }>;

/** The names on plain http (a local archive, benchmarks, tests). */
export const PLAIN_COOKIE_NAMES: CookieNames = { session: 'bindery_session', guest: 'bindery_guest', flash: 'bindery_flash', signIn: 'bindery_sign_in', announcement: 'bindery_announcement', fresh: 'bindery_fresh' };
// On https the browser keeps a `__Host-` cookie only if it is Secure, for the whole site and no
// other host: a sibling subdomain (or a network attacker on plain http) cannot plant one.
const HOST_ONLY: CookieNames = { session: '__Host-bindery_session', guest: '__Host-bindery_guest', flash: '__Host-bindery_flash', signIn: '__Host-bindery_sign_in', announcement: '__Host-bindery_announcement', fresh: '__Host-bindery_fresh' };

/** Our cookies' names: `__Host-` prefixed when the archive is served over https. */
export function cookieNames(config: Config): CookieNames {
  return config.secureCookies ? HOST_ONLY : PLAIN_COOKIE_NAMES;
}

/** AO3's name for "show adult works without asking", which readers' tools set themselves: never prefixed. */
export const ADULT_COOKIE = 'view_adult';

/** Options for our cookies; without maxAge the cookie ends with the browser session. */
export function cookieOptions(config: Config, { maxAgeSeconds }: { maxAgeSeconds?: number } = {}): CookieSerializeOptions {
  return {
    path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

const GUEST_COOKIE_SECONDS = 60 * 60 * 24 * 30;

/**
 * Gives a new guest their cookie, written straight into the header: it goes out with the first
 * page a guest sees, cached ones included, where the cookie plugin's own path costs more than the
 * page. The value is a base64url token, which needs no escaping.
 */
export function setGuestCookie(reply: FastifyReply, value: string): void {
  const secure = reply.server.config.secureCookies ? '; Secure' : '';
  const cookie = `${cookieNames(reply.server.config).guest}=${value}; Max-Age=${GUEST_COOKIE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  const existing = reply.getHeader('set-cookie');
  reply.header('set-cookie', existing === undefined ? cookie : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie]);
}
