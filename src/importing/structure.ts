// Blocks to a draft: the title on top, the notes and summary around the story, the chapters,
// and scene breaks kept as scene breaks. Every block lands somewhere; only chapter headings
// leave the text, and they are kept on the chapter (`heading`) so no word is lost.
import { escapeHtml } from '../lib/escape.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { countWords } from '../lib/word-count.js';
import { isEndNotePhrase, isHeaderBlock, isSceneBreak, noteLabel, summaryLabel } from './author-notes.js';
import { isTitleLike, readMarker } from './chapter-markers.js';
import { splitChapters, type Segment } from './chapter-split.js';
import type { ImportedChapter } from './import.js';
import { readsAsNote, type NotePlace } from './note-content.js';
import type { Block } from './text-blocks.js';

export type Draft = { title: string; summary: string; notes: string; endNotes: string; chapters: ImportedChapter[] };

export type DraftOptions = {
  /** Plain text has no headings, so a short first line followed by a blank line is the title. */
  plainTitle: boolean;
};

/** A preamble this small before the first chapter is a dedication or a note, not story. */
const SMALL_PREAMBLE_WORDS = 60;
/** Lines after an end note this short are its sign-off ("See you next week!"); longer ones are story. */
const SIGN_OFF = 120;

/** A paragraph that is centred, or bold or underlined all through. */
const STYLED_TITLE = /^<p\b[^>]*\balign="?center|^<p\b[^>]*text-align:\s*center|^<p>\s*<(strong|b|u)>[^<]*<\/\1>\s*<\/p>$/i;

const html = (blocks: readonly Block[]): string => sanitizeHtml(blocks.map((b) => b.html).join('\n'));
const words = (blocks: readonly Block[]): number => blocks.reduce((n, b) => n + countWords(b.html), 0);
const isBreak = (b: Block): boolean => /^<hr\b/i.test(b.html) || isSceneBreak(b.text);

function takeTitle(blocks: readonly Block[], plainTitle: boolean): string | null {
  const [first, second] = blocks;
  if (!first || !second || readMarker(first.text) || isBreak(first)) return null;
  if (first.heading !== undefined) {
    const rivals = blocks.filter((b, i) => i > 0 && b.heading === first.heading && !readMarker(b.text));
    return rivals.length === 0 ? first.text.replace(/\s+/g, ' ').trim() : null;
  }
  const text = first.text.trim();
  // A title may end in ? or ! ("What Now?"), but a longer line that does is a sentence.
  const sentence = /[?!]$/.test(text) && text.split(/\s+/).length > 4;
  const titleLine = !text.includes('\n') && isTitleLike(text) && !sentence && !/^["“'‘]/.test(text);
  // Where paragraphs have formatting, writers who skip the Title style centre or embolden the title instead.
  const styled = plainTitle || STYLED_TITLE.test(first.html.trim());
  return titleLine && styled && !noteLabel(text) && !summaryLabel(text) && !isHeaderBlock(text) ? text : null;
}

/** Moves the summary, notes, header fields and byline at the top of the work out of the text. */
function takeFrontMatter(blocks: Block[], afterTitle: boolean, draft: { summary: Block[]; notes: Block[] }): number {
  let i = 0;
  for (let block = blocks[0]; block; block = blocks[i]) {
    const summary = summaryLabel(block.text);
    const note = noteLabel(block.text);
    if (summary || note) {
      const taken = (summary ?? note)?.alone ? 2 : 1;
      (summary ? draft.summary : draft.notes).push(...blocks.slice(i, i + taken));
      i += taken;
    } else if (isHeaderBlock(block.text) || (afterTitle && i === 0 && /^by\s+\S.{0,60}$/i.test(block.text))) {
      draft.notes.push(block);
      i++;
    } else break;
  }
  // A wordless break under the notes only separated them from the story.
  while (i > 0 && blocks[i] && isBreak(blocks[i] as Block) && countWords((blocks[i] as Block).html) === 0) i++;
  return i;
}

/** A paragraph that is a note by what it says, where it stands (never a heading or a scene break). */
const readsAsNoteHere = (block: Block, place: NotePlace): boolean => block.heading === undefined && !isBreak(block) && readsAsNote(block.text, place);

/** How many blocks at the start of a chapter are notes: labelled ones, or paragraphs that read as a writer's note. */
function leadingNotes(blocks: readonly Block[]): number {
  let i = 0;
  for (let block = blocks[0]; block; block = blocks[i]) {
    const label = noteLabel(block.text);
    if (label) i += label.alone ? 2 : 1;
    else if (readsAsNoteHere(block, 'start')) i++;
    else break;
  }
  return Math.min(i, blocks.length);
}

/** Where the notes at the end of a chapter start: labelled notes, closing phrases or paragraphs that read as notes, with at most two short lines between or after them. */
function trailingNotes(blocks: readonly Block[]): number {
  let start = blocks.length;
  let loose = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as Block;
    if (noteLabel(block.text) || isEndNotePhrase(block.text) || readsAsNoteHere(block, 'end')) {
      start = i;
      loose = 0;
    } else if (loose < 2 && block.text.length <= SIGN_OFF && !isBreak(block) && block.heading === undefined) loose++;
    else break;
  }
  return start;
}

function sceneBreakHtml(block: Block): Block {
  if (!isBreak(block)) return block;
  // A break that is words (oOo) keeps them, centred; a break of symbols becomes a rule.
  const text = block.text.trim();
  return { ...block, html: countWords(block.html) === 0 ? '<hr>' : `<p align="center">${escapeHtml(text)}</p>` };
}

function trimBreaks(blocks: Block[]): Block[] {
  const wordless = (b: Block | undefined): boolean => b !== undefined && isBreak(b) && countWords(b.html) === 0;
  while (wordless(blocks[0])) blocks.shift();
  while (wordless(blocks[blocks.length - 1])) blocks.pop();
  return blocks;
}

/** Splits a chapter's blocks into notes, text and end notes; notes never take the whole chapter. */
function chapterParts(blocks: readonly Block[]): { notes: Block[]; text: Block[]; endNotes: Block[] } {
  const start = leadingNotes(blocks);
  const end = Math.max(start, trailingNotes(blocks.slice(start)) + start);
  const text = trimBreaks(blocks.slice(start, end));
  if (text.length === 0) return { notes: [], text: [...blocks], endNotes: [] };
  return { notes: [...blocks.slice(0, start)], text, endNotes: [...blocks.slice(end)] };
}

/** Builds the draft of a work from its blocks: title, summary, notes, chapters and end notes. */
export function buildDraft(blocks: readonly Block[], options: DraftOptions): Draft {
  const found = takeTitle(blocks, options.plainTitle);
  const body = blocks.slice(found === null ? 0 : 1);
  let front = { summary: [] as Block[], notes: [] as Block[] };
  let rest = body.slice(takeFrontMatter(body, found !== null, front));
  // A file that is nothing but a note is a chapter of text, not an empty work with notes.
  if (rest.length === 0) [front, rest] = [{ summary: [], notes: [] }, body];
  const { preamble, chapters } = splitChapters(rest);
  const segments: Segment[] = chapters.length === 0 ? [{ heading: '', title: '', blocks: preamble }] : chapters;
  if (chapters.length > 0 && preamble.length > 0) {
    if (preamble.length <= 2 && words(preamble) <= SMALL_PREAMBLE_WORDS && !preamble.some(isBreak)) front.notes.push(...preamble);
    else segments.unshift({ heading: '', title: '', blocks: preamble });
  }
  const endNotes: Block[] = [];
  const out = segments.map((segment, k): ImportedChapter => {
    const parts = chapterParts(segment.blocks);
    const first = k === 0 && segment.heading === '';
    const last = k === segments.length - 1;
    if (first) front.notes.push(...parts.notes.splice(0));
    if (last) endNotes.push(...parts.endNotes.splice(0));
    return {
      title: segment.title, heading: segment.heading, summary: '',
      notes: html(parts.notes), endNotes: html(parts.endNotes), html: html(parts.text.map(sceneBreakHtml)),
    };
  });
  return { title: found ?? '', summary: html(front.summary), notes: html(front.notes), endNotes: html(endNotes), chapters: out };
}
