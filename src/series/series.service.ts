// Series: a creator gathers works in order under one title, with a description and notes. Readers
// see a series only through its works: the works of it they may see, numbered among themselves,
// and its creators as those works show them; a series none of whose works they may see does not
// exist for them. Anything a work's page shows about its series moves the content version of the
// series' works, so cached pages and downloads follow.
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { Viewer } from '../access/viewer.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { Database, Db, SeriesRow } from '../db/database.js';
import { emit, inTransaction, onWrite } from '../events/bus.js';
import { forbidden, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine } from '../lib/text.js';
import { worksInOrder } from '../works/reading.service.js';
import type { SeriesPlacement } from '../works/work-series.js';
import type { Creator, ShownWork } from '../works/work.model.js';
import { refreshWorkPages } from '../works/work.service.js';
import * as repo from './series.repository.js';

export const SERIES_TITLE_MAX = 240;
export const SERIES_SUMMARY_MAX = 1250;
export const SERIES_NOTES_MAX = 5000;

/** A series as one viewer sees it. */
export type SeriesView = {
  id: number; title: string; summary: string; notes: string; complete: boolean;
  /** The works the viewer may see, in order. */
  works: ShownWork[];
  /** Its creators as its works show them, each once, in the order they first appear. */
  creators: Creator[];
  begun: string | null; updated: string | null; words: number;
  /** The viewer may change it. */
  canChange: boolean;
};

export type SeriesInput = { title: string; summary: string; notes: string; complete: boolean };

function creatorsOf(works: ShownWork[]): Creator[] {
  const seen = new Map<string, Creator>();
  for (const work of works) for (const creator of work.creators) seen.set(`${creator.login}/${creator.pseud}`, seen.get(`${creator.login}/${creator.pseud}`) ?? creator);
  return [...seen.values()];
}

function viewOf(row: SeriesRow, works: ShownWork[], canChange: boolean): SeriesView {
  const dates = works.flatMap((w) => (w.publishedOn === null ? [] : [w.publishedOn])).sort();
  const updates = works.flatMap((w) => [w.updatedOn ?? w.publishedOn ?? '']).filter((d) => d !== '').sort();
  return {
    id: row.id, title: row.title, summary: row.summary, notes: row.notes, complete: row.complete === 1, works, creators: creatorsOf(works),
    begun: dates[0] ?? null, updated: updates.at(-1) ?? null, words: works.reduce((sum, w) => sum + w.wordCount, 0), canChange,
  };
}

async function mayChange(db: Db, viewer: Viewer, seriesId: number): Promise<boolean> {
  return viewer.user !== null && repo.canChangeSeries(db, viewer.user.id, seriesId);
}

/** A series as the viewer sees it: 404 when none of its works is theirs to see (and they may not change it). */
export async function getSeriesForReader(db: Db, viewer: Viewer, seriesId: number): Promise<SeriesView> {
  const row = Number.isSafeInteger(seriesId) ? await repo.findSeries(db, seriesId) : undefined;
  if (row === undefined) throw notFound();
  const ids = await repo.visibleSeriesWorkIds(db, scopeOf(viewer), seriesId);
  const canChange = await mayChange(db, viewer, seriesId);
  if (ids.length === 0 && !canChange) throw notFound();
  return viewOf(row, await worksInOrder(db, viewer, ids), canChange);
}

/** The series holding a member's works, as the viewer sees them, newest first. */
export async function seriesByCreator(db: Db, viewer: Viewer, login: string): Promise<{ login: string; series: SeriesView[] }> {
  const user = await getUserByLogin(db, login);
  const ids = await repo.seriesIdsByCreator(db, scopeOf(viewer), user.id);
  const series = await Promise.all(ids.map((id) => getSeriesForReader(db, viewer, id)));
  return { login: user.login, series };
}

/** Where each of these works stands in its series, as the viewer sees them ("Part 2 of"), in one query. */
export async function placementsOfWorks(db: Db, viewer: Viewer, workIds: number[]): Promise<Map<number, SeriesPlacement[]>> {
  const bySeries = new Map<number, { title: string; ids: number[] }>();
  for (const row of await repo.visibleSeriesOfWorks(db, scopeOf(viewer), workIds)) {
    const series = bySeries.get(row.series_id) ?? { title: row.title, ids: [] };
    series.ids.push(row.work_id);
    bySeries.set(row.series_id, series);
  }
  const placements = new Map<number, SeriesPlacement[]>();
  for (const [seriesId, { title, ids }] of bySeries) {
    for (const workId of workIds) {
      const at = ids.indexOf(workId);
      if (at === -1) continue;
      placements.set(workId, [...(placements.get(workId) ?? []), { seriesId, title, part: at + 1, previous: ids[at - 1] ?? null, next: ids[at + 1] ?? null }]);
    }
  }
  return placements;
}

/** Where a work stands in each of its series, as the viewer sees them (the work page's "Part 2 of"). */
export async function placementsOf(db: Db, viewer: Viewer, workId: number): Promise<SeriesPlacement[]> {
  return (await placementsOfWorks(db, viewer, [workId])).get(workId) ?? [];
}

/** For listings of things that hold series (bookmarks): a condition on a series id column, true where the viewer may see the series. */
export function seriesVisibleCondition(viewer: Viewer): ReturnType<typeof repo.seriesVisibleTo> {
  return repo.seriesVisibleTo(scopeOf(viewer));
}

/** The series a work is in, by title (for telling their subscribers of a new part). */
export function seriesOfWork(db: Db, workId: number): Promise<Array<{ id: number; title: string }>> {
  return repo.seriesOfWork(db, workId);
}

/** A series' title, whoever asks (for an email about it), or undefined. */
export async function seriesTitle(db: Db, seriesId: number): Promise<string | undefined> {
  return (await repo.findSeries(db, seriesId))?.title;
}

/** The series a member may add a work to, for the form's choice. */
export function seriesToChoose(db: Db, viewer: Viewer): Promise<Array<{ id: number; title: string }>> {
  return repo.changeableSeries(db, requireUser(viewer).id);
}

function checkSeries(input: SeriesInput, fields: FieldErrors): SeriesInput {
  const title = cleanLine(input.title);
  if (title === '') fields.title = 'Give the series a title.';
  else if (charLength(title) > SERIES_TITLE_MAX) fields.title = `A series title can be at most ${SERIES_TITLE_MAX} characters long.`;
  if (charLength(input.summary) > SERIES_SUMMARY_MAX) fields.summary = `The description can be at most ${SERIES_SUMMARY_MAX.toLocaleString('en-US')} characters long.`;
  if (charLength(input.notes) > SERIES_NOTES_MAX) fields.notes = `Notes can be at most ${SERIES_NOTES_MAX.toLocaleString('en-US')} characters long.`;
  return { title, summary: sanitizeHtml(input.summary), notes: sanitizeHtml(input.notes), complete: input.complete };
}

/** A position as typed: empty for "at the end", else a whole number from 1. */
function positionOf(raw: string, fields: FieldErrors, field: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) {
    fields[field] = 'Give a whole number from 1, or leave it empty to add the work at the end.';
    return null;
  }
  return Number(text);
}

/** How a creator adds a work to a series: one of theirs, or a new one by its title; at a position or at the end. */
export type AddToSeriesInput = { seriesId: number | null; newTitle: string; position: string };

/** Adds one of the viewer's works to a series (a new one when no series is chosen); returns the series' id. */
export async function addWorkToSeries(db: Kysely<Database>, viewer: Viewer, workId: number, input: AddToSeriesInput): Promise<number> {
  const user = requireUser(viewer);
  await requireCreator(db, viewer, workId);
  const fields: FieldErrors = {};
  const position = positionOf(input.position, fields, 'position');
  const title = cleanLine(input.newTitle);
  if (input.seriesId === null) {
    if (title === '') fields.series_id = 'Choose one of your series, or give a title for a new one.';
    else if (charLength(title) > SERIES_TITLE_MAX) fields.new_title = `A series title can be at most ${SERIES_TITLE_MAX} characters long.`;
  } else if (!(await repo.canChangeSeries(db, user.id, input.seriesId))) {
    fields.series_id = 'Choose one of your own series.';
  } else if ((await repo.seriesWorks(db, input.seriesId)).some((w) => w.work_id === workId)) {
    fields.series_id = 'This work is already in that series: change its place from the series’ Edit page.';
  } else if (position !== null) {
    const holder = await repo.positionHolder(db, input.seriesId, position);
    if (holder !== undefined) fields.position = `Part ${position} of that series is already “${holder.title}”. Choose another part, or leave it empty to add this work at the end.`;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const seriesId = input.seriesId ?? await repo.insertSeries(trx, { title, created_by: user.id, created_at: now, updated_at: now });
    await repo.addSeriesWork(trx, seriesId, workId, position ?? (await repo.lastPosition(trx, seriesId)) + 1);
    await repo.updateSeries(trx, seriesId, { updated_at: now });
    await refreshWorkPages(trx, (await repo.seriesWorks(trx, seriesId)).map((w) => w.work_id));
    await emit(trx, { type: 'series.extended', seriesId, workId });
    return seriesId;
  });
}

async function requireChangeable(db: Db, viewer: Viewer, seriesId: number): Promise<SeriesRow> {
  const user = requireUser(viewer);
  const row = Number.isSafeInteger(seriesId) ? await repo.findSeries(db, seriesId) : undefined;
  if (row === undefined) throw notFound();
  if (!(await repo.canChangeSeries(db, user.id, seriesId))) {
    // Someone who may not even see the series learns nothing of it.
    if ((await repo.visibleSeriesWorkIds(db, scopeOf(viewer), seriesId)).length === 0) throw notFound();
    throw forbidden('Only the creators of a series’ works can change it.');
  }
  return row;
}

/** The series as its editor changes it: every work in it, in order, with its part. */
export async function seriesForEditing(db: Db, viewer: Viewer, seriesId: number): Promise<{ row: SeriesRow; works: Array<{ id: number; title: string; position: number }> }> {
  const row = await requireChangeable(db, viewer, seriesId);
  const placed = await repo.seriesWorks(db, seriesId);
  const shown = new Map((await worksInOrder(db, viewer, placed.map((w) => w.work_id))).map((w) => [w.id, w.title]));
  // A work of someone else's the editor may not see keeps its place without its title.
  return { row, works: placed.map((w) => ({ id: w.work_id, title: shown.get(w.work_id) ?? 'A work you cannot see', position: w.position })) };
}

/** What the series' Edit page sends: its words, and each work's part (or its removal). */
export type SeriesEdit = SeriesInput & { positions: Map<number, string>; remove: Set<number> };

/** Changes a series: its title, description, notes and completeness, and the order of its works. */
export async function editSeries(db: Kysely<Database>, viewer: Viewer, seriesId: number, edit: SeriesEdit): Promise<void> {
  await requireChangeable(db, viewer, seriesId);
  const fields: FieldErrors = {};
  const clean = checkSeries(edit, fields);
  const placed = await repo.seriesWorks(db, seriesId);
  const positions = new Map<number, number>();
  const taken = new Map<number, number>();
  for (const { work_id: workId, position: current } of placed) {
    if (edit.remove.has(workId)) continue;
    const field = `position_${workId}`;
    const raw = edit.positions.get(workId) ?? String(current);
    const wanted = raw.trim() === '' ? null : positionOf(raw, fields, field);
    if (wanted === null) {
      fields[field] ??= 'Give each work its part: a whole number from 1.';
      continue;
    }
    const other = taken.get(wanted);
    if (other !== undefined) fields[field] = `Part ${wanted} is given to two works: give each its own part.`;
    taken.set(wanted, workId);
    positions.set(workId, wanted);
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await inTransaction(db, async (trx) => {
    for (const workId of edit.remove) await repo.removeSeriesWork(trx, seriesId, workId);
    await repo.setPositions(trx, seriesId, positions);
    await repo.updateSeries(trx, seriesId, { ...clean, complete: clean.complete ? 1 : 0, updated_at: nowIso() });
    await refreshWorkPages(trx, placed.map((w) => w.work_id));
  });
}

/** Deletes a series (its works stay, out of it). */
export async function deleteSeries(db: Kysely<Database>, viewer: Viewer, seriesId: number): Promise<void> {
  await requireChangeable(db, viewer, seriesId);
  await inTransaction(db, async (trx) => {
    const placed = await repo.seriesWorks(trx, seriesId);
    await repo.deleteSeries(trx, seriesId);
    await refreshWorkPages(trx, placed.map((w) => w.work_id));
  });
}

/**
 * Called once by wiring.ts: when a work changes (posted, made a draft, retitled, deleted), the
 * works sharing a series with it show it as a neighbour, so their pages are made again too; a
 * deleted work then leaves its series.
 */
export function subscribeSeriesUpkeep(): () => void {
  return onWrite('work.saved', async (trx, event) => {
    await refreshWorkPages(trx, (await repo.worksSharingSeries(trx, event.workId)).filter((id) => id !== event.workId));
    if (!(await repo.workExists(trx, event.workId))) await repo.removeWorkEverywhere(trx, event.workId);
  });
}
