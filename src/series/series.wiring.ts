// What the series domain gives the works pages: where a work stands in its series
// (works/work-series.ts).
import { provideSeriesPlacements } from '../works/work-series.js';
import { placementsOfWorks } from './series.service.js';

/** Called once by wiring.ts. */
export function provideSeries(): void {
  provideSeriesPlacements(placementsOfWorks);
}
