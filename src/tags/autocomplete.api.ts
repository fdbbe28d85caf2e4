// The JSON endpoint behind tag autocomplete: a thin front end over autocomplete.service.ts.
import type { FastifyInstance } from 'fastify';
import { suggestTags } from './autocomplete.service.js';

/** Tag names are public and the answer is the same for everyone, so browsers and proxies may keep it a minute. */
const CACHE_CONTROL = 'public, max-age=60';

/** GET /api/v1/tags/autocomplete?term=...&type=...: `{ tags: [{ name, type, canonical, synonymOf? }] }`. */
export function registerTagAutocompleteApi(app: FastifyInstance): void {
  app.get<{ Querystring: { term?: unknown; type?: unknown } }>('/api/v1/tags/autocomplete', async (request, reply) => {
    const tags = await suggestTags(request.server.db, request.query.term, request.query.type);
    return reply.header('cache-control', CACHE_CONTROL).send({ tags });
  });
}
