// Listings of works with the sort and filter form: the front page, all works, a user's works,
// a pseud's works, a tag's works.
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../http/context.js';
import { PostButton } from '../views/forms.js';
import { viewerSubscription } from './work-feedback.js';
import { getPseud, getUserByLogin } from '../accounts/user.service.js';
import { scopeOf } from '../access/scope.js';
import { pageContext } from '../http/context.js';
import { pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { expandTags, fixedTags, getTagById, getTagByName } from '../tags/tag.service.js';
import { feedLinkForTag, tagNameFromParam, tagWorksPath, type FeedLink } from '../tags/tag-url.js';
import { readFilterValues, type Query } from './filter-params.js';
import { buildFilter } from './filter.service.js';
import { listWorksForReader } from './reading.service.js';
import { FilterForm } from './views/filter-form.js';
import { WorkListing } from './views/work-listing.js';
import { listingMarks } from './listing-marks.js';
import { pseudPath } from './work-paths.js';
import type { ListingFilter } from './work.repository.js';

export type Listing = { title: string; empty: string; scope?: ListingFilter; base?: number[][]; filters?: boolean; feed?: FeedLink | undefined; intro?: ComponentChildren };

/** Renders one listing with its filters, 20 works a page (a collection's works listing uses it too). */
export async function listing(request: FastifyRequest, reply: FastifyReply, options: Listing) {
  // A listing may count and sort thousands of works: it reads where a little staleness is fine (a replica;
  // threads off the event loop on SQLite). The user, pseud or tag it is of were found on the primary.
  const db = request.readDb;
  const query = request.query as Query & { page?: string };
  const values = readFilterValues(query);
  const { filter, notices } = await buildFilter(db, scopeOf(request.viewer), values, options.base);
  const showMuted = (query as { show_muted?: string }).show_muted === '1';
  const page = await listWorksForReader(db, request.viewer, { ...options.scope, ignoreMutes: showMuted }, filter, pageParam(query.page));
  const action = request.url.split('?')[0] ?? '/works';
  const form = options.filters === false ? undefined : <FilterForm action={action} values={values} fixed={await fixedTags(db)} />;
  const marks = await listingMarks(db, request.viewer, page.items);
  return sendPage(reply, <WorkListing ctx={pageContext(request, reply)} title={options.title} heading={options.title} page={page}
    basePath={request.url} empty={options.empty} filters={form} notices={notices} feed={options.feed} intro={options.intro} marks={marks} />);
}

type LoginParams = { Params: { login: string } };

/** Subscribe to (or unsubscribe from) a creator's new works, on their works page. */
function SubscribeCreator({ ctx, login, subscription }: { ctx: PageContext; login: string; subscription: number | null }) {
  return (
    <ul class="navigation actions">
      <li>{subscription === null ? <PostButton ctx={ctx} action={`/users/${encodeURIComponent(login)}/subscriptions`} label={`Subscribe to ${login}`} />
        : <PostButton ctx={ctx} action={`/subscriptions/${subscription}/delete`} label={`Unsubscribe from ${login}`} />}</li>
    </ul>
  );
}
type PseudParams = { Params: { login: string; pseud: string } };

async function pseudListing(request: FastifyRequest<PseudParams>, reply: FastifyReply) {
  const { db } = request.server;
  const user = await getUserByLogin(db, request.params.login);
  const pseud = await getPseud(db, user.id, request.params.pseud);
  if (request.url.split('?')[0]?.endsWith('/works') !== true && request.params.pseud !== pseud.name) return reply.redirect(pseudPath(user.login, pseud.name), 301);
  const own = request.viewer.user?.id === user.id;
  const title = pseud.name === user.login ? `Works by ${pseud.name}` : `Works by ${pseud.name} (${user.login})`;
  return listing(request, reply, { title, empty: `${pseud.name} has not posted any works yet.`, scope: { pseudId: pseud.id, ownDrafts: own } });
}

async function tagListing(request: FastifyRequest<{ Params: { tag: string } }>, reply: FastifyReply) {
  const { db } = request.server;
  const tag = await getTagByName(db, scopeOf(request.viewer), tagNameFromParam(request.params.tag));
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  if (tag.merger_id !== null) {
    const canonical = await getTagById(db, tag.merger_id);
    return reply.redirect(tagWorksPath(canonical.name) + query, 302);
  }
  if (tagNameFromParam(request.params.tag) !== tag.name) return reply.redirect(tagWorksPath(tag.name) + query, 301);
  return listing(request, reply, {
    title: `Works in ${tag.name}`, empty: `No works are tagged ${tag.name} yet.`, base: await expandTags(db, [tag.id]),
    feed: feedLinkForTag(tag, request.server.config.archiveName),
  });
}

/** Routes for listings. */
export function registerListingRoutes(app: FastifyInstance): void {
  app.get('/', (request, reply) => listing(request, reply, { title: 'Latest works', empty: 'Nothing has been posted yet. Be the first: sign up and post a work.', filters: false }));
  app.get('/works', (request, reply) => listing(request, reply, { title: 'Works', empty: 'No works match.' }));
  app.get<LoginParams>('/users/:login', async (request, reply) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    return reply.redirect(`/users/${encodeURIComponent(user.login)}/works`, 302);
  });
  app.get<LoginParams>('/users/:login/works', async (request, reply) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    const own = request.viewer.user?.id === user.id;
    const subscription = own || request.viewer.user === null ? undefined : await viewerSubscription(request.server.db, request.viewer, 'creator', user.id);
    return listing(request, reply, {
      title: own ? 'My works' : `Works by ${user.login}`, scope: { userId: user.id, ownDrafts: own },
      intro: subscription === undefined ? undefined : <SubscribeCreator ctx={pageContext(request, reply)} login={user.login} subscription={subscription} />,
      empty: own ? 'You have not posted anything yet. Post a new work from the menu.' : `No works by ${user.login} match.`,
    });
  });
  app.get('/users/:login/pseuds/:pseud', pseudListing);
  app.get('/users/:login/pseuds/:pseud/works', pseudListing);
  app.get('/tags/:tag/works', tagListing);
}
