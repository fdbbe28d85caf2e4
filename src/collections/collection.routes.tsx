// Collections on the pages, at AO3's addresses:
//
//   GET  /collections                          every collection
//   GET  /collections/new, POST /collections   open one (any member; they own it)
//   GET  /collections/:name[/works]            its profile above its works, with the works filters
//   GET  /collections/:name/feed.atom          its newest works, as a guest sees them
//   GET  /collections/:name/edit, POST ...     its settings (owners)
//   POST /collections/:name/reveal[_creators]  reveal now (maintainers)
//   GET  /collections/:name/participants, POST ..., POST .../:userId/delete   who takes part (owners)
//   GET  /collections/:name/items              the approval queue (maintainers) and one's own works there
//   POST /collection_items/:id/approve, POST /collection_items/:id/delete
//   GET  /works/:id/collections/new, POST /works/:id/collections   add a work of one's own
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireCreator, requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { FormBody } from '../http/body-parsers.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { buildWorksFeed } from '../feeds/feed.service.js';
import { ATOM_CONTENT_TYPE, renderAtomFeed } from '../feeds/views/atom-feed.js';
import { listing } from '../works/listing.routes.js';
import { worksInOrder } from '../works/reading.service.js';
import * as repo from './collection.repository.js';
import {
  addWork, approveItem, createCollection, editCollection, getCollection, removeItem, removeParticipant, requireMaintainer, revealNow, setParticipant,
} from './collection.service.js';
import { revealField, type CollectionInput } from './collection.validation.js';
import {
  AddToCollectionPage, CollectionFormPage, CollectionProfile, CollectionsIndexPage, ItemsPage, ParticipantsPage, type ItemEntry,
} from './views/collection-pages.js';

type NameParams = { Params: { name: string } };
type IdParams = { Params: { id: string } };
const PER_PAGE = 20;
const path = (name: string) => `/collections/${encodeURIComponent(name)}`;

function inputOf(form: FormBody): CollectionInput {
  return {
    name: field(form, 'name'), title: field(form, 'title'), description: field(form, 'description'), rules: field(form, 'rules'),
    closed: checkbox(form, 'closed'), moderated: checkbox(form, 'moderated'), anonymous: checkbox(form, 'anonymous'), unrevealed: checkbox(form, 'unrevealed'),
    revealWorksAt: field(form, 'revealWorksAt'), revealCreatorsAt: field(form, 'revealCreatorsAt'), challenge: field(form, 'challenge'),
  };
}

const BLANK: CollectionInput = { name: '', title: '', description: '', rules: '', closed: false, moderated: false, anonymous: false, unrevealed: false, revealWorksAt: '', revealCreatorsAt: '', challenge: '' };

/** Runs a form's write; on a validation failure renders the form again (422) with what was typed. */
async function orForm<T>(write: () => Promise<T>, again: (errors: FieldErrors) => unknown): Promise<T | { again: unknown }> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return { again: await again(error.fields) };
    throw error;
  }
}

const failed = (value: unknown): value is { again: unknown } => typeof value === 'object' && value !== null && 'again' in value;

const feedPath = (name: string) => `${path(name)}/feed.atom`;

async function collectionWorks(request: FastifyRequest<NameParams>, reply: FastifyReply) {
  const { db } = request.server;
  const view = await getCollection(db, request.viewer, request.params.name);
  const people = await repo.participantsOf(db, view.row.id);
  const maintainers = people.filter((p) => p.role !== 'member').map((p) => p.login);
  const mysteries = await repo.countUnrevealed(db, view.row);
  return listing(request, reply, {
    title: view.row.title, empty: 'No works are in this collection yet.', scope: repo.inCollection(view.row.id),
    intro: <CollectionProfile ctx={pageContext(request, reply)} view={view} maintainers={maintainers} mysteries={mysteries} />,
    feed: { href: feedPath(view.row.name), title: `${view.row.title} works on ${request.server.config.archiveName}` },
  });
}

async function itemsPage(request: FastifyRequest<NameParams>, reply: FastifyReply) {
  const { db } = request.server;
  const user = requireUser(request.viewer);
  const view = await getCollection(db, request.viewer, request.params.name);
  const pending = view.maintainer ? await repo.pendingItems(db, view.row.id) : [];
  const own = await repo.ownItems(db, view.row.id, user.id);
  const works = new Map((await worksInOrder(db, request.viewer, [...pending, ...own].map((i) => i.work_id))).map((w) => [w.id, w]));
  const entries = (items: Array<{ id: number; work_id: number; approved?: 0 | 1 }>): ItemEntry[] => items.flatMap((i) => {
    const work = works.get(i.work_id);
    return work === undefined ? [] : [{ id: i.id, work, approved: i.approved === 1 }];
  });
  return sendPage(reply, <ItemsPage ctx={pageContext(request, reply)} view={view} pending={entries(pending)} own={entries(own)} />);
}

async function participantsPage(request: FastifyRequest<NameParams>, reply: FastifyReply, values = { login: '', role: 'member' }, errors: FieldErrors = {}) {
  const { db } = request.server;
  const { row } = await requireMaintainer(db, request.viewer, request.params.name, true);
  const people = await repo.participantsOf(db, row.id);
  return sendPage(reply, <ParticipantsPage ctx={pageContext(request, reply)} row={row} people={people} values={values} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

async function addToCollectionPage(request: FastifyRequest<IdParams>, reply: FastifyReply, value = '', errors: FieldErrors = {}) {
  const workId = idParam(request.params.id);
  const work = await requireCreator(request.server.db, request.viewer, workId);
  return sendPage(reply, <AddToCollectionPage ctx={pageContext(request, reply)} workId={workId} workTitle={work.title} value={value} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Routes for collections. */
export function registerCollectionRoutes(app: FastifyInstance): void {
  app.get('/collections', async (request, reply) => {
    const { db } = request.server;
    const page = pageParam((request.query as { page?: string }).page);
    const [collections, total] = await Promise.all([repo.listCollections(db, scopeOf(request.viewer), PER_PAGE, (page - 1) * PER_PAGE), repo.countCollections(db)]);
    return sendPage(reply, <CollectionsIndexPage ctx={pageContext(request, reply)} collections={collections} page={page} pages={Math.max(1, Math.ceil(total / PER_PAGE))} />);
  });
  app.get('/collections/new', (request, reply) => {
    requireUser(request.viewer, 'Log in to open a collection.');
    return sendPage(reply, <CollectionFormPage ctx={pageContext(request, reply)} values={BLANK} errors={{}} name={null} />);
  });
  app.post('/collections', async (request, reply) => {
    const input = inputOf(formOf(request));
    const name = await orForm(() => createCollection(request.server.db, request.viewer, input),
      (errors) => sendPage(reply, <CollectionFormPage ctx={pageContext(request, reply)} values={input} errors={errors} name={null} />, 422));
    if (failed(name)) return name.again;
    setFlash(reply, 'Collection opened. Add moderators and members from Participants.');
    return reply.redirect(path(name), 303);
  });
  app.get<NameParams>('/collections/:name', collectionWorks);
  app.get<NameParams>('/collections/:name/works', collectionWorks);
  app.get<NameParams>('/collections/:name/feed.atom', async (request, reply) => {
    const { row } = await getCollection(request.server.db, request.viewer, request.params.name);
    const feed = await buildWorksFeed(request.server.db, {
      key: `collections/${row.id}`, name: row.title, selfPath: feedPath(row.name), alternatePath: path(row.name), createdAt: row.created_at, scope: repo.inCollection(row.id),
    }, request.server.config);
    // Revalidated on every fetch, as tag feeds are: a work revealed or taken out shows at once.
    return reply.code(200).header('content-type', ATOM_CONTENT_TYPE).header('cache-control', 'no-cache').send(renderAtomFeed(feed));
  });
  app.get<NameParams>('/collections/:name/edit', async (request, reply) => {
    const { row } = await requireMaintainer(request.server.db, request.viewer, request.params.name, true);
    const values: CollectionInput = {
      name: row.name, title: row.title, description: row.description, rules: row.rules, closed: row.closed === 1, moderated: row.moderated === 1,
      anonymous: row.anonymous === 1, unrevealed: row.unrevealed === 1, revealWorksAt: revealField(row.reveal_works_at), revealCreatorsAt: revealField(row.reveal_creators_at), challenge: row.challenge ?? '',
    };
    return sendPage(reply, <CollectionFormPage ctx={pageContext(request, reply)} values={values} errors={{}} name={row.name} />);
  });
  app.post<NameParams>('/collections/:name/edit', async (request, reply) => {
    const input = inputOf(formOf(request));
    const { name } = request.params;
    const done = await orForm(() => editCollection(request.server.db, request.viewer, name, input),
      (errors) => sendPage(reply, <CollectionFormPage ctx={pageContext(request, reply)} values={input} errors={errors} name={name} />, 422));
    if (failed(done)) return done.again;
    setFlash(reply, 'Settings saved.');
    return reply.redirect(path(name), 303);
  });
  for (const [suffix, what] of [['reveal', 'works'], ['reveal_creators', 'creators']] as const) {
    app.post<NameParams>(`/collections/:name/${suffix}`, async (request, reply) => {
      await revealNow(request.server.db, request.viewer, request.params.name, what);
      setFlash(reply, what === 'works' ? 'Works revealed.' : 'Creators revealed.');
      return reply.redirect(path(request.params.name), 303);
    });
  }
  app.get<NameParams>('/collections/:name/participants', (request, reply) => participantsPage(request, reply));
  app.post<NameParams>('/collections/:name/participants', async (request, reply) => {
    const form = formOf(request);
    const values = { login: field(form, 'login'), role: field(form, 'role') };
    const login = await orForm(() => setParticipant(request.server.db, request.viewer, request.params.name, values.login, values.role),
      (errors) => participantsPage(request, reply, values, errors));
    if (failed(login)) return login.again;
    setFlash(reply, `${login} is now a ${values.role} of this collection.`);
    return reply.redirect(`${path(request.params.name)}/participants`, 303);
  });
  app.post<{ Params: { name: string; userId: string } }>('/collections/:name/participants/:userId/delete', async (request, reply) => {
    const { name } = request.params;
    const done = await orForm(() => removeParticipant(request.server.db, request.viewer, name, idParam(request.params.userId)),
      (errors) => participantsPage(request as FastifyRequest<NameParams>, reply, { login: '', role: 'member' }, errors));
    if (failed(done)) return done.again;
    setFlash(reply, 'Removed.');
    return reply.redirect(`${path(name)}/participants`, 303);
  });
  app.get<NameParams>('/collections/:name/items', itemsPage);
  app.post<IdParams>('/collection_items/:id/approve', async (request, reply) => {
    const collection = await approveItem(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Approved: the work is listed in the collection.');
    return reply.redirect(`${path(collection.name)}/items`, 303);
  });
  app.post<IdParams>('/collection_items/:id/delete', async (request, reply) => {
    const collection = await removeItem(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'The work is no longer in the collection.');
    return reply.redirect(`${path(collection.name)}/items`, 303);
  });
  app.get<IdParams>('/works/:id/collections/new', (request, reply) => addToCollectionPage(request, reply));
  app.post<IdParams>('/works/:id/collections', async (request, reply) => {
    const workId = idParam(request.params.id);
    const name = field(formOf(request), 'collections');
    const added = await orForm(() => addWork(request.server.db, request.viewer, workId, name), (errors) => addToCollectionPage(request, reply, name, errors));
    if (failed(added)) return added.again;
    setFlash(reply, added.waits ? `Added to ${added.collection.title}: it waits for a maintainer’s approval.` : `Added to ${added.collection.title}.`);
    return reply.redirect(`/works/${workId}`, 303);
  });
}
