// The OPDS catalog for e-reader apps: /opds and its feeds (recent works, fandoms, series, search), and the OpenSearch description.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { idParam, pageParam } from '../http/form-values.js';
import { tagNameFromParam } from '../tags/tag-url.js';
import { renderOpdsFeed, renderOpenSearch, ACQUISITION_TYPE, NAVIGATION_TYPE, type OpdsFeed } from './opds-feed.js';
import { fandomsFeed, fandomWorksFeed, recentFeed, rootFeed, searchFeed, seriesFeed } from './opds.service.js';

type PageQuery = { Querystring: { page?: string } };

function sendFeed(reply: FastifyReply, feed: OpdsFeed) {
  // Lists follow the reader's login: never stored by shared caches.
  return reply.header('content-type', `${feed.kind === 'navigation' ? NAVIGATION_TYPE : ACQUISITION_TYPE};charset=utf-8`)
    .header('cache-control', 'private, no-cache').send(renderOpdsFeed(feed));
}

/** Routes for the OPDS catalog. */
export function registerOpdsRoutes(app: FastifyInstance): void {
  const site = app.config;
  app.get('/opds', (_request, reply) => sendFeed(reply, rootFeed(site)));
  app.get<PageQuery>('/opds/recent', async (request, reply) => sendFeed(reply, await recentFeed(request.readDb, request.viewer, site, pageParam(request.query.page))));
  app.get<PageQuery>('/opds/fandoms', async (request, reply) => sendFeed(reply, await fandomsFeed(request.readDb, request.viewer, site, 'name', pageParam(request.query.page))));
  app.get<PageQuery>('/opds/popular', async (request, reply) => sendFeed(reply, await fandomsFeed(request.readDb, request.viewer, site, 'popular', pageParam(request.query.page))));
  app.get<PageQuery & { Params: { tag: string } }>('/opds/fandoms/:tag', async (request, reply) =>
    sendFeed(reply, await fandomWorksFeed(request.readDb, request.viewer, site, tagNameFromParam(request.params.tag), pageParam(request.query.page))));
  app.get<{ Params: { id: string } }>('/opds/series/:id', async (request, reply) => sendFeed(reply, await seriesFeed(request.readDb, request.viewer, site, idParam(request.params.id))));
  app.get<{ Querystring: { q?: string; page?: string } }>('/opds/search', async (request, reply) =>
    sendFeed(reply, await searchFeed(request.readDb, request.viewer, site, request.query.q ?? '', pageParam(request.query.page))));
  app.get('/opds/search.xml', (_request, reply) => reply.header('content-type', 'application/opensearchdescription+xml;charset=utf-8')
    .send(renderOpenSearch(site.archiveName, `${site.baseUrl}/opds/search?q={searchTerms}`)));
}
