// What the work forms need: the values of an existing work for editing, and a preview of unsaved input.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { today } from '../lib/clock.js';
import { countWords } from '../lib/word-count.js';
import { tagsOfWorks, emptyTagsByType } from '../tags/tag.service.js';
import * as chapters from './chapter.repository.js';
import { findCreatorsOfWorks } from './work.repository.js';
import { requireCreator, requireUser } from '../access/permissions.js';
import { resolvePseuds } from './work.service.js';
import type { ChapterModel, WorkModel } from './work.model.js';
import { noCounters } from './work-counter.repository.js';
import { checkWork, type WorkInput } from './work.validation.js';

/** The edit form's values for one of the viewer's works; the chapter text is included for one-chapter works. */
export async function workInputForEdit(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<{ input: WorkInput; draft: boolean }> {
  const row = await requireCreator(db, viewer, workId);
  const tags = (await tagsOfWorks(db, [workId])).get(workId) ?? emptyTagsByType();
  const all = await chapters.listChapters(db, workId);
  const single = all.length === 1 ? all[0] : undefined;
  const creators = await findCreatorsOfWorks(db, [workId]);
  const input: WorkInput = {
    title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes, rating: tags.rating[0] ?? '',
    warnings: tags.warning, categories: tags.category, fandoms: tags.fandom.join(', '), relationships: tags.relationship.join(', '),
    characters: tags.character.join(', '), freeforms: tags.freeform.join(', '), language: row.language, restricted: row.restricted === 1,
    commentPermission: row.comment_permission, expectedChapters: row.expected_chapters === null ? '?' : String(row.expected_chapters),
    backdate: row.backdated === 1 ? row.published_on ?? '' : '', pseudIds: creators.map((c) => c.pseud_id),
    chapter: single ? { title: single.title, summary: single.summary, notes: single.notes, endNotes: single.end_notes, text: single.content } : null,
  };
  return { input, draft: row.posted === 0 };
}

/** Validates unsaved input and builds what the work page would show; throws validation_failed like saving would. */
export async function previewWork(db: Kysely<Database>, viewer: Viewer, input: WorkInput, postedChapters = 0): Promise<{ work: WorkModel; chapter: ChapterModel | null }> {
  const user = requireUser(viewer);
  const clean = checkWork(input, postedChapters);
  const pseuds = await resolvePseuds(db, user, clean.pseudIds);
  const words = clean.chapter === null ? 0 : countWords(clean.chapter.content);
  const date = clean.backdate ?? today();
  const work: WorkModel = {
    id: null, title: clean.title, summary: clean.summary, notes: clean.notes, endNotes: clean.endNotes, language: clean.language,
    restricted: clean.restricted, commentPermission: clean.commentPermission, commentsModerated: false, anonymous: false, unrevealed: false, hiddenReason: null, heldForReview: false, posted: false, wordCount: words,
    chapterCount: Math.max(1, postedChapters), expectedChapters: clean.expectedChapters,
    complete: clean.expectedChapters === Math.max(1, postedChapters), publishedOn: date, updatedOn: date, revisedAt: null, modifiedAt: null, contentVersion: 0, counters: noCounters(),
    creators: pseuds.map((p) => ({ pseud: p.name, login: user.login })),
    tags: { rating: [clean.rating], warning: clean.warnings, category: clean.categories, fandom: clean.fandoms, relationship: clean.relationships, character: clean.characters, freeform: clean.freeforms },
  };
  const chapter: ChapterModel | null = clean.chapter === null ? null : {
    id: null, number: 1, title: clean.chapter.title, summary: clean.chapter.summary, notes: clean.chapter.notes,
    endNotes: clean.chapter.endNotes, content: clean.chapter.content, posted: true, publishedOn: date, wordCount: words,
  };
  return { work, chapter };
}
