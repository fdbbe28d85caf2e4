// Cookie names and the one set of options they share (HttpOnly, SameSite=Lax, Secure on https).
import type { CookieSerializeOptions } from '@fastify/cookie';
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
