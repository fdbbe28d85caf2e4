// Who may see what, decided here and nowhere else: one SQL condition for works, one for their
// chapters, one for tag names. Every door (pages, listings, counts, search, feeds, OPDS,
// downloads, the API, autocomplete) filters with these, single-work fetches included, so a new
// state (hidden by an admin, in an unrevealed collection, a creator the viewer blocked) is one
// change here. docs/decisions/020-one-visibility-rule.md.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from './scope.js';

export type WorkRule = {
  /** Let a creator's own drafts through: their own pages and own listings do, general listings do not. */
  ownDrafts?: boolean;
  /** The name or alias of the works table in the query. */
  table?: string;
  /** Let works of an unrevealed collection through (to tell a reader that such a work exists, as a Mystery Work). */
  evenUnrevealed?: boolean;
};

/** The account is one of the creators of the work whose id is `workId` (a column reference). */
export function createdBy(userId: number | Expression<unknown>, workId: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from work_creators vc inner join pseuds vp on vp.id = vc.pseud_id where vc.work_id = ${workId} and vp.user_id = ${userId})`;
}

/**
 * The account maintains (owns or moderates) a collection holding the work that keeps its creators
 * or the work itself hidden: such maintainers see it whole, as its creators do.
 */
export function maintainsCollectionOf(userId: number, workId: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from collection_items mi inner join collection_participants mp on mp.collection_id = mi.collection_id
    inner join collections mc on mc.id = mi.collection_id
    where mi.work_id = ${workId} and mp.user_id = ${userId} and mp.role in ('owner', 'moderator') and (mc.anonymous = ${1} or mc.unrevealed = ${1}))`;
}

/** The account sees the work whole (its creators named, unrevealed or not): one of its creators, or a maintainer of its collection. */
export function seesWhole(userId: number, workId: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${createdBy(userId, workId)} or ${maintainsCollectionOf(userId, workId)})`;
}

/**
 * The works a scope may see: posted ones, registered-users-only works only for members, works of
 * an unrevealed collection only for their creators and its maintainers, and (where asked) the
 * scope's own drafts and own works hidden by moderators.
 */
export function workVisibleTo(scope: Scope, { ownDrafts = false, table = 'works', evenUnrevealed = false }: WorkRule = {}): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  // A work hidden by moderators is, to everyone but its creators, as if it were not there.
  const posted = scope.member
    ? sql<SqlBool>`${column('posted')} = ${1} and ${column('hidden')} = ${0}`
    : sql<SqlBool>`${column('posted')} = ${1} and ${column('restricted')} = ${0} and ${column('hidden')} = ${0}`;
  if (evenUnrevealed) return sql<SqlBool>`(${posted})`;
  if (scope.userId === null) return sql<SqlBool>`(${posted} and ${column('unrevealed')} = ${0})`;
  const published = sql<SqlBool>`${posted} and (${column('unrevealed')} = ${0} or ${seesWhole(scope.userId, column('id'))})`;
  if (!ownDrafts) return sql<SqlBool>`(${published})`;
  return sql<SqlBool>`((${published}) or ${createdBy(scope.userId, column('id'))})`;
}

/**
 * Works whose creators the scope may know: all but those of an anonymous collection, which only
 * their creators and its maintainers see named. Every listing by creator (a member's works, a
 * pseud's, their counts) filters with this besides workVisibleTo.
 */
export function creatorsShownTo(scope: Scope, table = 'works'): RawBuilder<SqlBool> {
  const anonymous = sql.ref(`${table}.anonymous`);
  if (scope.userId === null) return sql<SqlBool>`(${anonymous} = ${0})`;
  return sql<SqlBool>`(${anonymous} = ${0} or ${seesWhole(scope.userId, sql.ref(`${table}.id`))})`;
}

/**
 * A chapter is published, whatever state its work is in: what a work's stored totals (words,
 * chapters, complete) count, so that hiding a work later never rewrites its figures.
 */
export function chapterPosted(table = 'chapters'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.posted`)} = ${1}`;
}

/**
 * The chapters a scope may read: posted chapters of works it may see, and every chapter of its
 * own works.
 */
export function chapterVisibleTo(scope: Scope, table = 'chapters'): RawBuilder<SqlBool> {
  const workId = sql.ref(`${table}.work_id`);
  const work = sql<SqlBool>`exists (select 1 from works cw where cw.id = ${workId} and ${workVisibleTo(scope, { ownDrafts: true, table: 'cw' })})`;
  if (scope.userId === null) return sql<SqlBool>`(${chapterPosted(table)} and ${work})`;
  return sql<SqlBool>`((${chapterPosted(table)} and ${work}) or ${createdBy(scope.userId, workId)})`;
}

/**
 * The tag names a scope may see: a tag's name says what a work is about, so a tag shows only
 * where a work carrying it does (a creator sees the tags of their own drafts), unless wranglers
 * made it canonical. Wranglers and admins see every tag, to wrangle it.
 */
export function tagVisibleTo(scope: Scope, table = 'tags'): RawBuilder<SqlBool> {
  if (scope.wrangler) return sql<SqlBool>`(1 = 1)`;
  const tag = (name: string) => sql.ref(`${table}.${name}`);
  return sql<SqlBool>`(${tag('canonical')} = ${1} or exists (select 1 from work_tags tw inner join works tv on tv.id = tw.work_id
    where tw.tag_id = ${tag('id')} and ${workVisibleTo(scope, { ownDrafts: true, table: 'tv' })}))`;
}

/**
 * The same test as createdBy, for a work whose creators' accounts are already loaded: the scope's
 * account is among them.
 */
export function isCreatorAmong(scope: Scope, creatorUserIds: readonly number[]): boolean {
  return scope.userId !== null && creatorUserIds.includes(scope.userId);
}
