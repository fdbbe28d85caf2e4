// The JSON endpoint behind tag autocomplete: a thin front end over autocomplete.service.ts.
import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../access/scope.js';
import { suggestTags } from './autocomplete.service.js';
import { autocompleteSchema } from './autocomplete.schemas.js';

/**
 * A guest's answer is the same for every guest, so browsers and proxies may keep it a minute; a
 * member's can name the tags of their own drafts, so only their browser may keep it.
 */
const CACHE_CONTROL = { guest: 'public, max-age=60', member: 'private, max-age=60' };

/** GET /api/v1/tags/autocomplete?term=...&type=...: `{ tags: [{ name, type, canonical, synonymOf? }] }`. */
export function registerTagAutocompleteApi(app: FastifyInstance): void {
  app.get<{ Querystring: { term?: string; type?: string } }>('/api/v1/tags/autocomplete', { schema: autocompleteSchema }, async (request, reply) => {
    const scope = scopeOf(request.viewer);
    const tags = await suggestTags(request.server.db, scope, request.query.term, request.query.type);
    return reply.header('cache-control', scope.member ? CACHE_CONTROL.member : CACHE_CONTROL.guest).header('vary', 'Cookie, Authorization').send({ tags });
  });
}
