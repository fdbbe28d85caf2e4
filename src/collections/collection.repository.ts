// All SQL for collections: the collection, its participants and its items, the flags its works
// carry (works.anonymous, works.unrevealed), and the reveals that are due.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../access/scope.js';
import { seesWhole, workVisibleTo } from '../access/visibility.js';
import type { CollectionRole, CollectionRow, CollectionTable, Db } from '../db/database.js';
import type { Insertable, Updateable } from 'kysely';

export async function insertCollection(db: Db, row: Insertable<CollectionTable>): Promise<number> {
  const { id } = await db.insertInto('collections').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findCollectionByKey(db: Db, nameKey: string): Promise<CollectionRow | undefined> {
  return db.selectFrom('collections').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
}

export function findCollectionsByKeys(db: Db, nameKeys: string[]): Promise<CollectionRow[]> {
  if (nameKeys.length === 0) return Promise.resolve([]);
  return db.selectFrom('collections').selectAll().where('name_key', 'in', nameKeys).execute();
}

export async function updateCollection(db: Db, id: number, patch: Updateable<CollectionTable>): Promise<void> {
  await db.updateTable('collections').set(patch).where('id', '=', id).execute();
}

/** Every collection, newest first, with how many approved works the scope may see in each. */
export function listCollections(db: Db, scope: Scope, limit: number, offset: number): Promise<Array<CollectionRow & { works: number }>> {
  return db.selectFrom('collections').selectAll('collections')
    .select((eb) => eb.selectFrom('collection_items').innerJoin('works', 'works.id', 'collection_items.work_id')
      .whereRef('collection_items.collection_id', '=', 'collections.id').where('collection_items.approved', '=', 1)
      .where(workVisibleTo(scope)).select((w) => w.fn.countAll<number>().as('n')).as('works'))
    .orderBy('collections.id', 'desc').limit(limit).offset(offset).execute() as Promise<Array<CollectionRow & { works: number }>>;
}

export async function countCollections(db: Db): Promise<number> {
  const row = await db.selectFrom('collections').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- participants

export function participantsOf(db: Db, collectionId: number): Promise<Array<{ user_id: number; login: string; role: CollectionRole }>> {
  return db.selectFrom('collection_participants').innerJoin('users', 'users.id', 'collection_participants.user_id')
    .select(['collection_participants.user_id', 'users.login', 'collection_participants.role'])
    .where('collection_participants.collection_id', '=', collectionId).orderBy('users.login').execute();
}

export async function roleOf(db: Db, collectionId: number, userId: number): Promise<CollectionRole | null> {
  const row = await db.selectFrom('collection_participants').select('role')
    .where('collection_id', '=', collectionId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}

export async function setRole(db: Db, collectionId: number, userId: number, role: CollectionRole): Promise<void> {
  await db.insertInto('collection_participants').values({ collection_id: collectionId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['collection_id', 'user_id']).doUpdateSet({ role })).execute();
}

export async function removeParticipant(db: Db, collectionId: number, userId: number): Promise<void> {
  await db.deleteFrom('collection_participants').where('collection_id', '=', collectionId).where('user_id', '=', userId).execute();
}

// ---- items

export type ItemRow = { id: number; collection_id: number; work_id: number; approved: 0 | 1 };

export async function insertItem(db: Db, row: { collection_id: number; work_id: number; approved: 0 | 1; created_at: string }): Promise<void> {
  await db.insertInto('collection_items').values(row).execute();
}

export function findItem(db: Db, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('collection_items').select(['id', 'collection_id', 'work_id', 'approved']).where('id', '=', id).executeTakeFirst();
}

export async function hasItem(db: Db, collectionId: number, workId: number): Promise<boolean> {
  return (await db.selectFrom('collection_items').select('id').where('collection_id', '=', collectionId).where('work_id', '=', workId).executeTakeFirst()) !== undefined;
}

export async function approveItem(db: Db, id: number): Promise<void> {
  await db.updateTable('collection_items').set({ approved: 1 }).where('id', '=', id).execute();
}

export async function deleteItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('collection_items').where('id', '=', id).execute();
}

/** A collection's items waiting for approval, oldest first, with their works' ids (the maintainers' queue). */
export function pendingItems(db: Db, collectionId: number): Promise<Array<{ id: number; work_id: number }>> {
  return db.selectFrom('collection_items').select(['id', 'work_id'])
    .where('collection_id', '=', collectionId).where('approved', '=', 0).orderBy('id').limit(500).execute();
}

/** The viewer's own works in a collection, approved or waiting, with their items' ids. */
export function ownItems(db: Db, collectionId: number, userId: number): Promise<Array<{ id: number; work_id: number; approved: 0 | 1 }>> {
  return db.selectFrom('collection_items').select(['id', 'work_id', 'approved'])
    .where('collection_id', '=', collectionId).where(seesWhole(userId, sql.ref('collection_items.work_id'))).orderBy('id', 'desc').limit(500).execute();
}

/**
 * A collection's works listing: the work is an approved item of the collection. A page reads works
 * in the listing's order and stops at 20 (`exists`: 0.1 ms for 10,000 of 30,000 works on SQLite);
 * the count starts from the collection's items (`id in (list)`: 5 ms, where `exists` probed every
 * visible work, 24 ms). bench:listings.
 */
export function inCollection(collectionId: number): { where: () => Expression<SqlBool>; countWhere: () => Expression<SqlBool> } {
  return {
    where: () => sql<SqlBool>`exists (select 1 from collection_items ci where ci.work_id = works.id and ci.collection_id = ${collectionId} and ci.approved = ${1})`,
    countWhere: () => sql<SqlBool>`works.id in (select ci.work_id from collection_items ci where ci.collection_id = ${collectionId} and ci.approved = ${1})`,
  };
}

/** The collections a work is shown in for this scope: approved places, or every place for those who see it whole. */
export function collectionsOfWork(db: Db, scope: Scope, workId: number): Promise<Array<{ name: string; title: string }>> {
  const whole: RawBuilder<SqlBool> = scope.userId === null ? sql<SqlBool>`1 = 0` : seesWhole(scope.userId, sql.ref('collection_items.work_id'));
  return db.selectFrom('collection_items').innerJoin('collections', 'collections.id', 'collection_items.collection_id')
    .select(['collections.name', 'collections.title']).where('collection_items.work_id', '=', workId)
    .where((eb) => eb.or([eb('collection_items.approved', '=', 1), whole])).orderBy('collections.title').execute();
}

/** The collections a work is in, approved or not. */
export async function collectionIdsOfWork(db: Db, workId: number): Promise<number[]> {
  return (await db.selectFrom('collection_items').select('collection_id').where('work_id', '=', workId).execute()).map((r) => r.collection_id);
}

// ---- the flags works carry

/** The works of a collection (approved or not). */
export async function workIdsOf(db: Db, collectionId: number): Promise<number[]> {
  return (await db.selectFrom('collection_items').select('work_id').where('collection_id', '=', collectionId).execute()).map((r) => r.work_id);
}

/**
 * What these works' flags should be, from every collection each is in (the strictest wins):
 * anonymous while any of them hides its creators, unrevealed while any of them is unrevealed.
 */
export async function flagsOfWorks(db: Db, workIds: number[]): Promise<Array<{ id: number; anonymous: number; unrevealed: number; now_anonymous: number; now_unrevealed: number }>> {
  if (workIds.length === 0) return [];
  const hidden = (flag: 'anonymous' | 'unrevealed', done: 'creators_revealed' | 'works_revealed') => sql<number>`case when exists (select 1 from collection_items fi
    inner join collections fc on fc.id = fi.collection_id where fi.work_id = works.id and fc.${sql.ref(flag)} = ${1} and fc.${sql.ref(done)} = ${0}) then 1 else 0 end`;
  return db.selectFrom('works').select(['works.id', 'works.anonymous as now_anonymous', 'works.unrevealed as now_unrevealed'])
    .select([hidden('anonymous', 'creators_revealed').as('anonymous'), hidden('unrevealed', 'works_revealed').as('unrevealed')])
    .where('works.id', 'in', workIds).execute();
}

// ---- reveals

/**
 * Marks the reveals whose time has come as done and returns their collections. Each collection
 * is claimed by one UPDATE whose condition holds only once, so of several app servers running
 * this at the same moment exactly one gets it.
 */
export async function claimDueReveals(db: Db, now: string): Promise<number[]> {
  const works = await db.updateTable('collections').set({ works_revealed: 1 })
    .where('works_revealed', '=', 0).where('reveal_works_at', 'is not', null).where('reveal_works_at', '<=', now).returning('id').execute();
  const creators = await db.updateTable('collections').set({ creators_revealed: 1 })
    .where('creators_revealed', '=', 0).where('reveal_creators_at', 'is not', null).where('reveal_creators_at', '<=', now).returning('id').execute();
  return [...new Set([...works, ...creators].map((r) => r.id))];
}

/** How many of a collection's works are hidden as Mystery Works: its posted works while it is unrevealed, else none. */
export async function countUnrevealed(db: Db, collection: CollectionRow): Promise<number> {
  if (collection.unrevealed === 0 || collection.works_revealed === 1) return 0;
  const row = await db.selectFrom('collection_items').innerJoin('works', 'works.id', 'collection_items.work_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n')).where('collection_items.collection_id', '=', collection.id)
    .where('collection_items.approved', '=', 1).where('works.posted', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findCollectionById(db: Db, id: number): Promise<CollectionRow> {
  return db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Members' logins by id. */
export async function loginsOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'login']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.login]));
}

/** A collection's approved works, in the order they came. */
export async function approvedWorkIds(db: Db, collectionId: number): Promise<number[]> {
  return (await db.selectFrom('collection_items').select('work_id').where('collection_id', '=', collectionId).where('approved', '=', 1).orderBy('id').execute()).map((r) => r.work_id);
}

/** A collection's approved works, as a subquery of ids (its bookmarks listing). */
export function approvedWorks(collectionId: number): RawBuilder<unknown> {
  return sql`select ci.work_id from collection_items ci where ci.collection_id = ${collectionId} and ci.approved = ${1}`;
}
