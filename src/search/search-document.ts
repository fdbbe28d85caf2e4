// What the search index holds for one work: its text fields as plain text, chapter by chapter,
// taken from the work as every member sees it (reading.service's getWorkForIndex), so the index
// never holds a draft, a draft chapter, or a creator a reader would not be shown.
import type { Db } from '../db/database.js';
import { htmlToText } from '../lib/word-count.js';
import { getWorkForIndex, getWorksForIndex } from '../works/reading.service.js';
import type { ChapterModel, WorkModel } from '../works/work.model.js';

export type ChapterText = { chapterId: number; text: string };

export type WorkDocument = {
  workId: number;
  title: string;
  /** pseud names and logins */
  creators: string;
  fandoms: string; relationships: string; characters: string; freeforms: string;
  /** ratings, warnings, categories */
  otherTags: string;
  summary: string;
  /** beginning and end notes of the work and its posted chapters, and chapter summaries */
  notes: string;
  chapters: ChapterText[];
};

const lines = (names: string[]) => names.join('\n');

/** The document for a work, or null when members cannot see it (gone, or a draft). */
export async function buildDocument(db: Db, workId: number): Promise<WorkDocument | null> {
  const found = await getWorkForIndex(db, workId);
  return found === null ? null : documentOf(workId, found);
}

/** The documents of many works at once (a full rebuild): null for those members cannot see. */
export async function buildDocuments(db: Db, workIds: number[]): Promise<Map<number, WorkDocument | null>> {
  const found = await getWorksForIndex(db, workIds);
  return new Map(workIds.map((id) => {
    const one = found.get(id);
    return [id, one === undefined ? null : documentOf(id, one)];
  }));
}

function documentOf(workId: number, { work, chapters }: { work: WorkModel; chapters: ChapterModel[] }): WorkDocument {
  return {
    workId, title: work.title, creators: lines(work.creators.map((c) => (c.pseud === c.login ? c.pseud : `${c.pseud} ${c.login}`))),
    fandoms: lines(work.tags.fandom), relationships: lines(work.tags.relationship), characters: lines(work.tags.character),
    freeforms: lines(work.tags.freeform), otherTags: lines([...work.tags.rating, ...work.tags.warning, ...work.tags.category]),
    summary: htmlToText(work.summary),
    notes: [work.notes, work.endNotes, ...chapters.flatMap((c) => [c.summary, c.notes, c.endNotes])].filter((n) => n !== '').map(htmlToText).join('\n\n'),
    chapters: chapters.flatMap((c) => (c.id === null ? [] : [{ chapterId: c.id, text: htmlToText(c.content) }])),
  };
}
