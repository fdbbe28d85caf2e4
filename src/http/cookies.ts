// Cookie names and the one set of options they share (HttpOnly, SameSite=Lax, Secure on https).
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'bindery_session';
export const GUEST_COOKIE = 'bindery_guest';
export const FLASH_COOKIE = 'bindery_flash';
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
  const cookie = `${GUEST_COOKIE}=${value}; Max-Age=${GUEST_COOKIE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  const existing = reply.getHeader('set-cookie');
  reply.header('set-cookie', existing === undefined ? cookie : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie]);
}
