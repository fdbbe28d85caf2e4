// What readers have said about a work, shown under it. The feedback domain fills this in
// (wiring.ts), so works never imports feedback and feedback can count through works.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import type { PageContext } from '../http/context.js';
import type { ReaderWork } from './reading.service.js';

/** What the work page asks of the comments area. */
export type WorkCommentsRequest = {
  db: Db; viewer: Viewer; ctx: PageContext; reader: ReaderWork;
  /** The chapter shown; null for the entire work. */
  chapterId: number | null;
  /** This page's address without show_comments. */
  pagePath: string;
  /** The reader asked to see the comments (?show_comments=true). */
  show: boolean;
};

export type WorkFeedbackSource = {
  /** The "… left kudos on this work!" line as HTML, the same for every reader of the work. */
  kudosHtml: (db: Db, workId: number) => Promise<string>;
  /** The comments area as HTML: the Comments (N) link, the threads when shown, and the form. */
  commentsHtml: (request: WorkCommentsRequest) => Promise<string>;
  /** The viewer's subscription to a work or a creator (its id), or null. */
  subscriptionId: (db: Db, viewer: Viewer, kind: 'work' | 'creator' | 'series', targetId: number) => Promise<number | null>;
  /** Whether the viewer marked the work for later. */
  markedForLater: (db: Db, viewer: Viewer, workId: number) => Promise<boolean>;
  /** Which of these works gained chapters since the viewer last read them (the listing badge). */
  updatedSinceRead: (db: Db, viewer: Viewer, works: ReadonlyArray<{ id: number; chapterCount: number }>) => Promise<Set<number>>;
  /** Notes that a work was read (for its hits); must cost next to nothing. */
  recordRead: (db: Db, read: WorkRead) => void;
};

/** A read of a work's page, as the hit counter needs it. */
export type WorkRead = { workId: number; userId: number | null; address: string; userAgent: string; isCreator: boolean };

let source: WorkFeedbackSource = {
  kudosHtml: () => Promise.resolve(''), commentsHtml: () => Promise.resolve(''), subscriptionId: () => Promise.resolve(null),
  markedForLater: () => Promise.resolve(false), updatedSinceRead: () => Promise.resolve(new Set()), recordRead: () => undefined,
};

/** Called once by wiring.ts. */
export function provideWorkFeedback(next: WorkFeedbackSource): void {
  source = next;
}

/** The kudos line of a work, as HTML. */
export function workKudosHtml(db: Db, workId: number): Promise<string> {
  return source.kudosHtml(db, workId);
}

/** The comments area of a work page, as HTML. */
export function workCommentsHtml(request: WorkCommentsRequest): Promise<string> {
  return source.commentsHtml(request);
}

/** The viewer's subscription to a work or a creator, for the Subscribe / Unsubscribe button. */
export function viewerSubscription(db: Db, viewer: Viewer, kind: 'work' | 'creator' | 'series', targetId: number): Promise<number | null> {
  return source.subscriptionId(db, viewer, kind, targetId);
}

/** Tells the hit counter of a read. */
export function recordRead(db: Db, read: WorkRead): void {
  source.recordRead(db, read);
}

/** Whether the viewer marked a work for later, for the Mark for Later button. */
export function viewerMarkedForLater(db: Db, viewer: Viewer, workId: number): Promise<boolean> {
  return source.markedForLater(db, viewer, workId);
}

/** The works of a listing that gained chapters since the viewer last read them. */
export function worksUpdatedSinceRead(db: Db, viewer: Viewer, works: ReadonlyArray<{ id: number | null; chapterCount: number }>): Promise<Set<number>> {
  return source.updatedSinceRead(db, viewer, works.flatMap((w) => (w.id === null ? [] : [{ id: w.id, chapterCount: w.chapterCount }])));
}
