// All SQL for chapters.
import type { Insertable, Updateable } from 'kysely';
import type { ChapterRow, ChapterTable, Db } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { chapterPosted, chapterVisibleTo } from '../access/visibility.js';

export function listChapters(db: Db, workId: number): Promise<ChapterRow[]> {
  return db.selectFrom('chapters').selectAll().where('work_id', '=', workId).orderBy('position').orderBy('id').execute();
}

export type ChapterListItem = Pick<ChapterRow, 'id' | 'position' | 'title' | 'posted' | 'published_on' | 'word_count'>;

/** Chapters without their text, for indexes and navigation. */
export function listChapterHeads(db: Db, workId: number): Promise<ChapterListItem[]> {
  return db.selectFrom('chapters').select(['id', 'position', 'title', 'posted', 'published_on', 'word_count'])
    .where('work_id', '=', workId).orderBy('position').orderBy('id').execute();
}

/** The chapters of a work a scope may read, without their text, in order. */
export function listVisibleChapterHeads(db: Db, scope: Scope, workId: number): Promise<ChapterListItem[]> {
  return db.selectFrom('chapters').select(['id', 'position', 'title', 'posted', 'published_on', 'word_count'])
    .where('work_id', '=', workId).where(chapterVisibleTo(scope)).orderBy('position').orderBy('id').execute();
}

/** The chapters of a work a scope may read, with their text, in order. */
export function listVisibleChapters(db: Db, scope: Scope, workId: number): Promise<ChapterRow[]> {
  return db.selectFrom('chapters').selectAll().where('work_id', '=', workId).where(chapterVisibleTo(scope)).orderBy('position').orderBy('id').execute();
}

/** The chapters of several works a scope may read, in reading order within each work. */
export function listVisibleChaptersOf(db: Db, scope: Scope, workIds: number[]): Promise<ChapterRow[]> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('chapters').selectAll().where('work_id', 'in', workIds).where(chapterVisibleTo(scope)).orderBy('work_id').orderBy('position').orderBy('id').execute();
}

/** For each work, how many chapters the scope may read and their words (a draft's totals, for its creator). */
export async function chapterTotals(db: Db, scope: Scope, workIds: number[]): Promise<Map<number, { words: number; chapters: number }>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom('chapters').where('work_id', 'in', workIds).where(chapterVisibleTo(scope)).groupBy('work_id')
    .select((eb) => ['work_id', eb.fn.countAll<number>().as('chapters'), eb.fn.coalesce(eb.fn.sum<number>('word_count'), eb.lit(0)).as('words')])
    .execute();
  return new Map(rows.map((r) => [r.work_id, { words: r.words, chapters: r.chapters }]));
}

/** One chapter of a work, if the scope may read it. */
export function findVisibleChapter(db: Db, scope: Scope, workId: number, chapterId: number): Promise<ChapterRow | undefined> {
  return db.selectFrom('chapters').selectAll().where('work_id', '=', workId).where('id', '=', chapterId).where(chapterVisibleTo(scope)).executeTakeFirst();
}

export function findChapter(db: Db, workId: number, chapterId: number): Promise<ChapterRow | undefined> {
  return db.selectFrom('chapters').selectAll().where('work_id', '=', workId).where('id', '=', chapterId).executeTakeFirst();
}

export async function insertChapter(db: Db, row: Insertable<ChapterTable>): Promise<number> {
  const { id } = await db.insertInto('chapters').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateChapter(db: Db, id: number, patch: Updateable<ChapterTable>): Promise<void> {
  await db.updateTable('chapters').set(patch).where('id', '=', id).execute();
}

export async function deleteChapter(db: Db, id: number): Promise<void> {
  await db.deleteFrom('chapters').where('id', '=', id).execute();
}

export async function setChapterPosition(db: Db, id: number, position: number): Promise<void> {
  await db.updateTable('chapters').set({ position }).where('id', '=', id).execute();
}

export type ChapterStats = { posted: number; words: number };

/** Posted chapter count and word total (draft chapters do not count), from the chapters themselves. */
export async function postedChapterStats(db: Db, workId: number): Promise<ChapterStats> {
  const row = await db.selectFrom('chapters').where('work_id', '=', workId).where(chapterPosted())
    .select((eb) => [eb.fn.countAll<number>().as('posted'), eb.fn.coalesce(eb.fn.sum<number>('word_count'), eb.lit(0)).as('words')])
    .executeTakeFirstOrThrow();
  return { posted: row.posted, words: row.words };
}

/** The work a chapter belongs to, by the chapter's id alone (for AO3's /chapters/:id addresses). */
export async function findChapterWork(db: Db, chapterId: number): Promise<number | undefined> {
  if (!Number.isSafeInteger(chapterId)) return undefined;
  return (await db.selectFrom('chapters').select('work_id').where('id', '=', chapterId).executeTakeFirst())?.work_id;
}
