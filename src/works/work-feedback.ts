// What readers have said about a work, shown under it. The feedback domain fills this in
// (wiring.ts), so works never imports feedback and feedback can count through works.
import type { Db } from '../db/database.js';

export type WorkFeedbackSource = {
  /** The "… left kudos on this work!" line as HTML, the same for every reader of the work. */
  kudosHtml: (db: Db, workId: number) => Promise<string>;
};

let source: WorkFeedbackSource = { kudosHtml: () => Promise.resolve('') };

/** Called once by wiring.ts. */
export function provideWorkFeedback(next: WorkFeedbackSource): void {
  source = next;
}

/** The kudos line of a work, as HTML. */
export function workKudosHtml(db: Db, workId: number): Promise<string> {
  return source.kudosHtml(db, workId);
}
