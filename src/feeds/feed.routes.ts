// Tag feeds: /tags/:tag/feed.atom, the same for everyone (guest visibility, whatever the request carries).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildTagFeed, findFeedTag } from './feed.service.js';
import { tagNameFromParam } from '../tags/tag-url.js';
import { ATOM_CONTENT_TYPE, renderAtomFeed } from './views/atom-feed.js';

type TagParams = { Params: { tag: string } };

async function showFeed(request: FastifyRequest<TagParams>, reply: FastifyReply) {
  const { config } = request.server;
  const db = request.readDb;
  const target = await findFeedTag(db, tagNameFromParam(request.params.tag));
  if (target.kind === 'redirect') return reply.redirect(target.path, target.permanent ? 301 : 302);
  const feed = await buildTagFeed(db, target.tag, config);
  // Revalidated on every fetch, so a work that is hidden or made anonymous leaves the feed at once.
  return reply.code(200).header('content-type', ATOM_CONTENT_TYPE).header('cache-control', 'no-cache').send(renderAtomFeed(feed));
}

/** Routes for tag feeds. */
export function registerTagFeedRoutes(app: FastifyInstance): void {
  app.get<TagParams>('/tags/:tag/feed.atom', showFeed);
}
