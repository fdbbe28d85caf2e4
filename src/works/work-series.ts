// Where a work stands in its series, shown on its page ("Part 2 of ..." with the works before and
// after). The series domain fills this in (wiring.ts), so works never imports series.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';

/** One series a work is in, as this viewer sees it: its part among the works they may see, and its neighbours. */
export type SeriesPlacement = { seriesId: number; title: string; part: number; previous: number | null; next: number | null };

type PlacementSource = (db: Db, viewer: Viewer, workIds: number[]) => Promise<Map<number, SeriesPlacement[]>>;

let source: PlacementSource = () => Promise.resolve(new Map<number, SeriesPlacement[]>());

/** Called once by wiring.ts. */
export function provideSeriesPlacements(next: PlacementSource): void {
  source = next;
}

/** The series a work is in, as the viewer sees them. */
export async function seriesPlacements(db: Db, viewer: Viewer, workId: number): Promise<SeriesPlacement[]> {
  return (await source(db, viewer, [workId])).get(workId) ?? [];
}

/** The series each of these works is in, as the viewer sees them (for listings). */
export function seriesPlacementsOfWorks(db: Db, viewer: Viewer, workIds: number[]): Promise<Map<number, SeriesPlacement[]>> {
  return source(db, viewer, workIds);
}
