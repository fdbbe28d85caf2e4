// Listings of works: the front page, all works, a user's works, a pseud's works, a tag's works.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPseud, getUserByLogin } from '../accounts/user.service.js';
import { pageContext } from '../http/context.js';
import { pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { getTagByName } from '../tags/tag.service.js';
import { tagNameFromParam, tagWorksPath } from '../tags/tag-url.js';
import { listWorksForReader } from './reading.service.js';
import { WorkListing } from './views/work-listing.js';
import { pseudPath } from './work-paths.js';
import type { ListingFilter } from './work.repository.js';

type PageQuery = { Querystring: { page?: string } };

function pageNumber(request: FastifyRequest<PageQuery>): number {
  return pageParam(request.query.page);
}

async function listing(request: FastifyRequest<PageQuery>, reply: FastifyReply, filter: ListingFilter & { includeOwnDrafts?: boolean }, title: string, empty: string) {
  const page = await listWorksForReader(request.server.db, request.viewer, filter, pageNumber(request));
  return sendPage(reply, <WorkListing ctx={pageContext(request, reply)} title={title} heading={title} page={page} basePath={request.url} empty={empty} />);
}

/** Routes for listings. */
export function registerListingRoutes(app: FastifyInstance): void {
  app.get<PageQuery>('/', (request, reply) => listing(request, reply, {}, 'Latest works', 'Nothing has been posted yet. Be the first: sign up and post a work.'));
  app.get<PageQuery>('/works', (request, reply) => listing(request, reply, {}, 'Works', 'Nothing has been posted yet.'));
  app.get<{ Params: { login: string } }>('/users/:login', async (request, reply) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    return reply.redirect(`/users/${encodeURIComponent(user.login)}/works`, 302);
  });
  app.get<PageQuery & { Params: { login: string } }>('/users/:login/works', async (request, reply) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    const own = request.viewer.user?.id === user.id;
    return listing(request, reply, { userId: user.id, includeOwnDrafts: own }, own ? 'My works' : `Works by ${user.login}`,
      own ? 'You have not posted anything yet. Post a new work from the menu.' : `${user.login} has not posted any works yet.`);
  });
  const pseudListing = async (request: FastifyRequest<PageQuery & { Params: { login: string; pseud: string } }>, reply: FastifyReply) => {
    const { db } = request.server;
    const user = await getUserByLogin(db, request.params.login);
    const pseud = await getPseud(db, user.id, request.params.pseud);
    if (request.url.split('?')[0]?.endsWith('/works') !== true && request.params.pseud !== pseud.name) return reply.redirect(pseudPath(user.login, pseud.name), 301);
    const own = request.viewer.user?.id === user.id;
    const title = pseud.name === user.login ? `Works by ${pseud.name}` : `Works by ${pseud.name} (${user.login})`;
    return listing(request, reply, { pseudId: pseud.id, includeOwnDrafts: own }, title, `${pseud.name} has not posted any works yet.`);
  };
  app.get('/users/:login/pseuds/:pseud', pseudListing);
  app.get('/users/:login/pseuds/:pseud/works', pseudListing);
  app.get<PageQuery & { Params: { tag: string } }>('/tags/:tag/works', async (request, reply) => {
    const tag = await getTagByName(request.server.db, tagNameFromParam(request.params.tag));
    if (tagNameFromParam(request.params.tag) !== tag.name) return reply.redirect(tagWorksPath(tag.name), 301);
    return listing(request, reply, { tagId: tag.id }, `Works tagged ${tag.name}`, `No works are tagged ${tag.name} yet.`);
  });
}
