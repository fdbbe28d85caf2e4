// What readers see of a work and its chapters, built from rows or from an unsaved preview.
import type { ChapterRow, CommentPermission, WorkRow } from '../db/database.js';
import { dateOf } from '../lib/clock.js';
import type { TagsByType } from '../tags/tag.service.js';

export type Creator = { pseud: string; login: string };

export type WorkModel = {
  /** null for an unsaved preview */
  id: number | null;
  title: string; summary: string; notes: string; endNotes: string;
  language: string; restricted: boolean; commentPermission: CommentPermission; posted: boolean;
  wordCount: number; chapterCount: number; expectedChapters: number | null; complete: boolean;
  publishedOn: string | null; updatedOn: string | null;
  /** the exact time of the last update (ISO-8601), for feeds */
  revisedAt: string | null;
  version: number;
  creators: Creator[]; tags: TagsByType;
};

export type ChapterModel = {
  id: number | null;
  /** 1-based number among the chapters this reader can see */
  number: number;
  title: string; summary: string; notes: string; endNotes: string; content: string;
  posted: boolean; publishedOn: string | null; wordCount: number;
};

export type ChapterHead = Pick<ChapterModel, 'id' | 'number' | 'title' | 'posted' | 'publishedOn' | 'wordCount'>;

/** Builds the reader's model of a work from its row, creators and tags. */
export function toWorkModel(row: WorkRow, creators: Creator[], tags: TagsByType): WorkModel {
  return {
    id: row.id, title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes,
    language: row.language, restricted: row.restricted === 1, commentPermission: row.comment_permission,
    posted: row.posted === 1, wordCount: row.word_count, chapterCount: row.chapter_count,
    expectedChapters: row.expected_chapters, complete: row.complete === 1, publishedOn: row.published_on,
    updatedOn: row.revised_at === null ? null : dateOf(row.revised_at), revisedAt: row.revised_at, version: row.version, creators, tags,
  };
}

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
