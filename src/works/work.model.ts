// What readers see of a work and its chapters. A stored work becomes a WorkModel only through
// work-view.ts (the work as one viewer sees it); an unsaved preview builds one from its form.
import type { ChapterRow, CommentPermission } from '../db/database.js';
import type { TagsByType } from '../tags/tag.service.js';
import type { WorkCounters } from './work-counter.repository.js';

/** A creator as shown: a pseud of a member, or (login null) "Anonymous", which has no page. */
export type Creator = { pseud: string; login: string | null };

export type WorkModel = {
  /** null for an unsaved preview */
  id: number | null;
  title: string; summary: string; notes: string; endNotes: string;
  language: string; restricted: boolean; commentPermission: CommentPermission; posted: boolean;
  /** New comments wait for the creators' approval. */
  commentsModerated: boolean;
  wordCount: number; chapterCount: number; expectedChapters: number | null; complete: boolean;
  publishedOn: string | null; updatedOn: string | null;
  /** the exact time of the last update (ISO-8601), for feeds */
  revisedAt: string | null;
  /** when anything the work says last changed (ISO-8601), for downloads' metadata */
  modifiedAt: string | null;
  /** moves with what the work says, never with its counters: keys cached pages, downloads and the search document */
  contentVersion: number;
  creators: Creator[]; tags: TagsByType;
  /** In an anonymous collection: its creators are shown only to themselves and its maintainers. */
  anonymous: boolean;
  /** In an unrevealed collection: only its creators and the maintainers see it. */
  unrevealed: boolean;
  /** Hidden by the archive's moderators (only its creators see it), and why; '' when not hidden. */
  hiddenReason: string | null;
  /** Held for the moderators' review by the spam checks (hiddenReason is then ''): only its creators see it. */
  heldForReview: boolean;
  counters: WorkCounters;
};

/** A stored work as a viewer is shown it (a preview has no id). */
export type ShownWork = WorkModel & { id: number };

export type ChapterModel = {
  id: number | null;
  /** 1-based number among the chapters this reader can see */
  number: number;
  title: string; summary: string; notes: string; endNotes: string; content: string;
  posted: boolean; publishedOn: string | null; wordCount: number;
};

export type ChapterHead = Pick<ChapterModel, 'id' | 'number' | 'title' | 'posted' | 'publishedOn' | 'wordCount'>;

/** Builds a chapter's model; `number` is its place among the chapters shown. */
export function toChapterModel(row: ChapterRow, number: number): ChapterModel {
  return {
    id: row.id, number, title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes,
    content: row.content, posted: row.posted === 1, publishedOn: row.published_on, wordCount: row.word_count,
  };
}

/** "3/?" or "3/3": posted chapters over expected ones. */
export function chapterFraction(work: Pick<WorkModel, 'chapterCount' | 'expectedChapters'>): string {
  return `${work.chapterCount}/${work.expectedChapters ?? '?'}`;
}

/** What the creators of a work held for review are told, on its page. */
export const HELD_NOTICE = 'This work is waiting for the archive’s moderators to look at it (new members’ first works, and works that trip the archive’s spam checks, are). Until they approve it, only its creators can see it.';
