// All SQL for works and their creators. Which works a reader may see is decided by
// src/access/visibility.ts; every read here that serves a reader filters with it.
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, Db, WorkRow, WorkTable } from '../db/database.js';
import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../access/scope.js';
import { createdBy, creatorsShownTo, workVisibleTo } from '../access/visibility.js';
import { COUNTER_SORTS, FILTERED_COUNTERS, SORTS, type FilteredCounter, type WorkFilter } from './work-filter.js';

export function findWork(db: Db, id: number): Promise<WorkRow | undefined> {
  return db.selectFrom('works').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWork(db: Db, row: Insertable<WorkTable>): Promise<number> {
  const { id } = await db.insertInto('works').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes what a work says (text, metadata, counts of its chapters): its content version moves with it. */
export async function updateWork(db: Db, id: number, patch: Updateable<WorkTable>): Promise<void> {
  await db.updateTable('works').set(patch).set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', '=', id).execute();
}

/** Takes the work row's write lock for the rest of the transaction (PostgreSQL), changing nothing. */
export async function lockWork(db: Db, id: number): Promise<void> {
  await db.updateTable('works').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).execute();
}

export async function deleteWork(db: Db, id: number): Promise<void> {
  await db.deleteFrom('works').where('id', '=', id).execute();
}

export async function replaceCreators(db: Db, workId: number, pseudIds: number[]): Promise<void> {
  await db.deleteFrom('work_creators').where('work_id', '=', workId).execute();
  await db.insertInto('work_creators').values(pseudIds.map((pseudId, position) => ({ work_id: workId, pseud_id: pseudId, position }))).execute();
}

/** Replaces one member's pseuds among a work's creators, keeping the others' (co-creators) where they stand. */
export async function replaceOwnCreators(db: Db, workId: number, userId: number, pseudIds: number[]): Promise<void> {
  const current = await findCreatorsOfWorks(db, [workId]);
  const at = current.findIndex((c) => c.user_id === userId);
  const others = current.filter((c) => c.user_id !== userId).map((c) => c.pseud_id);
  const order = at === -1 ? [...others, ...pseudIds] : [...others.slice(0, at), ...pseudIds, ...others.slice(at)];
  await replaceCreators(db, workId, [...new Set(order)]);
}

export type CreatorRow = { work_id: number; pseud_id: number; pseud: string; login: string; user_id: number };

export function findCreatorsOfWorks(db: Db, workIds: number[]): Promise<CreatorRow[]> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('work_creators')
    .innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(['work_creators.work_id', 'work_creators.pseud_id', 'pseuds.name as pseud', 'users.login', 'users.id as user_id'])
    .where('work_creators.work_id', 'in', workIds).orderBy('work_creators.position').execute();
}

/** Which listing: everything, one user's works, or one pseud's (tags come in through the filter). */
export type ListingFilter = {
  userId?: number; pseudId?: number;
  /** A creator's own listing: their drafts are listed too. */
  ownDrafts?: boolean;
  /** Show what the reader muted too (they asked to, from the listing's "hidden by your mutes" line). */
  ignoreMutes?: boolean;
  /** A further condition on works, such as a full-text match (src/search). */
  where?: (eb: WorksEb) => Expression<SqlBool>;
  /**
   * The same condition in the form that counts fastest, where it differs (a collection's works:
   * `exists` finds a page in order at once, `id in (...)` counts from the collection's side).
   */
  countWhere?: (eb: WorksEb) => Expression<SqlBool>;
  /**
   * Work ids to start from, as a subquery with an `id` column (a full-text match on SQLite):
   * joined, so the database reads the matches first and looks up only their works.
   */
  source?: RawBuilder<{ id: number }>;
};

type WorksEb = ExpressionBuilder<Database, 'works'>;

function hasTagIn(eb: WorksEb, tagIds: number[]): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('work_tags').whereRef('work_tags.work_id', '=', 'works.id')
    .where('work_tags.tag_id', 'in', tagIds.length > 0 ? tagIds : [-1]).select(sql`1`.as('one')));
}

/**
 * Works carrying one of these tags, as `id IN (...)`: both databases then start from the tag's
 * index instead of testing every visible work (SQLite never turns EXISTS into a join).
 */
function taggedWith(eb: WorksEb, tagIds: number[]): Expression<SqlBool> {
  return eb('works.id', 'in', eb.selectFrom('work_tags').select('work_tags.work_id').where('work_tags.tag_id', 'in', tagIds.length > 0 ? tagIds : [-1]));
}

/** A work's kudos, comments or bookmarks (0 when never counted), for filters. */
function counterOf(counter: FilteredCounter): RawBuilder<number> {
  return sql<number>`coalesce((select ${sql.ref(`wc.${counter}`)} from work_counters wc where wc.work_id = works.id), 0)`;
}

/** The narrowing of a listing as one SQL condition. */
function filterCondition(eb: WorksEb, f: WorkFilter): Expression<SqlBool> {
  const parts: Array<Expression<SqlBool>> = f.include.map((group) => taggedWith(eb, group));
  if (f.exclude.length > 0) parts.push(eb.not(hasTagIn(eb, f.exclude)));
  if (f.ratings.length > 0) parts.push(eb('works.rating_id', 'in', f.ratings));
  if (f.complete !== null) parts.push(eb('works.complete', '=', f.complete ? 1 : 0));
  if (f.crossover !== null) parts.push(eb('works.crossover', '=', f.crossover === 'only' ? 1 : 0));
  if (f.wordsFrom !== null) parts.push(eb('works.word_count', '>=', f.wordsFrom));
  if (f.wordsTo !== null) parts.push(eb('works.word_count', '<=', f.wordsTo));
  if (f.dateFrom !== null) parts.push(eb('works.revised_at', '>=', f.dateFrom));
  if (f.dateTo !== null) parts.push(eb('works.revised_at', '<', `${f.dateTo}T99`));
  if (f.language !== null) parts.push(eb('works.language', '=', f.language));
  if (f.chaptersFrom !== null) parts.push(eb('works.chapter_count', '>=', f.chaptersFrom));
  if (f.chaptersTo !== null) parts.push(eb('works.chapter_count', '<=', f.chaptersTo));
  for (const counter of FILTERED_COUNTERS) {
    const range = f.counts[counter];
    if (range?.min != null) parts.push(eb(counterOf(counter), '>=', range.min));
    if (range?.max != null) parts.push(eb(counterOf(counter), '<=', range.max));
  }
  if (f.updatedAfter !== null) parts.push(eb('works.revised_at', '>=', f.updatedAfter));
  if (f.updatedBefore !== null) parts.push(eb('works.revised_at', '<', f.updatedBefore));
  if (f.postedAfter !== null) parts.push(eb('works.published_on', '>=', f.postedAfter.slice(0, 10)));
  if (f.postedBefore !== null) parts.push(eb('works.published_on', '<', f.postedBefore.slice(0, 10)));
  return eb.and(parts);
}

function listingBase(db: Db, filter: ListingFilter): SelectQueryBuilder<Database, 'works', object> {
  if (filter.source === undefined) return db.selectFrom('works');
  // The join only narrows the rows: everything after it reads `works` alone (listWorkIds orders by m.id in raw SQL).
  return db.selectFrom('works').innerJoin(filter.source.as('m'), 'm.id', 'works.id');
}

function listingQuery(db: Db, scope: Scope, filter: ListingFilter, f: WorkFilter) {
  let query = listingBase(db, filter).where(workVisibleTo(scope, { ownDrafts: filter.ownDrafts === true })).where((eb) => filterCondition(eb, f));
  // A listing by creator never shows a work whose creators this scope may not know.
  if (filter.pseudId !== undefined || filter.userId !== undefined) query = query.where(creatorsShownTo(scope));
  if (filter.pseudId !== undefined) {
    const pseudId = filter.pseudId;
    query = query.where((eb) => eb.exists(eb.selectFrom('work_creators').whereRef('work_creators.work_id', '=', 'works.id')
      .where('work_creators.pseud_id', '=', pseudId).select(sql`1`.as('one'))));
  }
  if (filter.userId !== undefined) {
    const userId = filter.userId;
    query = query.where(createdBy(userId, sql.ref('works.id')));
  }
  if (filter.where !== undefined) query = query.where(filter.where);
  return query;
}

/** A listing's ids in the order asked for; a counter's sort joins the counters (a work never counted has 0). */
function orderedListing(query: ReturnType<typeof listingQuery>, f: WorkFilter) {
  const sort = SORTS[f.sort];
  if (!COUNTER_SORTS.has(f.sort)) return query.select('works.id').orderBy(`works.${sort.column as Exclude<typeof sort.column, FilteredCounter>}`, f.direction).orderBy('works.id', f.direction);
  return query.leftJoin('work_counters', 'work_counters.work_id', 'works.id').select('works.id')
    .orderBy(sql`coalesce(work_counters.${sql.ref(sort.column)}, 0)`, f.direction).orderBy('works.id', f.direction);
}

/**
 * One page of a listing. The ids come first from a query the indexes can answer alone
 * (migration 004); only the page's rows are then read whole.
 */
export async function listWorks(db: Db, scope: Scope, filter: ListingFilter, f: WorkFilter, limit: number, offset: number): Promise<WorkRow[]> {
  const ids = (await orderedListing(listingQuery(db, scope, filter, f), f).limit(limit).offset(offset).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = new Map((await db.selectFrom('works').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/** The ids of matching works, newest first (search ranks these itself). */
export async function listWorkIds(db: Db, scope: Scope, filter: ListingFilter, f: WorkFilter, limit: number): Promise<number[]> {
  // With a source, order by its id (the same number): SQLite then reads the matches newest first and stops at the limit.
  const order = filter.source === undefined ? sql`works.id` : sql`m.id`;
  return (await listingQuery(db, scope, filter, f).select('works.id').orderBy(order, 'desc').limit(limit).execute()).map((r) => r.id);
}

/** How many works match, counting no further than `limit` (enough to tell a narrow filter from a broad one). */
export async function countWorksUpTo(db: Db, scope: Scope, filter: ListingFilter, f: WorkFilter, limit: number): Promise<number> {
  const first = listingQuery(db, scope, filter, f).select(sql`1`.as('one')).limit(limit);
  return (await db.selectFrom(first.as('f')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

/** Works by id, in the order given, for those a scope may see. */
export async function findVisibleWorks(db: Db, scope: Scope, ids: number[]): Promise<WorkRow[]> {
  if (ids.length === 0) return [];
  const rows = new Map((await db.selectFrom('works').selectAll().where(workVisibleTo(scope)).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

export async function countWorks(db: Db, scope: Scope, filter: ListingFilter, f: WorkFilter): Promise<number> {
  const counting = filter.countWhere === undefined ? filter : { ...filter, where: filter.countWhere };
  const row = await listingQuery(db, scope, counting, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}


/** A condition on a column holding work ids: the work is one this scope may see and matches the filter. */
export function workMatches(scope: Scope, f: WorkFilter): (workId: Expression<number | null>) => Expression<SqlBool> {
  const matching = expressionBuilder<Database>().selectFrom('works').select('works.id').where(workVisibleTo(scope)).where((w) => filterCondition(w, f));
  return (workId) => sql<SqlBool>`${workId} in (${matching})`;
}

/** What a sort orders by, for a query that has `works` joined: the work's column or its counter (0 when never counted). */
export function workSortValue(f: WorkFilter): RawBuilder<unknown> {
  const sort = SORTS[f.sort];
  return COUNTER_SORTS.has(f.sort) ? counterOf(sort.column as FilteredCounter) : sql`${sql.ref(`works.${sort.column}`)}`;
}

/** Copies the work's rating tag onto the row, where listings filter on it. */
export async function setRatingFromTags(db: Db, workId: number): Promise<void> {
  await db.updateTable('works').set({
    rating_id: sql<number | null>`(select wt.tag_id from work_tags wt join tags t on t.id = wt.tag_id where wt.work_id = ${workId} and t.type = 'rating' order by wt.position limit 1)`,
  }).where('id', '=', workId).execute();
}

/** Gives these works a new content version. */
export async function bumpVersions(db: Db, workIds: number[]): Promise<void> {
  if (workIds.length === 0) return;
  await db.updateTable('works').set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', 'in', workIds).execute();
}

/** Gives every work carrying a tag directly a new content version (its tag's name changed). */
export async function bumpVersionsOfWorksTagged(db: Db, tagId: number): Promise<void> {
  await db.updateTable('works').set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('work_tags').select('work_id').where('tag_id', '=', tagId)).execute();
}

/**
 * The content version of a work, and its counters, if the scope may see it: what decides whether a
 * cached page of it still holds, and the figures it shows.
 */
export function findVisibleState(db: Db, scope: Scope, id: number): Promise<WorkState | undefined> {
  return db.selectFrom('works').leftJoin('work_counters', 'work_counters.work_id', 'works.id')
    .select(['works.content_version', 'work_counters.comments', 'work_counters.kudos', 'work_counters.bookmarks', 'work_counters.hits'])
    .where('works.id', '=', id).where(workVisibleTo(scope)).executeTakeFirst();
}

export type WorkState = { content_version: number; comments: number | null; kudos: number | null; bookmarks: number | null; hits: number | null };

/** The account of a work's first creator (whose history a moderator reads), or undefined. */
export async function firstCreatorUserId(db: Db, workId: number): Promise<number | undefined> {
  const row = await db.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').select('pseuds.user_id')
    .where('work_creators.work_id', '=', workId).orderBy('work_creators.position').executeTakeFirst();
  return row?.user_id;
}

/** The works an account created, each once. */
export async function workIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').select('work_creators.work_id')
    .where('pseuds.user_id', '=', userId).distinct().execute();
  return rows.map((r) => r.work_id);
}
