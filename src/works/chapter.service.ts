// Writing chapters: add, edit, post a draft chapter, delete, reorder; the work's counts follow.
import type { Kysely } from 'kysely';
import type { ChapterRow, Database, Db } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { emit } from '../events/bus.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { nowIso, today } from '../lib/clock.js';
import { countWords } from '../lib/word-count.js';
import * as chapters from './chapter.repository.js';
import { requireCreator } from '../access/permissions.js';
import { changeWork, recountWork, type SaveMode } from './work.service.js';
import { holdIfSpam } from './work-hold.service.js';
import { checkChapter, type ChapterInput } from './work.validation.js';
import { getWorkForReader } from './reading.service.js';
import type { ChapterHead, ChapterModel, WorkModel } from './work.model.js';
import type { FieldErrors } from '../http/errors.js';

function checkedChapter(input: ChapterInput) {
  const fields: FieldErrors = {};
  const clean = checkChapter(input, fields, '');
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return clean;
}

/** One of the viewer's own chapters (404 when the work or chapter is missing or not visible). */
export async function requireOwnChapter(db: Kysely<Database>, viewer: Viewer, workId: number, chapterId: number): Promise<ChapterRow> {
  await requireCreator(db, viewer, workId);
  const chapter = await chapters.findChapter(db, workId, chapterId);
  if (!chapter) throw notFound();
  return chapter;
}

/** Adds a chapter at the end; posted at once if asked and the work is posted, otherwise a draft. */
export async function addChapter(db: Kysely<Database>, viewer: Viewer, workId: number, input: ChapterInput, mode: SaveMode): Promise<number> {
  const work = await requireCreator(db, viewer, workId);
  const clean = checkedChapter(input);
  return changeWork(db, workId, async (trx) => {
    const existing = await chapters.listChapterHeads(trx, workId);
    const posted = mode === 'post' && work.posted === 1;
    const now = nowIso();
    const id = await chapters.insertChapter(trx, {
      work_id: workId, position: existing.length + 1, title: clean.title, summary: clean.summary, notes: clean.notes,
      end_notes: clean.endNotes, content: clean.content, word_count: countWords(clean.content), posted: posted ? 1 : 0,
      published_on: posted ? today() : null, created_at: now, updated_at: now,
    });
    await recountWork(trx, workId, posted ? { revisedAt: now } : {});
    // A work held for review keeps its news until approved (subscribers are never told of a hidden work).
    if (posted) await holdIfSpam(trx, viewer, workId, chapterText(clean));
    if (posted) await emit(trx, { type: 'chapter.posted', workId, chapterId: id });
    return id;
  });
}

export type ChapterPreview = { work: WorkModel; chapter: ChapterModel; index: ChapterHead[] };

/**
 * A chapter as it would read once saved, without saving it: checked and cleaned as a save would
 * be, numbered in its place, and the work's words and chapters counted as they would then be.
 * `chapterId` is null for a new chapter; `mode` is how a new one would be saved.
 */
export async function previewChapter(db: Db, viewer: Viewer, workId: number, chapterId: number | null, input: ChapterInput, mode: SaveMode): Promise<ChapterPreview> {
  await requireCreator(db, viewer, workId);
  const old = chapterId === null ? null : await requireOwnChapter(db, viewer, workId, chapterId);
  const clean = checkedChapter(input);
  const { work, chapters: index } = await getWorkForReader(db, viewer, workId);
  const words = countWords(clean.content);
  const posted = old === null ? mode === 'post' && work.posted : old.posted === 1;
  const number = index.find((c) => c.id === chapterId)?.number ?? index.length + 1;
  const chapter: ChapterModel = {
    id: null, number, title: clean.title, summary: clean.summary, notes: clean.notes, endNotes: clean.endNotes, content: clean.content,
    posted, publishedOn: old === null ? (posted ? today() : null) : old.published_on, wordCount: words,
  };
  const wordsBefore = old !== null && (old.posted === 1 || !work.posted) ? old.word_count : 0;
  const counted = posted || !work.posted;
  const shown: WorkModel = {
    ...work, id: null,
    wordCount: work.wordCount - wordsBefore + (counted ? words : 0),
    chapterCount: work.chapterCount + (old === null && counted ? 1 : 0),
  };
  const heads = old === null ? [...index, { ...chapter }] : index;
  return { work: shown, chapter, index: heads };
}

/** Saves an edit of a chapter; a posted chapter's edit counts as an update of the work. */
export async function updateChapter(db: Kysely<Database>, viewer: Viewer, workId: number, chapterId: number, input: ChapterInput): Promise<void> {
  const old = await requireOwnChapter(db, viewer, workId, chapterId);
  const clean = checkedChapter(input);
  await changeWork(db, workId, async (trx) => {
    const now = nowIso();
    await chapters.updateChapter(trx, chapterId, {
      title: clean.title, summary: clean.summary, notes: clean.notes, end_notes: clean.endNotes,
      content: clean.content, word_count: countWords(clean.content), updated_at: now,
    });
    await recountWork(trx, workId);
    if (old.posted === 1) await holdIfSpam(trx, viewer, workId, chapterText(clean));
  });
}

/** A chapter's text as the spam checks read it. */
function chapterText(clean: { title: string; summary: string; notes: string; endNotes: string; content: string }): string {
  return [clean.title, clean.summary, clean.notes, clean.content, clean.endNotes].join('\n');
}

/** Posts a draft chapter of a posted work. */
export async function postChapter(db: Kysely<Database>, viewer: Viewer, workId: number, chapterId: number): Promise<void> {
  const work = await requireCreator(db, viewer, workId);
  const chapter = await requireOwnChapter(db, viewer, workId, chapterId);
  if (chapter.posted === 1) return;
  if (work.posted === 0) throw new AppError('validation_failed', 'Post the work first: its chapters are posted with it.');
  await changeWork(db, workId, async (trx) => {
    await chapters.updateChapter(trx, chapterId, { posted: 1, published_on: today() });
    await recountWork(trx, workId, { revisedAt: nowIso() });
    await holdIfSpam(trx, viewer, workId, chapterText({ ...chapter, endNotes: chapter.end_notes }));
    await emit(trx, { type: 'chapter.posted', workId, chapterId });
  });
}

/** Deletes a chapter and renumbers the rest; a posted work always keeps at least one posted chapter. */
export async function deleteChapter(db: Kysely<Database>, viewer: Viewer, workId: number, chapterId: number): Promise<void> {
  const work = await requireCreator(db, viewer, workId);
  await requireOwnChapter(db, viewer, workId, chapterId);
  await changeWork(db, workId, async (trx) => {
    const all = await chapters.listChapterHeads(trx, workId);
    if (all.length <= 1) throw new AppError('validation_failed', 'A work needs at least one chapter. To remove it, delete the whole work.');
    const target = all.find((c) => c.id === chapterId);
    if (work.posted === 1 && target?.posted === 1 && all.filter((c) => c.posted === 1).length === 1) {
      throw new AppError('validation_failed', 'This is the only posted chapter. Post another chapter first, or delete the whole work.');
    }
    await chapters.deleteChapter(trx, chapterId);
    await renumber(trx, all.filter((c) => c.id !== chapterId).map((c) => c.id));
    await recountWork(trx, workId);
  });
}

async function renumber(trx: Db, ids: number[]): Promise<void> {
  for (const [index, id] of ids.entries()) await chapters.setChapterPosition(trx, id, index + 1);
}

/** Puts the chapters in a new order, given as the list of every chapter id in the order wanted. */
export async function reorderChapters(db: Kysely<Database>, viewer: Viewer, workId: number, orderedIds: number[]): Promise<void> {
  await requireCreator(db, viewer, workId);
  await changeWork(db, workId, async (trx) => {
    const current = (await chapters.listChapterHeads(trx, workId)).map((c) => c.id);
    const same = orderedIds.length === current.length && new Set(orderedIds).size === current.length && orderedIds.every((id) => current.includes(id));
    if (!same) throw invalid({ order: 'Give every chapter exactly one place.' });
    await renumber(trx, orderedIds);
    await recountWork(trx, workId);
  });
}
