// The writer's fixes to an imported draft before it is posted: join a chapter to the one before,
// move a chapter boundary by whole paragraphs, put a detected note back into the story text,
// split a chapter at a paragraph, and make the paragraphs up to one (or from one) into notes.
// Pure functions over ImportedWork. Every fix moves words and never drops one, so the preview's
// "words in the file" proof still holds afterwards.
import { parseFragment } from 'parse5';
import { invalid } from '../http/errors.js';
import { escapeHtml } from '../lib/escape.js';
import { htmlToBlocks } from './html-blocks.js';
import type { ImportedChapter, ImportedWork } from './import.js';
import type { ImportChoices } from './import.service.js';

/**
 * What is stored for an import between upload and posting: the file's draft and the writer's choices.
 * `revision` counts saves, so a form from an older page (another tab) cannot apply a fix to chapters that have moved.
 */
export type ImportDraft = { work: ImportedWork; choices: ImportChoices; fileName: string; revision: number };

/** One fix; `chapter` is a 0-based index into the draft's chapters. */
export type ImportFix =
  | { kind: 'join'; chapter: number }
  | { kind: 'move'; chapter: number; by: number }
  | { kind: 'notes-to-text'; chapter: number | null; end: boolean }
  /** a new chapter starts at paragraph `paragraph` (0-based) of `chapter` */
  | { kind: 'split'; chapter: number; paragraph: number }
  /** the paragraphs up to and including `paragraph` become notes (`end`: those from `paragraph` on become end notes) */
  | { kind: 'text-to-notes'; chapter: number; paragraph: number; end: boolean };

/** The paragraphs, headings and scene breaks of a chapter's HTML, each as its own markup. */
export function blocksOf(html: string): string[] {
  return htmlToBlocks(parseFragment(html).childNodes).map((block) => block.html);
}

function joinHtml(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n');
}

function join(chapters: ImportedChapter[], index: number): string {
  const previous = chapters[index - 1];
  const chapter = chapters[index];
  if (index < 1 || !previous || !chapter) throw invalid({ action: 'The first chapter has no chapter before it to join.' });
  // The marker line was not a chapter break after all: it stays in the text, where the file had it.
  const marker = chapter.heading === '' ? '' : `<p>${escapeHtml(chapter.heading)}</p>`;
  chapters.splice(index - 1, 2, {
    ...previous,
    summary: joinHtml(previous.summary, chapter.summary), notes: joinHtml(previous.notes, chapter.notes),
    endNotes: joinHtml(previous.endNotes, chapter.endNotes), html: joinHtml(previous.html, marker, chapter.html),
  });
  return `Chapter ${index + 1} is now part of chapter ${index}.`;
}

function paragraphs(n: number): string {
  return n === 1 ? '1 paragraph' : `${n} paragraphs`;
}

function move(chapters: ImportedChapter[], index: number, by: number): string {
  const previous = chapters[index - 1];
  const chapter = chapters[index];
  const field = `chapters[${index}].by`;
  if (index < 1 || !previous || !chapter) throw invalid({ [field]: 'The first chapter starts where the story starts.' });
  if (!Number.isInteger(by) || by === 0) throw invalid({ [field]: 'Enter how many paragraphs to move, a whole number from 1.' });
  const before = blocksOf(previous.html);
  const after = blocksOf(chapter.html);
  const giver = by < 0 ? before : after;
  const n = Math.abs(by);
  if (n >= giver.length) {
    const who = by < 0 ? `Chapter ${index}` : `Chapter ${index + 1}`;
    throw invalid({ [field]: `${who} has ${paragraphs(giver.length)}, so it can give at most ${paragraphs(giver.length - 1)} and keep one.` });
  }
  const blocks = [...before, ...after];
  const boundary = before.length + by;
  chapters.splice(index - 1, 2, { ...previous, html: blocks.slice(0, boundary).join('\n') }, { ...chapter, html: blocks.slice(boundary).join('\n') });
  return `Chapter ${index + 1} now starts ${paragraphs(n)} ${by < 0 ? 'earlier' : 'later'}.`;
}

function notesToText(work: ImportedWork, chapterIndex: number | null, end: boolean): string {
  const chapters = work.chapters;
  const index = chapterIndex ?? (end ? chapters.length - 1 : 0);
  const chapter = chapters[index];
  if (!chapter) throw invalid({ action: 'There is no such chapter.' });
  const owner: { notes: string; endNotes: string } = chapterIndex === null ? work : chapter;
  const notes = end ? owner.endNotes : owner.notes;
  if (notes === '') throw invalid({ action: 'Those notes are already empty.' });
  chapters[index] = { ...chapter, html: end ? joinHtml(chapter.html, notes) : joinHtml(notes, chapter.html) };
  if (end) owner.endNotes = ''; else owner.notes = '';
  const where = end ? `the end of chapter ${index + 1}` : `the start of chapter ${index + 1}`;
  return `The ${chapterIndex === null ? 'work’s' : `chapter’s`} ${end ? 'end notes are' : 'notes are'} now text at ${where}.`;
}

/** The chapter and its paragraphs, or the validation error a stale or forged button deserves. */
function paragraphsAt(chapters: ImportedChapter[], index: number, paragraph: number): { chapter: ImportedChapter; blocks: string[] } {
  const chapter = chapters[index];
  const blocks = chapter ? blocksOf(chapter.html) : [];
  if (!chapter || !Number.isInteger(paragraph) || paragraph < 0 || paragraph >= blocks.length) throw invalid({ action: 'There is no such paragraph: reload the preview and try again.' });
  return { chapter, blocks };
}

function split(chapters: ImportedChapter[], index: number, paragraph: number): string {
  const { chapter, blocks } = paragraphsAt(chapters, index, paragraph);
  if (paragraph === 0) throw invalid({ action: `Chapter ${index + 1} already starts there.` });
  // The end notes stay at the end: they go with the second half.
  const before: ImportedChapter = { ...chapter, endNotes: '', html: blocks.slice(0, paragraph).join('\n') };
  const after: ImportedChapter = { title: '', heading: '', summary: '', notes: '', endNotes: chapter.endNotes, html: blocks.slice(paragraph).join('\n') };
  chapters.splice(index, 1, before, after);
  return `Chapter ${index + 2} now starts at what was paragraph ${paragraph + 1} of chapter ${index + 1}.`;
}

/**
 * Moves paragraphs of a chapter's text into its notes, keeping their order: the first chapter's
 * opening notes and the last chapter's end notes are the work's, as the importer reads them.
 */
function textToNotes(work: ImportedWork, index: number, paragraph: number, end: boolean): string {
  const { chapter, blocks } = paragraphsAt(work.chapters, index, paragraph);
  const taken = end ? blocks.slice(paragraph) : blocks.slice(0, paragraph + 1);
  if (taken.length === blocks.length) throw invalid({ action: `Chapter ${index + 1} needs at least one paragraph of story: its text cannot all be notes.` });
  const kept = end ? blocks.slice(0, paragraph) : blocks.slice(paragraph + 1);
  const notes = taken.join('\n');
  const html = kept.join('\n');
  const workLevel = end ? index === work.chapters.length - 1 : index === 0;
  if (workLevel && end) work.endNotes = joinHtml(notes, work.endNotes);
  else if (workLevel) work.notes = joinHtml(work.notes, notes);
  work.chapters[index] = workLevel ? { ...chapter, html }
    : end ? { ...chapter, html, endNotes: joinHtml(notes, chapter.endNotes) } : { ...chapter, html, notes: joinHtml(chapter.notes, notes) };
  const whose = workLevel ? 'the work’s' : `chapter ${index + 1}’s`;
  return `${paragraphs(taken.length)} ${taken.length === 1 ? 'is' : 'are'} now ${whose} ${end ? 'end notes' : 'beginning notes'}.`;
}

/** Applies one fix to a copy of the work; returns the copy and a sentence saying what changed. Throws validation_failed when it cannot. */
export function applyFix(work: ImportedWork, fix: ImportFix): { work: ImportedWork; done: string } {
  const copy: ImportedWork = { ...work, chapters: work.chapters.map((c) => ({ ...c })) };
  if (fix.kind === 'join') return { work: copy, done: join(copy.chapters, fix.chapter) };
  if (fix.kind === 'move') return { work: copy, done: move(copy.chapters, fix.chapter, fix.by) };
  if (fix.kind === 'split') return { work: copy, done: split(copy.chapters, fix.chapter, fix.paragraph) };
  if (fix.kind === 'text-to-notes') return { work: copy, done: textToNotes(copy, fix.chapter, fix.paragraph, fix.end) };
  return { work: copy, done: notesToText(copy, fix.chapter, fix.end) };
}
