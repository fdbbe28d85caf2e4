// What the search index holds for one work: its text fields as plain text, chapter by chapter.
import type { Db, TagType } from '../db/database.js';
import { htmlToText } from '../lib/word-count.js';
import { loadWorkForIndex } from './search.repository.js';

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

const TAG_COLUMNS: Record<TagType, keyof Pick<WorkDocument, 'fandoms' | 'relationships' | 'characters' | 'freeforms' | 'otherTags'>> = {
  fandom: 'fandoms', relationship: 'relationships', character: 'characters', freeform: 'freeforms',
  rating: 'otherTags', warning: 'otherTags', category: 'otherTags',
};

/** The document for a work, or null when the work is gone. Only posted chapters are included. */
export async function buildDocument(db: Db, workId: number): Promise<WorkDocument | null> {
  const data = await loadWorkForIndex(db, workId);
  if (data === null) return null;
  const doc: WorkDocument = {
    workId, title: data.work.title, creators: data.creators.map((c) => (c.pseud === c.login ? c.pseud : `${c.pseud} ${c.login}`)).join('\n'),
    fandoms: '', relationships: '', characters: '', freeforms: '', otherTags: '',
    summary: htmlToText(data.work.summary),
    notes: [data.work.notes, data.work.end_notes, ...data.chapters.flatMap((c) => [c.summary, c.notes, c.end_notes])].filter((n) => n !== '').map(htmlToText).join('\n\n'),
    chapters: data.chapters.map((c) => ({ chapterId: c.id, text: htmlToText(c.content) })),
  };
  for (const tag of data.tags) {
    const column = TAG_COLUMNS[tag.type];
    doc[column] = doc[column] === '' ? tag.name : `${doc[column]}\n${tag.name}`;
  }
  return doc;
}
