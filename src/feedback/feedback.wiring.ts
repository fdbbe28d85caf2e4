// What the feedback domain gives the works pages: the kudos line under a work (works/work-feedback.ts).
import type { Db } from '../db/database.js';
import { provideWorkFeedback } from '../works/work-feedback.js';
import { kudosLineGivers } from './kudos.service.js';
import { kudosLineHtml } from './views/kudos-line.js';

/** Called once by wiring.ts. */
export function provideFeedback(): void {
  provideWorkFeedback({ kudosHtml: async (db: Db, workId: number) => kudosLineHtml(workId, await kudosLineGivers(db, workId)) });
}
