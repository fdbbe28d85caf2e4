// How every write is authorized, decided once for all routes: a form post carries this visitor's
// CSRF token; an API write carries a bearer token (a cookie alone never authorizes one). The
// guards are attached to each write route as it is registered, so reads pay for neither.
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import { requireApiToken } from '../access/permissions.js';
import { verifyCsrf } from './csrf.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for requests to the JSON API. */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** A route option that may hold one hook or several, as a list. */
function listOf<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Registers the two guards on every write route registered after it: API writes need a token
 * (checked on request, before the body is read), form posts a CSRF token.
 */
export function registerRequestGuards(app: FastifyInstance): void {
  const needsToken: onRequestHookHandler = (request, _reply, done) => {
    try {
      requireApiToken(request.viewer);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
  const needsCsrf: preHandlerHookHandler = (request, _reply, done) => {
    try {
      verifyCsrf(request, app.config.sessionSecret);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => READS.has(m))) return;
    if (route.url.startsWith('/api/')) route.onRequest = [needsToken, ...listOf(route.onRequest)];
    else route.preHandler = [needsCsrf, ...listOf(route.preHandler)];
  });
}
