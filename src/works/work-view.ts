// "This work as this viewer sees it": the one place a stored work becomes what a door shows (the
// page, a listing's blurb, feeds, OPDS, the API, every download format, the search index). A
// state that changes how a work looks to someone (an anonymous collection, an unrevealed one)
// is one change here. docs/decisions/021-work-as-the-viewer-sees-it.md.
import type { WorkRow } from '../db/database.js';
import { dateOf } from '../lib/clock.js';
import type { TagsByType } from '../tags/tag.service.js';
import type { WorkCounters } from './work-counter.repository.js';
import type { Creator, WorkModel } from './work.model.js';

/** Everything a work is made of, loaded for one viewer (only what the visibility rule let through). */
export type WorkSource = {
  row: WorkRow;
  creators: Creator[];
  tags: TagsByType;
  counters: WorkCounters;
  /** For a draft, what all its chapters hold: its creator sees the draft's words and chapters, not zero. */
  draftTotals: { words: number; chapters: number } | null;
};

/** How the viewer stands to this work: one of its creators, or one who may know them (a maintainer of its anonymous collection). */
export type WorkViewer = { isCreator: boolean; seesCreators: boolean };

/** Who stands in for the creators of an anonymous work: a name with no page. */
export const ANONYMOUS: Creator = Object.freeze({ pseud: 'Anonymous', login: null });

/** Whether this shaped work keeps its creators from the viewer it was shaped for. */
export function creatorsHidden(work: Pick<WorkModel, 'anonymous' | 'creators'>): boolean {
  return work.anonymous && work.creators.some((c) => c.login === null);
}

/** The work as this viewer is shown it. */
export function workAsSeenBy(viewer: WorkViewer, source: WorkSource): WorkModel {
  const { row } = source;
  const draft = row.posted === 0 && viewer.isCreator ? source.draftTotals : null;
  return {
    id: row.id, title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes,
    language: row.language, restricted: row.restricted === 1, commentPermission: row.comment_permission, commentsModerated: row.comments_moderated === 1, posted: row.posted === 1,
    wordCount: draft?.words ?? row.word_count, chapterCount: draft?.chapters ?? row.chapter_count,
    expectedChapters: row.expected_chapters, complete: row.complete === 1, publishedOn: row.published_on,
    updatedOn: row.revised_at === null ? null : dateOf(row.revised_at), revisedAt: row.revised_at, modifiedAt: row.updated_at,
    contentVersion: row.content_version, creators: row.anonymous === 1 && !viewer.seesCreators ? [ANONYMOUS] : source.creators,
    anonymous: row.anonymous === 1, unrevealed: row.unrevealed === 1, hiddenReason: row.hidden === 1 ? row.hidden_reason : null, heldForReview: row.hidden === 1 && row.hidden_by_action === null, tags: source.tags, counters: source.counters,
  };
}
