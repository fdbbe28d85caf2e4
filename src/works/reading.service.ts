// Reading works: one work and its chapters, and listings, always as the viewer may see them
// (the rule itself is src/access/visibility.ts).
import type { Db, WorkRow } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { requireReadable } from '../access/permissions.js';
import { scopeOf, type Scope } from '../access/scope.js';
import { notFound } from '../http/errors.js';
import { tagsOfWorks, emptyTagsByType } from '../tags/tag.service.js';
import * as chapters from './chapter.repository.js';
import * as works from './work.repository.js';
import type { WorkFilter } from './work-filter.js';
import { toChapterModel, toWorkModel, type ChapterHead, type ChapterModel, type Creator, type WorkModel } from './work.model.js';

export const PER_PAGE = 20;

/** A work as one reader may see it: the chapters listed are only those this reader may read. */
export type ReaderWork = { work: WorkModel; chapters: ChapterHead[]; isCreator: boolean; row: WorkRow; scope: Scope };

function creatorsByWork(rows: works.CreatorRow[]): Map<number, Creator[]> {
  const map = new Map<number, Creator[]>();
  for (const row of rows) {
    const list = map.get(row.work_id) ?? [];
    list.push({ pseud: row.pseud, login: row.login });
    map.set(row.work_id, list);
  }
  return map;
}

/** The work for this viewer: 404 when missing or a draft of someone else, login_required for guests on locked works. */
export async function getWorkForReader(db: Db, viewer: Viewer, workId: number): Promise<ReaderWork> {
  const { row, isCreator } = await requireReadable(db, viewer, workId);
  const scope = scopeOf(viewer);
  const [creatorRows, tags, heads] = await Promise.all([
    works.findCreatorsOfWorks(db, [workId]), tagsOfWorks(db, [workId]), chapters.listVisibleChapterHeads(db, scope, workId),
  ]);
  return {
    work: toWorkModel(row, creatorsByWork(creatorRows).get(workId) ?? [], tags.get(workId) ?? emptyTagsByType()),
    chapters: heads.map((c, i) => ({ id: c.id, number: i + 1, title: c.title, posted: c.posted === 1, publishedOn: c.published_on, wordCount: c.word_count })),
    isCreator, row, scope,
  };
}

/** One chapter of a work the reader may see; 404 when it is not among the readable chapters. */
export async function getChapterForReader(db: Db, reader: ReaderWork, chapterId: number): Promise<ChapterModel> {
  const head = reader.chapters.find((c) => c.id === chapterId);
  const row = head && reader.work.id !== null ? await chapters.findVisibleChapter(db, reader.scope, reader.work.id, chapterId) : undefined;
  if (!head || !row) throw notFound('not_found');
  return toChapterModel(row, head.number);
}

/** Every chapter the reader may see, with text, for "Entire Work". */
export async function getAllChaptersForReader(db: Db, reader: ReaderWork): Promise<ChapterModel[]> {
  if (reader.work.id === null) return [];
  const numbers = new Map(reader.chapters.map((c) => [c.id, c.number]));
  const rows = await chapters.listVisibleChapters(db, reader.scope, reader.work.id);
  return rows.flatMap((row) => {
    const number = numbers.get(row.id);
    return number === undefined ? [] : [toChapterModel(row, number)];
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pages: number };

/** A page of works for a listing, newest update first, scoped to what the viewer may see. */
export async function listWorksForReader(
  db: Db, viewer: Viewer, filter: works.ListingFilter, narrowing: WorkFilter, page: number, perPage = PER_PAGE,
): Promise<Page<WorkModel>> {
  const scope = scopeOf(viewer);
  const total = await works.countWorks(db, scope, filter, narrowing);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await works.listWorks(db, scope, filter, narrowing, perPage, (current - 1) * perPage);
  const ids = rows.map((r) => r.id);
  const [creatorRows, tags] = await Promise.all([works.findCreatorsOfWorks(db, ids), tagsOfWorks(db, ids)]);
  const creators = creatorsByWork(creatorRows);
  const items = rows.map((r) => toWorkModel(r, creators.get(r.id) ?? [], tags.get(r.id) ?? emptyTagsByType()));
  return { items, total, page: current, pages };
}

/** Ids of the works matching a listing, newest first, at most `limit` (search ranks them itself). */
export function matchingWorkIds(db: Db, viewer: Viewer, filter: works.ListingFilter, narrowing: WorkFilter, limit: number): Promise<number[]> {
  return works.listWorkIds(db, scopeOf(viewer), filter, narrowing, limit);
}

/** Works by id, in the order given, as this viewer may see them (with creators and tags). */
export async function worksInOrder(db: Db, viewer: Viewer, ids: number[]): Promise<WorkModel[]> {
  const rows = await works.findVisibleWorks(db, scopeOf(viewer), ids);
  const found = rows.map((r) => r.id);
  const [creatorRows, tags] = await Promise.all([works.findCreatorsOfWorks(db, found), tagsOfWorks(db, found)]);
  const creators = creatorsByWork(creatorRows);
  return rows.map((r) => toWorkModel(r, creators.get(r.id) ?? [], tags.get(r.id) ?? emptyTagsByType()));
}
