// CSRF tokens: an HMAC of the session token (or, for guests, of a random cookie) under the server secret.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hmac, randomToken, safeEqual } from '../lib/secrets.js';
import { AppError } from './errors.js';
import { cookieNames, setGuestCookie } from './cookies.js';

/** The name of the hidden field every form carries. */
export const CSRF_FIELD = '_csrf';
/** The name AO3's (Rails') forms give it, which tools written for AO3 post. */
const RAILS_CSRF_FIELD = 'authenticity_token';

function seedOf(request: FastifyRequest): string | null {
  return request.viewer.sessionToken ?? request.cookies[cookieNames(request.server.config).guest] ?? null;
}

// A returning visitor's token is remembered: every cached page a guest reads carries it, and
// the HMAC costs more than the rest of serving the page. Kept per secret (tests run several apps).
const TOKENS_KEPT = 20_000;
const tokens = new Map<string, Map<string, string>>();

function tokenFor(secret: string, seed: string): string {
  const known = tokens.get(secret) ?? new Map<string, string>();
  tokens.set(secret, known);
  let token = known.get(seed);
  if (token === undefined) {
    token = hmac(secret, `csrf:${seed}`);
    if (known.size >= TOKENS_KEPT) known.clear();
    known.set(seed, token);
  }
  return token;
}

/** The token for this visitor's forms; gives a guest a random cookie the first time a form is shown. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply, secret: string): string {
  let seed = seedOf(request);
  if (seed === null) {
    seed = randomToken();
    request.cookies[cookieNames(request.server.config).guest] = seed;
    setGuestCookie(reply, seed);
    return hmac(secret, `csrf:${seed}`);
  }
  return tokenFor(secret, seed);
}

/** Rejects a form post whose token (under either name) is missing or does not match this visitor. */
export function verifyCsrf(request: FastifyRequest, secret: string): void {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = body?.[CSRF_FIELD] ?? body?.[RAILS_CSRF_FIELD];
  const seed = seedOf(request);
  if (typeof sent !== 'string' || seed === null || !safeEqual(sent, tokenFor(secret, seed))) throw new AppError('csrf_failed');
}
