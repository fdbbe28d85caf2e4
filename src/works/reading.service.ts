// Reading works: one work and its chapters, listings, and the shape the search index keeps,
// always as the viewer may see them (the rule: src/access/visibility.ts) and shaped for them
// (work-view.ts).
import type { ChapterRow, Db, WorkRow } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { requireReadable } from '../access/permissions.js';
import { worksSeenWhole } from '../access/access.repository.js';
import { MEMBER_SCOPE, scopeOf, type Scope } from '../access/scope.js';
import { isCreatorAmong } from '../access/visibility.js';
import { notFound } from '../http/errors.js';
import { tagsOfWorks, emptyTagsByType } from '../tags/tag.service.js';
import * as chapters from './chapter.repository.js';
import * as works from './work.repository.js';
import { findCounters, noCounters } from './work-counter.repository.js';
import { narrowsAnything, type WorkFilter } from './work-filter.js';
import { toChapterModel, type ChapterHead, type ChapterModel, type ShownWork, type WorkModel } from './work.model.js';
import { ANONYMOUS, workAsSeenBy } from './work-view.js';
import { mutesOf, withMutes } from './mute.service.js';

export const PER_PAGE = 20;

/** A work as one reader may see it: the chapters listed are only those this reader may read. */
export type ReaderWork = { work: ShownWork; chapters: ChapterHead[]; isCreator: boolean; scope: Scope };

/** What a blurb shows of a work that is read by its id alone: its creators, its tags and its counters. */
type AroundRows = [Awaited<ReturnType<typeof works.findCreatorsOfWorks>>, Awaited<ReturnType<typeof tagsOfWorks>>, Awaited<ReturnType<typeof findCounters>>];

function readAround(db: Db, ids: number[]): Promise<AroundRows> {
  return Promise.all([works.findCreatorsOfWorks(db, ids), tagsOfWorks(db, ids), findCounters(db, ids)]);
}

/**
 * Rows the scope may see, shaped for it: creators, tags, counters and (for its own drafts) what
 * the draft holds. `around` is what readAround already started for these rows' ids, if anything.
 */
async function shapeRows(db: Db, scope: Scope, rows: WorkRow[], around?: Promise<AroundRows>): Promise<Array<ShownWork>> {
  // Nothing to shape (a work page with no related works, an empty listing): no queries at all.
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const drafts = rows.filter((r) => r.posted === 0).map((r) => r.id);
  const shrouded = rows.filter((r) => r.anonymous === 1 || r.unrevealed === 1).map((r) => r.id);
  const [[creatorRows, tags, counters], draftTotals, whole] = await Promise.all([
    around ?? readAround(db, ids), chapters.chapterTotals(db, scope, drafts), worksSeenWhole(db, scope, shrouded),
  ]);
  return rows.map((row) => {
    const own = creatorRows.filter((c) => c.work_id === row.id);
    const isCreator = isCreatorAmong(scope, own.map((c) => c.user_id));
    const work = workAsSeenBy({ isCreator, seesCreators: isCreator || whole.has(row.id) }, {
      row, creators: own.map((c) => ({ pseud: c.pseud, login: c.login })), tags: tags.get(row.id) ?? emptyTagsByType(),
      counters: counters.get(row.id) ?? noCounters(), draftTotals: draftTotals.get(row.id) ?? null,
    });
    return { ...work, id: row.id };
  });
}

/** The work for this viewer: 404 when missing or a draft of someone else, login_required for guests on locked works. */
export async function getWorkForReader(db: Db, viewer: Viewer, workId: number): Promise<ReaderWork> {
  const { row, isCreator } = await requireReadable(db, viewer, workId);
  const scope = scopeOf(viewer);
  const [[work], heads] = await Promise.all([shapeRows(db, scope, [row]), chapters.listVisibleChapterHeads(db, scope, workId)]);
  if (work === undefined) throw notFound('work_not_found');
  return {
    work, isCreator, scope,
    chapters: heads.map((c, i) => ({ id: c.id, number: i + 1, title: c.title, posted: c.posted === 1, publishedOn: c.published_on, wordCount: c.word_count })),
  };
}

/** One chapter of a work the reader may see; 404 when it is not among the readable chapters. */
export async function getChapterForReader(db: Db, reader: ReaderWork, chapterId: number): Promise<ChapterModel> {
  const head = reader.chapters.find((c) => c.id === chapterId);
  const row = head ? await chapters.findVisibleChapter(db, reader.scope, reader.work.id, chapterId) : undefined;
  if (!head || !row) throw notFound('not_found');
  return toChapterModel(row, head.number);
}

/** Every chapter the reader may see, with text, for "Entire Work". */
export async function getAllChaptersForReader(db: Db, reader: ReaderWork): Promise<ChapterModel[]> {
  const numbers = new Map(reader.chapters.map((c) => [c.id, c.number]));
  const rows = await chapters.listVisibleChapters(db, reader.scope, reader.work.id);
  return rows.flatMap((row) => {
    const number = numbers.get(row.id);
    return number === undefined ? [] : [toChapterModel(row, number)];
  });
}

/**
 * A work as every member sees it, with the chapters every member may read: what the search index
 * holds (so it never holds a draft, a draft chapter, or what only some viewers see); null when
 * members cannot see the work at all.
 */
export async function getWorkForIndex(db: Db, workId: number): Promise<{ work: WorkModel; chapters: ChapterModel[] } | null> {
  return (await getWorksForIndex(db, [workId])).get(workId) ?? null;
}

/** getWorkForIndex for many works in a few queries (a full rebuild of the index); works members cannot see are left out. */
export async function getWorksForIndex(db: Db, workIds: number[]): Promise<Map<number, { work: WorkModel; chapters: ChapterModel[] }>> {
  const shown = await shapeRows(db, MEMBER_SCOPE, await works.findVisibleWorks(db, MEMBER_SCOPE, workIds));
  const byWork = new Map<number, ChapterRow[]>();
  for (const row of await chapters.listVisibleChaptersOf(db, MEMBER_SCOPE, shown.map((w) => w.id))) {
    const list = byWork.get(row.work_id) ?? [];
    list.push(row);
    byWork.set(row.work_id, list);
  }
  return new Map(shown.map((work) => [work.id, { work, chapters: (byWork.get(work.id) ?? []).map((row, i) => toChapterModel(row, i + 1)) }]));
}

/** A page of a listing; `muted`: how many more works match that the reader's mutes left out. */
export type Page<T> = { items: T[]; total: number; page: number; pages: number; muted?: number };

/** A page of works for a listing, newest update first, scoped to what the viewer may see and without what they muted. */
export async function listWorksForReader(
  db: Db, viewer: Viewer, listingFilter: works.ListingFilter, listingNarrowing: WorkFilter, page: number, perPage = PER_PAGE,
): Promise<Page<ShownWork>> {
  const scope = scopeOf(viewer);
  const mutes = listingFilter.ignoreMutes === true ? null : await mutesOf(db, viewer);
  const { filter, narrowing } = mutes === null ? { filter: listingFilter, narrowing: listingNarrowing } : withMutes(listingFilter, listingNarrowing, mutes);
  const total = await works.countWorks(db, scope, filter, narrowing);
  const muted = mutes === null ? 0 : await works.countWorks(db, scope, listingFilter, listingNarrowing) - total;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await works.listWorks(db, scope, filter, narrowing, perPage, (current - 1) * perPage);
  return { items: await shapeRows(db, scope, rows), total, page: current, pages, ...(muted > 0 ? { muted } : {}) };
}

/** Ids of the works matching a listing, newest first, at most `limit`, without what the reader muted (search ranks them itself). */
export async function matchingWorkIds(db: Db, viewer: Viewer, listingFilter: works.ListingFilter, listingNarrowing: WorkFilter, limit: number): Promise<number[]> {
  const mutes = listingFilter.ignoreMutes === true ? null : await mutesOf(db, viewer);
  const { filter, narrowing } = mutes === null ? { filter: listingFilter, narrowing: listingNarrowing } : withMutes(listingFilter, listingNarrowing, mutes);
  return works.listWorkIds(db, scopeOf(viewer), filter, narrowing, limit);
}

/** How many works a listing would hold for this viewer (mutes applied), counting no further than `limit`. */
export async function countMatchingUpTo(db: Db, viewer: Viewer, listingFilter: works.ListingFilter, listingNarrowing: WorkFilter, limit: number): Promise<number> {
  const mutes = listingFilter.ignoreMutes === true ? null : await mutesOf(db, viewer);
  const { filter, narrowing } = mutes === null ? { filter: listingFilter, narrowing: listingNarrowing } : withMutes(listingFilter, listingNarrowing, mutes);
  return works.countWorksUpTo(db, scopeOf(viewer), filter, narrowing, limit);
}

/** A work filter as another listing of works' holders (bookmarks) applies it, for this viewer. */
export type WorkNarrowing = {
  /** Null when the filter narrows nothing. */
  matches: ReturnType<typeof works.workMatches> | null;
  /** The sort's value, for a query with `works` joined. */
  sortValue: ReturnType<typeof works.workSortValue>;
  direction: 'asc' | 'desc';
};

/** The filter, as a condition on work ids and a sort value, over what the viewer may see. */
export function workNarrowing(viewer: Viewer, narrowing: WorkFilter): WorkNarrowing {
  return {
    matches: narrowsAnything(narrowing) ? works.workMatches(scopeOf(viewer), narrowing) : null,
    sortValue: works.workSortValue(narrowing), direction: narrowing.direction,
  };
}

/** Works by id, in the order given, as this viewer may see them. */
export async function worksInOrder(db: Db, viewer: Viewer, ids: number[]): Promise<Array<ShownWork>> {
  if (ids.length === 0) return [];
  const scope = scopeOf(viewer);
  // What is read by id alone is read beside the rows rather than after them (on PostgreSQL, on the
  // pool's other connections): a search page's twenty blurbs waited for three round trips in a row.
  // Only the rows the scope may see are shaped; what was read for any other id is dropped.
  const around = readAround(db, ids);
  around.catch(() => undefined);
  return shapeRows(db, scope, await works.findVisibleWorks(db, scope, ids), around);
}

/** The id of the work a chapter belongs to (AO3's /chapters/:id addresses); who may see it is decided by getWorkForReader. */
export async function workIdOfChapter(db: Db, chapterId: number): Promise<number> {
  const workId = await chapters.findChapterWork(db, chapterId);
  if (workId === undefined) throw notFound();
  return workId;
}

/** What email may say of a work: its creators' accounts (to tell them), and how it may be told to others. */
export type WorkNotice = {
  title: string; creatorIds: number[];
  /** The byline others are shown: "Anonymous" for a work of an anonymous collection. */
  byline: string[];
  posted: boolean;
  /** Its creators are hidden: nobody but they may be told of it as theirs (no "new work by" email). */
  anonymous: boolean;
  /** In an unrevealed collection: nobody but its creators may be told of it at all until it is revealed. */
  unrevealed: boolean;
  /** Others may be told of it: posted, revealed, and neither hidden by moderators nor held for their review. */
  tellable: boolean;
};

/** A work's title and its creators' accounts (for telling them about comments), whoever asks: callers decide who is told. */
export async function workForNotice(db: Db, workId: number): Promise<WorkNotice | undefined> {
  const row = await works.findWork(db, workId);
  if (row === undefined) return undefined;
  const creators = await works.findCreatorsOfWorks(db, [workId]);
  const anonymous = row.anonymous === 1;
  return {
    title: row.title, creatorIds: [...new Set(creators.map((c) => c.user_id))], byline: anonymous ? [ANONYMOUS.pseud] : creators.map((c) => c.pseud),
    posted: row.posted === 1, anonymous, unrevealed: row.unrevealed === 1, tellable: row.posted === 1 && row.unrevealed === 0 && row.hidden === 0,
  };
}

/** A chapter's place and title (for telling subscribers of it). */
export async function chapterForNotice(db: Db, workId: number, chapterId: number): Promise<{ number: number; title: string } | undefined> {
  const heads = (await chapters.listChapterHeads(db, workId)).filter((c) => c.posted === 1);
  const at = heads.findIndex((c) => c.id === chapterId);
  const head = heads[at];
  return head === undefined ? undefined : { number: at + 1, title: head.title };
}
