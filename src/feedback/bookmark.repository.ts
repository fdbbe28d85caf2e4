// All SQL for bookmarks: one member's bookmark of a work or series, listings of bookmarks (a member's, a
// work's, a series') that keep to what the viewer may see, their tags, and external works.
import { sql, type Expression, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import { workVisibleTo } from '../access/visibility.js';
import type { Scope } from '../access/scope.js';
import type { WorkNarrowing } from '../works/reading.service.js';
import type { BookmarkRow, BookmarkTable, Db, ExternalWorkRow, ExternalWorkTable } from '../db/database.js';

/** A bookmark as listings show it: its row, its owner's login and pseud, its tags. */
export type BookmarkRecord = BookmarkRow & { login: string; pseud_name: string | null; tags: string[] };

/** What a listing of bookmarks is narrowed to, and how it is ordered (newest bookmark first unless `byWork`). */
export type BookmarkQuery = {
  userId?: number; workId?: number; recOnly?: boolean; withNotes?: boolean;
  /** Bookmarks of works among these (a subquery of work ids: a collection's works). */
  workIdsIn?: RawBuilder<unknown>;
  /** Bookmarker's tags, folded: a bookmark needs each. */
  tagKeys?: string[];
  /** The work listings' filter and sort (works.workNarrowing); a narrowing filter leaves external works out. */
  works?: WorkNarrowing;
  /** Order by the work's sort value (external works and series last) instead of by when bookmarked. */
  byWork?: boolean;
  seriesId?: number;
  /** Which series the viewer may see (series.seriesVisibleCondition): without it, no bookmark of a series is listed. */
  seriesVisible?: (seriesId: Expression<number | null>) => Expression<SqlBool>;
  /** Leaves out bookmarks of works the reader muted (works/mute.service.ts notMutedWork). */
  notMuted?: (workId: Expression<number | null>) => Expression<SqlBool>;
};

function visible(db: Db, scope: Scope, q: BookmarkQuery) {
  let query = db.selectFrom('bookmarks')
    .innerJoin('users', 'users.id', 'bookmarks.user_id')
    .leftJoin('pseuds', 'pseuds.id', 'bookmarks.pseud_id')
    .leftJoin('works', 'works.id', 'bookmarks.work_id')
    // A bookmark of a work (or series) this viewer may not see is not shown to them; a private one only to its owner.
    .where((eb) => eb.or([
      eb.and([eb('bookmarks.work_id', 'is', null), eb('bookmarks.series_id', 'is', null)]),
      workVisibleTo(scope),
      ...(q.seriesVisible === undefined ? [] : [eb.and([eb('bookmarks.series_id', 'is not', null), q.seriesVisible(eb.ref('bookmarks.series_id'))])]),
    ]))
    .where((eb) => eb.or([eb('bookmarks.private', '=', 0), ...(scope.userId === null ? [] : [eb('bookmarks.user_id', '=', scope.userId)])]));
  if (q.userId !== undefined) query = query.where('bookmarks.user_id', '=', q.userId);
  if (q.workId !== undefined) query = query.where('bookmarks.work_id', '=', q.workId);
  if (q.workIdsIn !== undefined) query = query.where(sql<SqlBool>`bookmarks.work_id in (${q.workIdsIn})`);
  if (q.seriesId !== undefined) query = query.where('bookmarks.series_id', '=', q.seriesId);
  if (q.recOnly === true) query = query.where('bookmarks.rec', '=', 1);
  if (q.withNotes === true) query = query.where('bookmarks.notes', '!=', '');
  for (const key of q.tagKeys ?? []) query = query.where('bookmarks.id', 'in', (eb) => eb.selectFrom('bookmark_tags').select('bookmark_id').where('name_key', '=', key));
  const matches = q.works?.matches;
  if (matches != null) query = query.where((eb) => matches(eb.ref('bookmarks.work_id')));
  const notMuted = q.notMuted;
  if (notMuted !== undefined) query = query.where((eb) => eb.or([eb('bookmarks.work_id', 'is', null), notMuted(eb.ref('bookmarks.work_id'))]));
  return query;
}

/** A page of bookmarks the scope may see, newest first. */
export async function listBookmarks(db: Db, scope: Scope, q: BookmarkQuery, limit: number, offset: number): Promise<BookmarkRecord[]> {
  let query = visible(db, scope, q).selectAll('bookmarks').select(['users.login as login', 'pseuds.name as pseud_name']);
  if (q.byWork === true && q.works !== undefined) {
    const direction = q.works.direction;
    query = query.orderBy(sql`case when works.id is null then 1 else 0 end`).orderBy(q.works.sortValue, direction).orderBy('bookmarks.work_id', direction);
  }
  const rows = await query.orderBy('bookmarks.id', 'desc').limit(limit).offset(offset).execute();
  const tags = await tagsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
}

export async function countBookmarks(db: Db, scope: Scope, q: BookmarkQuery): Promise<number> {
  const row = await visible(db, scope, q).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function tagsOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('bookmark_tags').select(['bookmark_id', 'name']).where('bookmark_id', 'in', ids).orderBy('bookmark_id').orderBy('position').execute();
  for (const row of rows) map.set(row.bookmark_id, [...(map.get(row.bookmark_id) ?? []), row.name]);
  return map;
}

/** One bookmark with its owner and tags, whoever may see it (the service decides). */
export async function findBookmark(db: Db, id: number): Promise<BookmarkRecord | undefined> {
  const row = await db.selectFrom('bookmarks').innerJoin('users', 'users.id', 'bookmarks.user_id').leftJoin('pseuds', 'pseuds.id', 'bookmarks.pseud_id')
    .selectAll('bookmarks').select(['users.login as login', 'pseuds.name as pseud_name']).where('bookmarks.id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  return { ...row, tags: (await tagsOf(db, [id])).get(id) ?? [] };
}

/** This member's bookmark of a work, if they made one. */
export async function findOwnBookmark(db: Db, userId: number, workId: number): Promise<BookmarkRow | undefined> {
  return db.selectFrom('bookmarks').selectAll().where('user_id', '=', userId).where('work_id', '=', workId).executeTakeFirst();
}

/** This member's bookmark of a series, if they made one. */
export async function findOwnSeriesBookmark(db: Db, userId: number, seriesId: number): Promise<BookmarkRow | undefined> {
  return db.selectFrom('bookmarks').selectAll().where('user_id', '=', userId).where('series_id', '=', seriesId).executeTakeFirst();
}

export async function insertBookmark(db: Db, row: Insertable<BookmarkTable>): Promise<number> {
  return (await db.insertInto('bookmarks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateBookmark(db: Db, id: number, patch: Pick<BookmarkRow, 'notes' | 'rec' | 'private' | 'pseud_id' | 'updated_at'>): Promise<void> {
  await db.updateTable('bookmarks').set(patch).where('id', '=', id).execute();
}

export async function deleteBookmarkRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('bookmarks').where('id', '=', id).execute();
}

/** Replaces a bookmark's tags. */
export async function setBookmarkTags(db: Db, id: number, tags: Array<{ name: string; key: string }>): Promise<void> {
  await db.deleteFrom('bookmark_tags').where('bookmark_id', '=', id).execute();
  if (tags.length > 0) await db.insertInto('bookmark_tags').values(tags.map((t, position) => ({ bookmark_id: id, name: t.name, name_key: t.key, position }))).execute();
}

export async function insertExternalWork(db: Db, row: Insertable<ExternalWorkTable>): Promise<number> {
  return (await db.insertInto('external_works').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findExternalWorks(db: Db, ids: number[]): Promise<Map<number, ExternalWorkRow>> {
  if (ids.length === 0) return new Map();
  return new Map((await db.selectFrom('external_works').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
}

/** The scope may see this work (for bookmarking it). */
export async function workIsVisible(db: Db, scope: Scope, workId: number): Promise<boolean> {
  return (await db.selectFrom('works').select(sql<number>`1`.as('one')).where('id', '=', workId).where(workVisibleTo(scope)).executeTakeFirst()) !== undefined;
}
