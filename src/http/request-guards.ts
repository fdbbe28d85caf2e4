// How every write is authorized, decided once for all routes: a form post carries this visitor's
// CSRF token; an API write carries a bearer token (a cookie alone never authorizes one).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireApiToken } from '../access/permissions.js';
import { verifyCsrf } from './csrf.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for requests to the JSON API. */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Registers the two guards: API writes need a token (before the body is read), form posts a CSRF token. */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      if (isApiRequest(request) && !READS.has(request.method)) requireApiToken(request.viewer);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  app.addHook('preHandler', (request, _reply, done) => {
    try {
      if (!isApiRequest(request) && !READS.has(request.method)) verifyCsrf(request, app.config.sessionSecret);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
