// From an imported file to a work: what the file gave, the writer's choices on top, and AO3's
// defaults for the rest; created through the works service (one transaction, same validation).
import type { Kysely } from 'kysely';
import type { Viewer } from '../access/viewer.js';
import type { Database, Db } from '../db/database.js';
import { leadingWords } from '../lib/text.js';
import { htmlToText } from '../lib/word-count.js';
import { LANGUAGES } from '../works/languages.js';
import { createWork } from '../works/work.service.js';
import type { WorkFieldChoices } from '../works/work-json.js';
import type { ChapterInput, WorkInput } from '../works/work.validation.js';
import { wordsImported, type ImportedWork } from './import.js';
import { withoutNoteLabels } from './note-labels.js';

/** What the writer sets on top of the file: required fields the file may not carry, and corrections. */
export type ImportChoices = WorkFieldChoices;

const DEFAULTS = { rating: 'Not Rated', warnings: ['Creator Chose Not To Use Archive Warnings'], language: 'en' } as const;

/** A language as AO3 downloads name it ("English", "日本語") or as a code, to our code. */
function languageCode(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const wanted = name.trim().toLowerCase();
  return LANGUAGES.find(([code, own]) => code.toLowerCase() === wanted || own.toLowerCase() === wanted)?.[0] ?? (wanted === 'english' ? 'en' : undefined);
}

function chapterInput(chapter: ImportedWork['chapters'][number]): ChapterInput {
  return { title: chapter.title, summary: chapter.summary, notes: withoutNoteLabels(chapter.notes), endNotes: withoutNoteLabels(chapter.endNotes), text: chapter.html };
}

/** The work form's input for an imported file; the first chapter goes in `input.chapter`, the rest in `more`. */
export function workInputFromImport(imported: ImportedWork, choices: ImportChoices = {}): { input: WorkInput; more: ChapterInput[] } {
  const tags = imported.tags;
  const [first, ...rest] = imported.chapters;
  const input: WorkInput = {
    title: choices.title ?? imported.title, summary: imported.summary,
    notes: withoutNoteLabels(imported.notes), endNotes: withoutNoteLabels(imported.endNotes),
    rating: choices.rating ?? tags?.rating ?? DEFAULTS.rating,
    warnings: choices.warnings ?? (tags !== undefined && tags.warnings.length > 0 ? tags.warnings : [...DEFAULTS.warnings]),
    categories: choices.categories ?? tags?.categories ?? [],
    fandoms: choices.fandoms ?? tags?.fandoms ?? [], relationships: choices.relationships ?? tags?.relationships ?? [],
    characters: choices.characters ?? tags?.characters ?? [], freeforms: choices.freeforms ?? tags?.freeforms ?? [],
    language: choices.language ?? languageCode(tags?.language) ?? DEFAULTS.language,
    restricted: choices.restricted ?? false, commentPermission: 'all',
    expectedChapters: String(imported.chapters.length), backdate: '', pseudIds: [],
    chapter: first === undefined ? null : chapterInput(first),
  };
  return { input, more: rest.map(chapterInput) };
}

/**
 * Creates the work (a draft unless `mode` is post) from an imported file; validation errors are the
 * work form's. `alongside` runs in the same transaction (the preview deletes its import row there).
 */
export function createImportedWork(
  db: Kysely<Database>, viewer: Viewer, imported: ImportedWork, choices: ImportChoices, mode: 'draft' | 'post',
  alongside?: (trx: Db) => Promise<void>,
): Promise<number> {
  const { input, more } = workInputFromImport(imported, choices);
  return createWork(db, viewer, input, mode, more, alongside === undefined ? undefined : (trx) => alongside(trx));
}

/** What a writer checks before posting: each chapter's title and first line, the notes, and that no word was lost. */
export type ImportSummary = {
  title: string; format: string; encoding: string;
  chapters: Array<{ number: number; title: string; heading: string; firstLine: string; words: number; hasNotes: boolean; hasEndNotes: boolean }>;
  notes: { beginning: boolean; end: boolean };
  words: { inFile: number; imported: number; allKept: boolean };
};

/** The summary of an import, for the API, the CLI and the preview. */
export function summarizeImport(imported: ImportedWork): ImportSummary {
  const kept = wordsImported(imported);
  return {
    title: imported.title, format: imported.format, encoding: imported.encoding,
    chapters: imported.chapters.map((c, i) => ({
      number: i + 1, title: c.title, heading: c.heading,
      firstLine: leadingWords(htmlToText(c.html).trim().split('\n')[0] ?? '', 200),
      words: wordsImported({ title: '', summary: '', notes: '', endNotes: '', chapters: [{ ...c, heading: '', summary: '', notes: '', endNotes: '' }] }),
      hasNotes: c.notes !== '', hasEndNotes: c.endNotes !== '',
    })),
    notes: { beginning: imported.notes !== '', end: imported.endNotes !== '' },
    words: { inFile: imported.wordsInFile, imported: kept, allKept: kept === imported.wordsInFile },
  };
}
