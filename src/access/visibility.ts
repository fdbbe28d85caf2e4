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
};

/** The account is one of the creators of the work whose id is `workId` (a column reference). */
export function createdBy(userId: number, workId: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from work_creators vc inner join pseuds vp on vp.id = vc.pseud_id where vc.work_id = ${workId} and vp.user_id = ${userId})`;
}

/**
 * The works a scope may see: posted ones, registered-users-only works only for members, and (where
 * asked) the scope's own drafts.
 */
export function workVisibleTo(scope: Scope, { ownDrafts = false, table = 'works' }: WorkRule = {}): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const published = scope.member
    ? sql<SqlBool>`${column('posted')} = ${1}`
    : sql<SqlBool>`${column('posted')} = ${1} and ${column('restricted')} = ${0}`;
  if (!ownDrafts || scope.userId === null) return sql<SqlBool>`(${published})`;
  return sql<SqlBool>`(${published} or ${createdBy(scope.userId, column('id'))})`;
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
