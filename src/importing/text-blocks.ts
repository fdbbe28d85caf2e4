// Plain text to blocks: the unit every format is brought to before chapters and notes are
// found. A block is what a reader sees as one paragraph, heading or scene break.
import { escapeHtml } from '../lib/escape.js';
import { charLength } from '../lib/text.js';
import { isTitleLike, readMarker } from './chapter-markers.js';

/** One paragraph-like piece of a story, with its HTML and the text a reader sees in it. */
export type Block = {
  /** HTML of the block as it will be stored once sanitized */
  html: string;
  /** its visible text, one line per line break */
  text: string;
  /** 1-6 when the file marked the block as a heading */
  heading?: number;
};

/** Lines this long are paragraphs, never hard-wrapped text or a heading. */
const PARAGRAPH_LINE = 100;
const BLANK_LINE = /\n[\t ]*\n/;

// Hard-wrapped text (every line but the last filled to a fixed width) is one paragraph whose
// newlines are spaces; anything else (verse, a letter's sign-off) keeps its line breaks.
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const lengths = lines.slice(0, -1).map(charLength);
  return lengths.every((n) => n >= 45 && n <= 80);
}

/** A paragraph block made of lines of plain text. */
export function linesBlock(lines: readonly string[]): Block {
  const escaped = lines.map(escapeHtml);
  const inner = isHardWrapped(lines) ? escaped.join('\n') : escaped.join('<br>\n');
  return { html: `<p>${inner}</p>`, text: lines.join('\n') };
}

/** Splits one blank-line-separated chunk where its lines are really separate paragraphs. */
function splitChunk(lines: string[]): string[][] {
  // Writers who end each paragraph with a single newline have long lines; every line stands alone.
  if (lines.length > 1 && lines.some((line) => line.length > PARAGRAPH_LINE)) return lines.map((line) => [line]);
  // A worded marker on the first line of a chunk starts a chapter even without a blank line after it.
  const [first, second] = lines;
  if (first !== undefined && lines.length > 1 && readMarker(first)?.strong) {
    const titled = lines.length === 2 && second !== undefined && isTitleLike(second) && !readMarker(second);
    if (!titled) return [[first], lines.slice(1)];
  }
  return [lines];
}

/** Splits plain text into blocks at blank lines (and at single newlines where lines are paragraphs). */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (const chunk of normalized.split(BLANK_LINE)) {
    // Indentation and trailing spaces are layout, not text; a no-break space is the writer's and stays.
    const lines = chunk.split('\n').map((line) => line.replace(/^[\t ]+|[\t ]+$/g, '')).filter((line) => line !== '');
    for (const part of splitChunk(lines)) if (part.length > 0) blocks.push(linesBlock(part));
  }
  return blocks;
}
