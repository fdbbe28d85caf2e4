// The JSON endpoint behind tag autocomplete: a thin front end over autocomplete.service.ts.
import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../access/scope.js';
import { suggestTags } from './autocomplete.service.js';
import { autocompleteSchema } from './autocomplete.schemas.js';

/**
 * The answer depends on who asks (a creator's own drafts' tags), so only the asker's browser may
 * keep it, for a minute: a shared cache could hand one reader's suggestions to another.
 */
const CACHE_CONTROL = 'private, max-age=60';

/** GET /api/v1/tags/autocomplete?term=...&type=...: `{ tags: [{ name, type, canonical, synonymOf? }] }`. */
export function registerTagAutocompleteApi(app: FastifyInstance): void {
  app.get<{ Querystring: { term?: string; type?: string } }>('/api/v1/tags/autocomplete', { schema: autocompleteSchema }, async (request, reply) => {
    const tags = await suggestTags(request.server.db, scopeOf(request.viewer), request.query.term, request.query.type);
    return reply.header('cache-control', CACHE_CONTROL).send({ tags });
  });
}
