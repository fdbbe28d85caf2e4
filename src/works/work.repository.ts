// All SQL for works and their creators. Visibility is one expression, used by every read.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db, WorkRow, WorkTable } from '../db/database.js';
import type { Insertable, Updateable } from 'kysely';

/** What a reader may see: `userId` null for guests; own drafts only where a page lists them. */
export type Scope = { userId: number | null; includeOwnDrafts: boolean };

function createdBy(eb: ExpressionBuilder<Database, 'works'>, userId: number): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
    .whereRef('work_creators.work_id', '=', 'works.id').where('pseuds.user_id', '=', userId).select(sql`1`.as('one')));
}

/** The one visibility rule: posted, and registered-users-only works only for logged-in readers. */
export function visibleTo(scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'works'>): Expression<SqlBool> => {
    const published = scope.userId === null
      ? eb.and([eb('works.posted', '=', 1), eb('works.restricted', '=', 0)])
      : eb('works.posted', '=', 1);
    return scope.userId !== null && scope.includeOwnDrafts ? eb.or([published, createdBy(eb, scope.userId)]) : published;
  };
}

export function findWork(db: Db, id: number): Promise<WorkRow | undefined> {
  return db.selectFrom('works').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWork(db: Db, row: Insertable<WorkTable>): Promise<number> {
  const { id } = await db.insertInto('works').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateWork(db: Db, id: number, patch: Updateable<WorkTable>): Promise<void> {
  await db.updateTable('works').set(patch).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

export async function deleteWork(db: Db, id: number): Promise<void> {
  await db.deleteFrom('works').where('id', '=', id).execute();
}

export async function replaceCreators(db: Db, workId: number, pseudIds: number[]): Promise<void> {
  await db.deleteFrom('work_creators').where('work_id', '=', workId).execute();
  await db.insertInto('work_creators').values(pseudIds.map((pseudId, position) => ({ work_id: workId, pseud_id: pseudId, position }))).execute();
}

export type CreatorRow = { work_id: number; pseud_id: number; pseud: string; login: string; user_id: number };

export function findCreatorsOfWorks(db: Db, workIds: number[]): Promise<CreatorRow[]> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('work_creators')
    .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(['work_creators.work_id', 'work_creators.pseud_id', 'pseuds.name as pseud', 'users.login', 'users.id as user_id'])
    .where('work_creators.work_id', 'in', workIds).orderBy('work_creators.position').execute();
}

/** Which listing: everything, one user's works, or one pseud's. */
export type ListingFilter = { userId?: number; pseudId?: number; tagId?: number };

function listingQuery(db: Db, scope: Scope, filter: ListingFilter) {
  let query = db.selectFrom('works').where(visibleTo(scope));
  if (filter.pseudId !== undefined) {
    const pseudId = filter.pseudId;
    query = query.where((eb) => eb.exists(eb.selectFrom('work_creators').whereRef('work_creators.work_id', '=', 'works.id')
      .where('work_creators.pseud_id', '=', pseudId).select(sql`1`.as('one'))));
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where((eb) => eb.exists(eb.selectFrom('work_tags').whereRef('work_tags.work_id', '=', 'works.id')
      .where('work_tags.tag_id', '=', tagId).select(sql`1`.as('one'))));
  }
  if (filter.userId !== undefined) {
    const userId = filter.userId;
    query = query.where((eb) => createdBy(eb, userId));
  }
  return query;
}

export function listWorks(db: Db, scope: Scope, filter: ListingFilter, limit: number, offset: number): Promise<WorkRow[]> {
  return listingQuery(db, scope, filter).selectAll('works')
    .orderBy('works.revised_at', 'desc').orderBy('works.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countWorks(db: Db, scope: Scope, filter: ListingFilter): Promise<number> {
  const row = await listingQuery(db, scope, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export type WorkState = { version: number; posted: 0 | 1; restricted: 0 | 1 };

/** The few columns that say whether a cached page of a work is still right to show a guest. */
export function findWorkState(db: Db, id: number): Promise<WorkState | undefined> {
  return db.selectFrom('works').select(['version', 'posted', 'restricted']).where('id', '=', id).executeTakeFirst();
}
