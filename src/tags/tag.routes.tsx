// Tag pages and the wrangling forms on them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, TagRow, TagType } from '../db/database.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { field, fieldList, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { getTagPage } from './tag-page.service.js';
import { tagNameFromParam, tagParam } from './tag-url.js';
import { countWorksTagged, getTagByName } from './tag.service.js';
import { scopeOf } from '../access/scope.js';
import { fandomIndexFor } from './fandom-index.service.js';
import { massWrangle, unwrangledIn, type MassAction } from './mass-wrangling.service.js';
import { FandomsPage } from './views/fandoms-page.js';
import { UnwrangledPage } from './views/unwrangled-page.js';
import { TagPage } from './views/tag-page.js';
import { wrangleTag, type WrangleAction } from './wrangling.service.js';

type TagParams = { Params: { tag: string } };

async function showTag(request: FastifyRequest<TagParams>, reply: FastifyReply, errors: FieldErrors = {}, values: Record<string, string> = {}, status = 200) {
  const { db } = request.server;
  const name = tagNameFromParam(request.params.tag);
  const data = await getTagPage(db, request.viewer, name);
  if (data.tag.name !== name && status === 200) return reply.redirect(`/tags/${tagParam(data.tag.name)}`, 301);
  const counted = data.mergedInto ?? data.tag;
  const workCount = await countWorksTagged(db, request.viewer, counted.id);
  return sendPage(reply, <TagPage ctx={pageContext(request, reply)} data={data} workCount={workCount} errors={errors} values={values} />, status);
}

/** The wrangling action a form asked for. */
function actionFrom(form: Record<string, string | string[]>): WrangleAction {
  const id = Number(field(form, 'id'));
  switch (field(form, 'do')) {
    case 'canonical_on': return { kind: 'canonical', on: true };
    case 'canonical_off': return { kind: 'canonical', on: false };
    case 'synonym': return { kind: 'synonym', of: field(form, 'synonym') };
    case 'unsynonym': return { kind: 'synonym', of: '' };
    case 'rename': return { kind: 'rename', name: field(form, 'name') };
    case 'add_parent': return { kind: 'addParent', fandom: field(form, 'fandom') };
    case 'remove_parent': return { kind: 'removeParent', fandomId: id };
    case 'add_meta': return { kind: 'addMeta', meta: field(form, 'meta') };
    case 'remove_meta': return { kind: 'removeMeta', metaId: id };
    case 'unwrangleable_on': return { kind: 'unwrangleable', on: true };
    case 'unwrangleable_off': return { kind: 'unwrangleable', on: false };
    default: throw invalid({ tag: 'Choose a wrangling action.' });
  }
}

async function submitWrangle(request: FastifyRequest<TagParams>, reply: FastifyReply) {
  const db: Kysely<Database> = request.server.db;
  const data = await getTagPage(db, request.viewer, tagNameFromParam(request.params.tag));
  const form = formOf(request);
  const values = { synonym: field(form, 'synonym'), name: field(form, 'name'), fandom: field(form, 'fandom'), meta: field(form, 'meta') };
  try {
    await wrangleTag(db, request.viewer, data.tag.id, actionFrom(form));
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showTag(request, reply, error.fields, values, 422);
    throw error;
  }
  setFlash(reply, 'Tag updated.');
  const renamed = field(form, 'do') === 'rename' ? field(form, 'name').trim() : data.tag.name;
  return reply.redirect(`/tags/${tagParam(renamed)}`, 303);
}

const TAB_TYPES: TagType[] = ['character', 'relationship', 'freeform'];

async function fandomOf(request: FastifyRequest<TagParams>): Promise<TagRow> {
  const tag = await getTagByName(request.server.db, scopeOf(request.viewer), tagNameFromParam(request.params.tag));
  if (tag.type !== 'fandom') throw notFound();
  return tag;
}

function tabType(request: FastifyRequest): TagType {
  const type = (request.query as { type?: string }).type;
  return TAB_TYPES.find((t) => t === type) ?? 'character';
}

async function showUnwrangled(request: FastifyRequest<TagParams>, reply: FastifyReply, errors: FieldErrors = {}, synonym = '', status = 200) {
  const fandom = await fandomOf(request);
  const type = tabType(request);
  const tags = await unwrangledIn(request.server.db, request.viewer, fandom, type);
  return sendPage(reply, <UnwrangledPage ctx={pageContext(request, reply)} fandom={fandom} type={type} tags={tags} errors={errors} synonym={synonym} />, status);
}

async function submitMass(request: FastifyRequest<TagParams>, reply: FastifyReply) {
  const fandom = await fandomOf(request);
  const form = formOf(request);
  const action = field(form, 'do');
  const synonym = field(form, 'synonym');
  const ids = fieldList(form, 'tags').map(Number).filter(Number.isSafeInteger);
  if (!['canonical', 'attach', 'synonym', 'unwrangleable'].includes(action)) return showUnwrangled(request, reply, { tags: 'Choose what to do with the tags.' }, synonym, 422);
  try {
    const { done, problems } = await massWrangle(request.server.db, request.viewer, fandom, ids, action as MassAction, synonym);
    setFlash(reply, `${done} ${done === 1 ? 'tag' : 'tags'} wrangled.${problems.length > 0 ? ` Not changed: ${problems.join(' ')}` : ''}`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showUnwrangled(request, reply, error.fields, synonym, 422);
    throw error;
  }
  return reply.redirect(`/tags/${tagParam(fandom.name)}/wrangle?type=${tabType(request)}`, 303);
}

/** The fandoms index, counted for guests or for logged-in readers, recounted at most once a minute. */
async function showFandoms(request: FastifyRequest, reply: FastifyReply) {
  // A listing: the replica where there is one (src/http/read-db.ts).
  const fandoms = await fandomIndexFor(request.readDb, request.viewer);
  return sendPage(reply, <FandomsPage ctx={pageContext(request, reply)} fandoms={fandoms} />);
}

/** Routes for tag pages, the fandoms index and wrangling. */
export function registerTagRoutes(app: FastifyInstance): void {
  app.get('/fandoms', (request, reply) => showFandoms(request, reply));
  app.get<TagParams>('/tags/:tag', (request, reply) => showTag(request, reply));
  app.post<TagParams>('/tags/:tag/wrangle', async (request, reply) => ((request.query as { type?: string }).type !== undefined ? submitMass(request, reply) : submitWrangle(request, reply)));
  app.get<TagParams>('/tags/:tag/wrangle', (request, reply) => showUnwrangled(request, reply));
}
