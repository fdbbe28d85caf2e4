// What a listing shows on a work's blurb for this viewer beyond the work itself: "Updated since you
// last read" (feedback) and "Part 2 of ..." for each series (series), fetched for the whole page at once.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { worksUpdatedSinceRead } from './work-feedback.js';
import { seriesPlacementsOfWorks, type SeriesPlacement } from './work-series.js';

export type ListingMarks = { updated: ReadonlySet<number>; series: ReadonlyMap<number, SeriesPlacement[]> };

export const NO_MARKS: ListingMarks = { updated: new Set(), series: new Map() };

/** The marks of a page of works, as this viewer sees them. */
export function listingMarks(db: Db, viewer: Viewer, works: ReadonlyArray<{ id: number | null; chapterCount: number }>): Promise<ListingMarks> {
  return marksBeside(db, viewer, works.flatMap((w) => (w.id === null ? [] : [w.id])), Promise.resolve(works));
}

/**
 * The marks of a page of works known by id while the works themselves are still being read: the
 * series only need the ids, so they are read at the same time (a search page waits for one round
 * trip fewer).
 */
export async function marksBeside(db: Db, viewer: Viewer, ids: number[], works: Promise<ReadonlyArray<{ id: number | null; chapterCount: number }>>): Promise<ListingMarks> {
  const [updated, series] = await Promise.all([works.then((shown) => worksUpdatedSinceRead(db, viewer, shown)), seriesPlacementsOfWorks(db, viewer, ids)]);
  return { updated, series };
}
