// Bookmarks: a member keeps a work (here, or elsewhere by its address) with notes, their own tags,
// a rec flag and a private flag. Only what the viewer may see is ever listed: a bookmark of a
// draft or a registered-users-only work follows the work's rule, and a private one is its owner's
// alone. A work's public bookmarks are counted with its stats.
import type { Kysely } from 'kysely';
import { requireReadable, requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { Viewer, ViewerUser } from '../access/viewer.js';
import type { BookmarkRow, Database, Db, ExternalWorkRow } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { forbidden, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { mutesOf, notMutedWork } from '../works/mute.service.js';
import { nowIso } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine, foldKey } from '../lib/text.js';
import { splitTagField, tagListProblem, USER_TAGS_MAX } from '../tags/tag.validation.js';
import { PER_PAGE, worksInOrder, type Page } from '../works/reading.service.js';
import { countInTransaction } from '../works/work-counter.service.js';
import type { ShownWork } from '../works/work.model.js';
import { resolvePseuds } from '../works/work.service.js';
import { getSeriesForReader, seriesVisibleCondition, type SeriesView } from '../series/series.service.js';
import * as repo from './bookmark.repository.js';
import type { BookmarkQuery, BookmarkRecord } from './bookmark.repository.js';

export const BOOKMARK_NOTES_MAX = 5000;
export const EXTERNAL_RATINGS = ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit'] as const;

export type BookmarkInput = { notes: string; tags: string; rec: boolean; private: boolean; pseudId: number | null };
export type ExternalInput = { url: string; title: string; creator: string; fandoms: string; rating: string; summary: string };

/** A bookmark as one viewer sees it, with the work (here or elsewhere) or series it keeps. */
export type BookmarkView = {
  id: number; login: string; pseud: string; notes: string; tags: string[]; rec: boolean; private: boolean; createdAt: string;
  mine: boolean; work: ShownWork | null; external: ExternalWorkRow | null; series: SeriesView | null;
};

function checkInput(input: BookmarkInput, fields: FieldErrors): { notes: string; tags: string[] } {
  if (charLength(input.notes) > BOOKMARK_NOTES_MAX) fields.notes = `Notes can be at most ${BOOKMARK_NOTES_MAX.toLocaleString('en-US')} characters long.`;
  const tags = splitTagField(input.tags);
  const problem = tags.length > USER_TAGS_MAX ? `A bookmark can have at most ${USER_TAGS_MAX} tags.` : tagListProblem(tags);
  if (problem !== null) fields.tags = problem;
  return { notes: fields.notes === undefined ? sanitizeHtml(input.notes) : '', tags };
}

async function pseudFor(db: Db, viewer: Viewer, pseudId: number | null): Promise<number | null> {
  const [pseud] = await resolvePseuds(db, requireUser(viewer), pseudId === null ? [] : [pseudId]);
  return pseud?.id ?? null;
}

const counted = (isPrivate: boolean): number => (isPrivate ? 0 : 1);

/** What one member keeps one bookmark of: a work here, or a series. */
type Kept = { workId: number } | { seriesId: number };

/**
 * Stores the member's one bookmark of a work or series: a new one, or theirs changed. Inside its
 * transaction, `after` hears what the bookmark was before (a work's count follows its privacy).
 */
async function keepBookmark(
  db: Kysely<Database>, viewer: Viewer, user: ViewerUser, kept: Kept, input: BookmarkInput,
  after: (trx: Db, before: BookmarkRow | undefined) => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const fields: FieldErrors = {};
  const clean = checkInput(input, fields);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const pseudId = await pseudFor(db, viewer, input.pseudId);
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const existing = 'workId' in kept ? await repo.findOwnBookmark(trx, user.id, kept.workId) : await repo.findOwnSeriesBookmark(trx, user.id, kept.seriesId);
    const values = { notes: clean.notes, rec: input.rec ? 1 as const : 0 as const, private: input.private ? 1 as const : 0 as const, pseud_id: pseudId, updated_at: now };
    const target = 'workId' in kept ? { work_id: kept.workId, series_id: null } : { work_id: null, series_id: kept.seriesId };
    const id = existing?.id ?? await repo.insertBookmark(trx, { ...values, ...target, user_id: user.id, external_work_id: null, created_at: now });
    if (existing !== undefined) await repo.updateBookmark(trx, id, values);
    await repo.setBookmarkTags(trx, id, clean.tags.map((name) => ({ name, key: foldKey(name) })));
    await after(trx, existing);
    return id;
  });
}

/** Bookmarks a posted work the viewer may read, or changes their bookmark of it; returns the bookmark's id. */
export async function bookmarkWork(db: Kysely<Database>, viewer: Viewer, workId: number, input: BookmarkInput): Promise<number> {
  const user = requireUser(viewer, 'Log in to bookmark works.');
  const { row } = await requireReadable(db, viewer, workId);
  if (row.posted !== 1) throw notFound('work_not_found');
  return keepBookmark(db, viewer, user, { workId }, input, async (trx, before) => {
    const change = counted(input.private) - (before === undefined ? 0 : counted(before.private === 1));
    if (change !== 0) await countInTransaction(trx, workId, { bookmarks: change });
  });
}

/** Bookmarks a series the viewer may see, or changes their bookmark of it; returns the bookmark's id. */
export async function bookmarkSeries(db: Kysely<Database>, viewer: Viewer, seriesId: number, input: BookmarkInput): Promise<number> {
  const user = requireUser(viewer, 'Log in to bookmark series.');
  await getSeriesForReader(db, viewer, seriesId);
  return keepBookmark(db, viewer, user, { seriesId }, input);
}

/** The viewer's own bookmark of a series, if any. */
export async function ownSeriesBookmarkOf(db: Db, viewer: Viewer, seriesId: number): Promise<BookmarkRecord | undefined> {
  if (viewer.user === null) return undefined;
  const row = await repo.findOwnSeriesBookmark(db, viewer.user.id, seriesId);
  return row === undefined ? undefined : repo.findBookmark(db, row.id);
}

function checkExternal(ext: ExternalInput, fields: FieldErrors): ExternalInput {
  const url = ext.url.trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url) || url.length > 2000) fields.url = 'Enter the work’s address, starting with http:// or https://.';
  const title = cleanLine(ext.title);
  if (title === '' || charLength(title) > 255) fields.title = 'Enter the work’s title (up to 255 characters).';
  const creator = cleanLine(ext.creator);
  if (creator === '' || charLength(creator) > 255) fields.creator = 'Enter who wrote it (up to 255 characters).';
  const fandoms = splitTagField(ext.fandoms);
  if (fandoms.length === 0) fields.fandoms = 'Add at least one fandom.';
  else if (tagListProblem(fandoms) !== null) fields.fandoms = tagListProblem(fandoms) ?? '';
  if (!(EXTERNAL_RATINGS as readonly string[]).includes(ext.rating)) fields.rating = 'Choose a rating.';
  if (charLength(ext.summary) > 1250) fields.summary = 'Summaries can be at most 1,250 characters long.';
  return { url, title, creator, fandoms: fandoms.join(', '), rating: ext.rating, summary: fields.summary === undefined ? sanitizeHtml(ext.summary) : '' };
}

/** Bookmarks a work that lives elsewhere: its address, title, creator, fandoms, rating and summary. */
export async function bookmarkExternal(db: Kysely<Database>, viewer: Viewer, ext: ExternalInput, input: BookmarkInput): Promise<number> {
  const user = requireUser(viewer, 'Log in to bookmark works.');
  const fields: FieldErrors = {};
  const external = checkExternal(ext, fields);
  const clean = checkInput(input, fields);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const pseudId = await pseudFor(db, viewer, input.pseudId);
  const now = nowIso();
  return inTransaction(db, async (trx) => {
    const externalId = await repo.insertExternalWork(trx, { ...external, created_at: now });
    const id = await repo.insertBookmark(trx, {
      user_id: user.id, pseud_id: pseudId, work_id: null, external_work_id: externalId, notes: clean.notes,
      rec: input.rec ? 1 : 0, private: input.private ? 1 : 0, created_at: now, updated_at: now,
    });
    await repo.setBookmarkTags(trx, id, clean.tags.map((name) => ({ name, key: foldKey(name) })));
    return id;
  });
}

/** One bookmark the viewer may see: a private one is its owner's alone, and the work's own rule holds. */
async function visibleBookmark(db: Db, viewer: Viewer, id: number): Promise<BookmarkRecord> {
  const bookmark = Number.isSafeInteger(id) ? await repo.findBookmark(db, id) : undefined;
  if (bookmark === undefined) throw notFound();
  const mine = viewer.user !== null && bookmark.user_id === viewer.user.id;
  if (bookmark.private === 1 && !mine) throw notFound();
  if (bookmark.work_id !== null && !(await repo.workIsVisible(db, scopeOf(viewer), bookmark.work_id))) throw notFound();
  if (bookmark.series_id !== null) await getSeriesForReader(db, viewer, bookmark.series_id);
  return bookmark;
}

async function views(db: Db, viewer: Viewer, records: BookmarkRecord[]): Promise<BookmarkView[]> {
  const works = new Map((await worksInOrder(db, viewer, records.flatMap((r) => (r.work_id === null ? [] : [r.work_id])))).map((w) => [w.id, w]));
  const externals = await repo.findExternalWorks(db, records.flatMap((r) => (r.external_work_id === null ? [] : [r.external_work_id])));
  const series = new Map<number, SeriesView | null>();
  for (const r of records) {
    // The listing kept only series the viewer may see; one gone since is shown as nothing.
    if (r.series_id !== null && !series.has(r.series_id)) series.set(r.series_id, await getSeriesForReader(db, viewer, r.series_id).catch(() => null));
  }
  return records.map((r) => ({
    series: r.series_id === null ? null : series.get(r.series_id) ?? null,
    id: r.id, login: r.login, pseud: r.pseud_name ?? r.login, notes: r.notes, tags: r.tags, rec: r.rec === 1, private: r.private === 1,
    createdAt: r.created_at, mine: viewer.user !== null && viewer.user.id === r.user_id,
    work: r.work_id === null ? null : works.get(r.work_id) ?? null, external: r.external_work_id === null ? null : externals.get(r.external_work_id) ?? null,
  }));
}

/** One bookmark, as the viewer may see it. */
export async function getBookmark(db: Db, viewer: Viewer, id: number): Promise<BookmarkView> {
  const [view] = await views(db, viewer, [await visibleBookmark(db, viewer, id)]);
  if (view === undefined) throw notFound();
  return view;
}

/** A page of bookmarks (a member's, a work's), newest first, as the viewer may see them. */
export async function listBookmarksFor(db: Db, viewer: Viewer, query: BookmarkQuery, page: number, showMuted = false): Promise<Page<BookmarkView>> {
  const scope = scopeOf(viewer);
  // A member's own bookmarks are theirs to see whatever they muted since.
  const mutes = showMuted || (query.userId !== undefined && query.userId === viewer.user?.id) ? null : await mutesOf(db, viewer);
  const shown = { ...query, seriesVisible: seriesVisibleCondition(viewer) };
  const visible = { ...shown, ...(mutes === null ? {} : { notMuted: notMutedWork(mutes) }) };
  const total = await repo.countBookmarks(db, scope, visible);
  const muted = mutes === null ? 0 : await repo.countBookmarks(db, scope, shown) - total;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const records = await repo.listBookmarks(db, scope, visible, PER_PAGE, (current - 1) * PER_PAGE);
  return { items: await views(db, viewer, records), total, page: current, pages, ...(muted > 0 ? { muted } : {}) };
}

/** The viewer's own bookmark, for editing or deleting; others' are not theirs to change. */
async function ownBookmark(db: Db, viewer: Viewer, id: number): Promise<BookmarkRecord> {
  const bookmark = await visibleBookmark(db, viewer, id);
  if (viewer.user === null || bookmark.user_id !== viewer.user.id) throw forbidden('Only the member who made a bookmark can change it.');
  return bookmark;
}

/** Changes one's own bookmark's notes, tags and flags. */
export async function editBookmark(db: Kysely<Database>, viewer: Viewer, id: number, input: BookmarkInput): Promise<void> {
  const bookmark = await ownBookmark(db, viewer, id);
  if (bookmark.work_id !== null) {
    await bookmarkWork(db, viewer, bookmark.work_id, input);
    return;
  }
  const fields: FieldErrors = {};
  const clean = checkInput(input, fields);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const pseudId = await pseudFor(db, viewer, input.pseudId);
  await inTransaction(db, async (trx) => {
    await repo.updateBookmark(trx, id, { notes: clean.notes, rec: input.rec ? 1 : 0, private: input.private ? 1 : 0, pseud_id: pseudId, updated_at: nowIso() });
    await repo.setBookmarkTags(trx, id, clean.tags.map((name) => ({ name, key: foldKey(name) })));
  });
}

/** Deletes one's own bookmark. */
export async function deleteBookmark(db: Kysely<Database>, viewer: Viewer, id: number): Promise<void> {
  const bookmark = await ownBookmark(db, viewer, id);
  await inTransaction(db, async (trx) => {
    await repo.deleteBookmarkRow(trx, id);
    if (bookmark.work_id !== null && bookmark.private === 0) await countInTransaction(trx, bookmark.work_id, { bookmarks: -1 });
  });
}

/** The viewer's own bookmark of a work, if any (the work page's button says Edit Bookmark then). */
export async function ownBookmarkOf(db: Db, viewer: Viewer, workId: number): Promise<BookmarkRecord | undefined> {
  if (viewer.user === null) return undefined;
  const row = await repo.findOwnBookmark(db, viewer.user.id, workId);
  return row === undefined ? undefined : repo.findBookmark(db, row.id);
}
