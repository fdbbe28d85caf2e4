// Importing a story file: bytes and a file name in, a draft of a work out. Pure: no HTTP, no
// database. Routes, the preview page, the API and the CLI all call these functions.
//
//   importFile(bytes, fileName, limits?) → Promise<ImportedWork>   an uploaded file
//   importText(text, format, limits?)    → ImportedWork            pasted text
//   wordsImported(work)                  → number                  words the draft holds
//   DEFAULT_LIMITS                                                  5 MiB file, 50 MiB unpacked, 20 MiB a part, 1,000 parts
//   ImportError { code, message }                                   message is written for the writer
//
// Formats: plain text, Markdown, HTML, Word .docx, AO3's HTML and EPUB downloads (and
// Bindery's own, which share their shape), any EPUB. Text files may be UTF-8 (with or without
// BOM), UTF-16 LE/BE or Windows-1252. Every HTML string in the result has been through sanitizeHtml.
//
// In text, Markdown, HTML and .docx the structure is found (structure.ts): the title line, chapter
// markers in every common style (never scene breaks or numbered dialogue), and author's notes at
// the start or end of the work or of a chapter. The draft keeps a note's label as written ("A/N: …"),
// so a note put back into the text is whole; the label is left out when the work is created
// (note-labels.ts). A chapter's marker line is kept in `heading`, its title in `title`. AO3 downloads carry all
// this explicitly, with their tags.
//
// `wordsImported(work) === work.wordsInFile` for every import: the draft holds every word of
// the file, counted independently, so the preview can show that nothing was lost.
import { countWords } from '../lib/word-count.js';
import { escapeHtml } from '../lib/escape.js';
import { checkText, decodeText } from './decode-text.js';
import { kindOf, looksLikeHtml } from './file-kind.js';
import { tooLarge } from './import-error.js';
import { readArchive, readHtml, readMarkdown, readPlainText, type ReadWork } from './readers.js';
import { openZip } from './zip-reader.js';

export { ImportError, IMPORT_MESSAGES, type ImportErrorCode } from './import-error.js';

/** One chapter of the draft, in file order. */
export type ImportedChapter = {
  /** the title a writer gave the chapter, without its number ("The Road" from "Chapter One: The Road"); '' when none */
  title: string;
  /** the chapter's heading as the file wrote it ("Chapter One: The Road"), '' when the chapter had none */
  heading: string;
  /** HTML, '' when none (AO3 downloads carry chapter summaries) */
  summary: string;
  notes: string;
  endNotes: string;
  /** the chapter text, HTML */
  html: string;
};

/** The tags of an AO3 download, as its tag list names them (not yet matched to this archive's tags). */
export type ImportedTags = {
  fandoms: string[]; relationships: string[]; characters: string[]; freeforms: string[];
  rating?: string; warnings: string[]; categories: string[]; language?: string;
};

/** Which reader read the file. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'ao3-html' | 'ao3-epub' | 'epub';

/** The draft of a work that a file gave. */
export type ImportedWork = {
  /** '' when none was found */
  title: string;
  /** HTML, '' when none */
  summary: string;
  /** HTML of the work's beginning and end notes */
  notes: string;
  endNotes: string;
  /** at least one */
  chapters: ImportedChapter[];
  /** from AO3 downloads only */
  tags?: ImportedTags;
  format: ImportFormat;
  /** how the text was encoded: 'utf-8', 'utf-8 (BOM)', 'utf-16le', 'utf-16be', 'windows-1252' */
  encoding: string;
  /** words of all the writer's text in the file (AO3's preface boilerplate left out) */
  wordsInFile: number;
};

/** How much an upload may hold; checked before decoding (the file) and while inflating (archives). */
export type ImportLimits = {
  /** the upload itself */
  maxFileBytes: number;
  /** everything read out of a .docx or .epub, counted while inflating */
  maxUnpackedBytes: number;
  /** any one part of such an archive */
  maxEntryBytes: number;
  /** parts in such an archive */
  maxEntries: number;
};

const MiB = 1024 * 1024;

/** The limits used when a caller passes none: room for any novel, refusing what no story needs. */
export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 5 * MiB, maxUnpackedBytes: 50 * MiB, maxEntryBytes: 20 * MiB, maxEntries: 1000,
});

// C0 controls but tab, newline, form feed and carriage return: the sanitizer drops them, so
// they are dropped before counting too.
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function readText(text: string, format: 'text' | 'markdown' | 'html'): ReadWork {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
  if (format === 'html' || (format === 'text' && looksLikeHtml(clean))) return readHtml(clean);
  return format === 'markdown' ? readMarkdown(clean) : readPlainText(clean);
}

function importSync(bytes: Uint8Array, fileName: string, limits: ImportLimits): ImportedWork {
  if (bytes.length > limits.maxFileBytes) throw tooLarge(bytes.length, limits.maxFileBytes);
  const kind = kindOf(bytes, fileName);
  if (kind === 'zip') return { ...readArchive(openZip(bytes, limits)), encoding: 'utf-8' };
  const { text, encoding } = decodeText(bytes);
  return { ...readText(text, kind), encoding };
}

/** Reads an uploaded story file into a draft work; rejects with ImportError when it cannot. */
export function importFile(bytes: Uint8Array, fileName: string, limits: Partial<ImportLimits> = {}): Promise<ImportedWork> {
  // A promise, so that reading can move off the main thread later without changing callers.
  return Promise.resolve().then(() => importSync(bytes, fileName, { ...DEFAULT_LIMITS, ...limits }));
}

/** Reads pasted text (plain text, Markdown or HTML) into a draft work; throws ImportError when it is empty or too long. */
export function importText(text: string, format: 'text' | 'markdown' | 'html', limits: Partial<ImportLimits> = {}): ImportedWork {
  const size = Buffer.byteLength(text, 'utf8');
  const max = limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  if (size > max) throw tooLarge(size, max);
  checkText(text);
  return { ...readText(text, format), encoding: 'utf-8' };
}

/** The words a draft holds: title, summary, notes, and each chapter's heading, summary, notes and text. */
export function wordsImported(work: Pick<ImportedWork, 'title' | 'summary' | 'notes' | 'endNotes' | 'chapters'>): number {
  const plain = (text: string): number => countWords(escapeHtml(text));
  let words = plain(work.title) + countWords(work.summary) + countWords(work.notes) + countWords(work.endNotes);
  for (const c of work.chapters) words += plain(c.heading) + countWords(c.summary) + countWords(c.notes) + countWords(c.endNotes) + countWords(c.html);
  return words;
}
