// Collections: a community gathers works under one name. Owners set it up and name moderators and
// members; maintainers (owners and moderators) approve works in a moderated collection and reveal
// an anonymous or unrevealed one, by hand or at the times set (reveal-clock.ts). Which works are
// anonymous or unrevealed is kept on the works themselves (setWorkShrouds), the strictest of their
// collections winning, so every door decides with the one rule in access/visibility.ts.
import type { Kysely, RawBuilder } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { Viewer } from '../access/viewer.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { CollectionRole, CollectionRow, Database, Db } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { AppError, forbidden, invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { foldKey } from '../lib/text.js';
import { refreshWorkPages, setWorkShrouds } from '../works/work.service.js';
import type { WorkCollection } from '../works/work-collections.js';
import * as repo from './collection.repository.js';
import { contestSettingsOf } from './contest.repository.js';
import { checkCollection, type CollectionInput } from './collection.validation.js';

/** A collection as one viewer stands to it. */
export type CollectionView = { row: CollectionRow; role: CollectionRole | null; maintainer: boolean; owner: boolean };

/** The collection at `/collections/:name` (any case), as the viewer stands to it; 404 when there is none. */
export async function getCollection(db: Db, viewer: Viewer, name: string): Promise<CollectionView> {
  const row = await repo.findCollectionByKey(db, foldKey(name));
  if (row === undefined) throw notFound();
  const role = viewer.user === null ? null : await repo.roleOf(db, row.id, viewer.user.id);
  return { row, role, maintainer: role === 'owner' || role === 'moderator', owner: role === 'owner' };
}

/** A collection the viewer maintains (owner or moderator): 401 for a guest, 403 for anyone else. */
export async function requireMaintainer(db: Db, viewer: Viewer, name: string, owner = false): Promise<CollectionView> {
  requireUser(viewer);
  const view = await getCollection(db, viewer, name);
  if (owner ? !view.owner : !view.maintainer) throw forbidden(owner ? 'Only the owners of this collection can change it.' : 'Only the maintainers of this collection can do that.');
  return view;
}

/** Makes every work of these collections carry the flags their collections now call for. */
async function restateWorks(trx: Db, workIds: number[]): Promise<void> {
  const flags = await repo.flagsOfWorks(trx, workIds);
  const changed = flags.filter((f) => f.anonymous !== f.now_anonymous || f.unrevealed !== f.now_unrevealed);
  await setWorkShrouds(trx, changed.map((f) => ({ id: f.id, anonymous: f.anonymous === 1, unrevealed: f.unrevealed === 1 })));
  // The others' pages name their collections: they are made again too.
  await refreshWorkPages(trx, workIds.filter((id) => !changed.some((f) => f.id === id)));
}

/** Opens a new collection with the viewer as its owner; returns its name. */
export async function createCollection(db: Kysely<Database>, viewer: Viewer, input: CollectionInput): Promise<string> {
  const user = requireUser(viewer);
  const now = nowIso();
  const clean = checkCollection(input, now);
  if (await repo.findCollectionByKey(db, foldKey(clean.name)) !== undefined) throw invalid({ name: `There is already a collection named ${clean.name}.` });
  await inTransaction(db, async (trx) => {
    const id = await repo.insertCollection(trx, {
      name: clean.name, name_key: foldKey(clean.name), title: clean.title, description: clean.description, rules: clean.rules,
      // A contest's entries are anonymous while voting lasts, whatever the form said.
      closed: clean.closed ? 1 : 0, moderated: clean.moderated ? 1 : 0, anonymous: clean.anonymous || clean.challenge === 'contest' ? 1 : 0, unrevealed: clean.unrevealed ? 1 : 0,
      reveal_works_at: clean.revealWorksAt, reveal_creators_at: clean.revealCreatorsAt, challenge: clean.challenge, created_at: now, updated_at: now,
    });
    await repo.setRole(trx, id, user.id, 'owner');
  });
  return clean.name;
}

/** Changes a collection's profile and settings (its owners); its works follow at once. */
export async function editCollection(db: Kysely<Database>, viewer: Viewer, name: string, input: CollectionInput): Promise<void> {
  const { row } = await requireMaintainer(db, viewer, name, true);
  const clean = checkCollection(input, nowIso(), { works: row.reveal_works_at, creators: row.reveal_creators_at }, false);
  await inTransaction(db, async (trx) => {
    await repo.updateCollection(trx, row.id, {
      title: clean.title, description: clean.description, rules: clean.rules, closed: clean.closed ? 1 : 0, moderated: clean.moderated ? 1 : 0,
      anonymous: clean.anonymous || clean.challenge === 'contest' ? 1 : 0, unrevealed: clean.unrevealed ? 1 : 0,
      reveal_works_at: clean.revealWorksAt, reveal_creators_at: clean.revealCreatorsAt, challenge: clean.challenge, updated_at: nowIso(),
    });
    await restateWorks(trx, await repo.workIdsOf(trx, row.id));
  });
}

/** Reveals a collection's works or its creators now (its maintainers). */
export async function revealNow(db: Kysely<Database>, viewer: Viewer, name: string, what: 'works' | 'creators'): Promise<void> {
  const { row } = await requireMaintainer(db, viewer, name);
  await inTransaction(db, async (trx) => {
    await repo.updateCollection(trx, row.id, what === 'works' ? { works_revealed: 1, updated_at: nowIso() } : { creators_revealed: 1, updated_at: nowIso() });
    await restateWorks(trx, await repo.workIdsOf(trx, row.id));
  });
}

/** Reveals every collection whose time has come, each exactly once however many servers run this; returns how many. */
export async function revealDue(db: Kysely<Database>, now = nowIso()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const ids = await repo.claimDueReveals(trx, now);
    for (const id of ids) await restateWorks(trx, await repo.workIdsOf(trx, id));
    return ids.length;
  });
}

const ROLES: readonly CollectionRole[] = ['owner', 'moderator', 'member'];

/** Adds a member by login, or changes their role (the owners). */
export async function setParticipant(db: Kysely<Database>, viewer: Viewer, name: string, login: string, role: string): Promise<string> {
  const { row } = await requireMaintainer(db, viewer, name, true);
  if (!ROLES.includes(role as CollectionRole)) throw invalid({ role: 'Choose owner, moderator or member.' });
  let user;
  try { user = await getUserByLogin(db, login.trim()); } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalid({ login: `There is no member named ${login.trim() || '(nothing)'}.` });
    throw error;
  }
  await inTransaction(db, async (trx) => {
    await repo.setRole(trx, row.id, user.id, role as CollectionRole);
    // A maintainer sees the works whole: their own pages of those works are made again.
    await refreshWorkPages(trx, await repo.workIdsOf(trx, row.id));
  });
  return user.login;
}

/** Removes a participant (the owners); the last owner stays. */
export async function removeParticipant(db: Kysely<Database>, viewer: Viewer, name: string, userId: number): Promise<void> {
  const { row } = await requireMaintainer(db, viewer, name, true);
  const people = await repo.participantsOf(db, row.id);
  if (people.filter((p) => p.role === 'owner').every((p) => p.user_id === userId)) throw invalid({ login: 'A collection needs an owner: make someone else an owner first.' });
  await repo.removeParticipant(db, row.id, userId);
}

/** Puts one of the viewer's works in a collection, under its rules; returns whether it waits for approval. */
export async function placeWork(trx: Db, viewer: Viewer, workId: number, collection: CollectionRow): Promise<boolean> {
  const user = requireUser(viewer);
  const role = await repo.roleOf(trx, collection.id, user.id);
  if (collection.closed === 1 && role !== 'owner' && role !== 'moderator') throw invalid({ collections: `${collection.title} is closed to new works.` });
  if (collection.challenge === 'contest') {
    const closes = (await contestSettingsOf(trx, collection.id)).submissions_close_at;
    if (closes !== null && closes <= nowIso()) throw invalid({ collections: `Submissions to ${collection.title} closed on ${closes.slice(0, 10)} ${closes.slice(11, 16)} UTC.` });
  }
  if (await repo.hasItem(trx, collection.id, workId)) throw invalid({ collections: `This work is already in ${collection.title}.` });
  const waits = collection.moderated === 1 && role === null;
  await repo.insertItem(trx, { collection_id: collection.id, work_id: workId, approved: waits ? 0 : 1, created_at: nowIso() });
  await restateWorks(trx, [workId]);
  return waits;
}

/** The new-work form's "Post to collections": each name must be an open collection (works/work-collections.ts). */
export async function placeNewWork(trx: Db, viewer: Viewer, workId: number, names: string): Promise<void> {
  const wanted = [...new Set(names.split(',').map((n) => n.trim()).filter((n) => n !== ''))];
  const found = await repo.findCollectionsByKeys(trx, wanted.map(foldKey));
  const missing = wanted.filter((n) => !found.some((c) => c.name_key === foldKey(n)));
  if (missing.length > 0) throw invalid({ collections: `There is no collection named ${missing.join(', ')}.` });
  for (const collection of found) await placeWork(trx, viewer, workId, collection);
}

/** Adds an existing work of the viewer's to a collection by name; returns the collection and whether the work waits for approval. */
export async function addWork(db: Kysely<Database>, viewer: Viewer, workId: number, name: string): Promise<{ collection: CollectionRow; waits: boolean }> {
  await requireCreator(db, viewer, workId);
  const collection = await repo.findCollectionByKey(db, foldKey(name.trim()));
  if (collection === undefined) throw invalid({ collections: name.trim() === '' ? 'Give the name of a collection.' : `There is no collection named ${name.trim()}.` });
  const waits = await inTransaction(db, (trx) => placeWork(trx, viewer, workId, collection));
  return { collection, waits };
}

/** An item, with the collection it is in, for those allowed to act on it: a maintainer, or (`creatorMay`) the work's creator. */
async function itemFor(db: Db, viewer: Viewer, itemId: number, creatorMay: boolean): Promise<{ item: repo.ItemRow; collection: CollectionRow }> {
  const user = requireUser(viewer);
  const item = Number.isSafeInteger(itemId) ? await repo.findItem(db, itemId) : undefined;
  if (item === undefined) throw notFound();
  const collection = await db.selectFrom('collections').selectAll().where('id', '=', item.collection_id).executeTakeFirstOrThrow();
  const role = await repo.roleOf(db, collection.id, user.id);
  if (role === 'owner' || role === 'moderator') return { item, collection };
  if (creatorMay) {
    await requireCreator(db, viewer, item.work_id);
    return { item, collection };
  }
  throw notFound();
}

/** Approves a waiting work (the maintainers). */
export async function approveItem(db: Kysely<Database>, viewer: Viewer, itemId: number): Promise<CollectionRow> {
  const { item, collection } = await itemFor(db, viewer, itemId, false);
  await inTransaction(db, async (trx) => {
    await repo.approveItem(trx, item.id);
    await refreshWorkPages(trx, [item.work_id]);
  });
  return collection;
}

/** Takes a work out of a collection: a maintainer refusing or removing it, or its creator withdrawing it. */
export async function removeItem(db: Kysely<Database>, viewer: Viewer, itemId: number): Promise<CollectionRow> {
  const { item, collection } = await itemFor(db, viewer, itemId, true);
  await inTransaction(db, async (trx) => {
    await repo.deleteItem(trx, item.id);
    await restateWorks(trx, [item.work_id]);
  });
  return collection;
}

/** The collections a work is shown in, as the viewer may see them (the work page's dd.collections). */
export function collectionsShownFor(db: Db, viewer: Viewer, workId: number): Promise<WorkCollection[]> {
  return repo.collectionsOfWork(db, scopeOf(viewer), workId);
}

/** A collection by name with its approved works as a subquery of ids, for the listing of their bookmarks (feedback's). */
export async function collectionWorksFor(db: Db, viewer: Viewer, name: string): Promise<{ title: string; works: RawBuilder<unknown> }> {
  const { row } = await getCollection(db, viewer, name);
  return { title: row.title, works: repo.approvedWorks(row.id) };
}
