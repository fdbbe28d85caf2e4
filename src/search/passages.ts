// The matching passage of a work, found in its chapters' stored HTML when the words looked for
// are there as typed (case, accents and apostrophes aside). FTS5's snippet() reads and tokenizes
// the whole work for each result (3-4 ms a work for common words); this reads only until the
// first chapter with a match. Stemmed matches ("running" for "run") are left to the backend.
import { MARK_END, MARK_START } from './search-backend.js';

/** What to look for: one word, a phrase (words in a row), or a prefix (the last word may go on). */
export type Needle = { words: string[]; prefix: boolean };

type Token = { start: number; end: number; folded: string };

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const ASCII = /^[\x20-\x7e]*$/;
const BEFORE = 12;
const AFTER = 20;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Lowercase, accents removed, curly apostrophes straight: how both sides are compared. */
export function fold(text: string): string {
  // Most words are plain ASCII: normalize() is by far the slowest step, so only the others pay for it.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");
}

/** The words of a query's term or phrase, folded. */
export function needleWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => fold(m[0]));
}

/** The text of sanitized HTML, cheaply: block tags become line breaks, other tags vanish, entities become their characters. */
export function plainText(html: string): string {
  // One pass (a chapter's text is copied once, not three times).
  return html.replace(MARKUP, (all, block?: string, tag?: string, dec?: string, hex?: string, name?: string) => {
    if (block !== undefined) return '\n';
    if (tag !== undefined) return '';
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[(name ?? '').toLowerCase()] ?? all;
  });
}

/** A block tag, any other tag, or an entity (decimal, hexadecimal or named). */
const MARKUP = /(<\/?(?:p|br|div|li|h[1-6]|blockquote|tr|hr)\b[^>]*>)|(<[^>]*>)|&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi;

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
}

/** How many tokens a needle covers at `at`, or 0 when it does not match there. */
function matchAt(list: Token[], at: number, needle: Needle): number {
  for (const [i, word] of needle.words.entries()) {
    const token = list[at + i]?.folded;
    const last = i === needle.words.length - 1;
    if (token === undefined || !(token === word || (last && needle.prefix && token.startsWith(word)))) return 0;
  }
  return needle.words.length;
}

/** The passage around the best cluster of matches in `text`, with the matches marked; null when nothing matches. */
export function passageIn(text: string, needles: Needle[]): string | null {
  const list = tokens(text);
  const hits: Array<{ at: number; length: number }> = [];
  for (let at = 0; at < list.length; at++) {
    for (const needle of needles) {
      const length = matchAt(list, at, needle);
      if (length > 0) { hits.push({ at, length }); break; }
    }
  }
  const first = hits[0];
  if (first === undefined) return null;
  // The window starting a little before a hit that holds the most hits; the earliest wins ties.
  let best = first;
  let bestCount = 0;
  // Hits are in order: the count of those in [hit, hit + AFTER) moves forward with a second index.
  let after = 0;
  for (const [i, hit] of hits.slice(0, 200).entries()) {
    while (after < hits.length && (hits[after]?.at ?? Infinity) < hit.at + AFTER) after++;
    if (after - i > bestCount) { best = hit; bestCount = after - i; }
  }
  const from = Math.max(0, best.at - BEFORE);
  const to = Math.min(list.length - 1, best.at + AFTER);
  let passage = '';
  // At either end of the text the passage runs to the text's own end (a closing quote, a full stop).
  let cursor = from === 0 ? 0 : list[from]?.start ?? 0;
  for (const hit of hits.filter((h) => h.at >= from && h.at + h.length - 1 <= to)) {
    const start = list[hit.at]?.start ?? cursor;
    const end = list[hit.at + hit.length - 1]?.end ?? start;
    passage += `${text.slice(cursor, start)}${MARK_START}${text.slice(start, end)}${MARK_END}`;
    cursor = end;
  }
  passage += text.slice(cursor, to === list.length - 1 ? text.length : list[to]?.end ?? cursor);
  return `${from > 0 ? '…' : ''}${passage.trim()}${to < list.length - 1 ? '…' : ''}`;
}

/**
 * Each letter without accents, with the letters that are it with accents ("e": "éèêë…"), in the
 * Latin, Greek and Cyrillic blocks: what a needle's folded letter matches in a text as it is.
 */
const WITH_ACCENTS: ReadonlyMap<string, string> = (() => {
  const classes = new Map<string, string>();
  for (const [from, to] of [[0xc0, 0x24f], [0x370, 0x4ff], [0x1e00, 0x1fff]] as const) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCodePoint(code);
      const [base = '', ...marks] = letter.normalize('NFD');
      if (marks.length > 0 && /^\p{L}$/u.test(base) && marks.every((m) => /^\p{M}$/u.test(m))) classes.set(base.toLowerCase(), (classes.get(base.toLowerCase()) ?? '') + letter);
    }
  }
  return classes;
})();

/** A needle's (folded) character as a pattern: with or without accents, composed or not; either apostrophe. */
function letterPattern(c: string): string {
  if (c === "'") return "['’]";
  const accented = WITH_ACCENTS.get(c);
  return `${accented === undefined ? c : `[${c}${accented}]`}\\p{M}*`;
}

/**
 * One pattern for all the needles, to find matches in a text as it is, without splitting a long
 * work into words or taking its accents off (case, accents and apostrophes aside). That a match
 * starts a word is checked by firstMatch: the same check as a lookbehind at the pattern's start
 * made it three to five times slower over long chapters, as it ran at every character.
 */
function pattern(needles: Needle[]): RegExp {
  const word = (w: string) => w.replace(/./gsu, letterPattern);
  const alternatives = needles.map((n) => n.words.map(word).join('[^\\p{L}\\p{N}]+') + (n.prefix ? '' : '(?![\\p{L}\\p{N}])'));
  return new RegExp(`(?:${alternatives.join('|')})`, 'giu');
}

/** A text that ends in a letter or a number (a whole code point: either half of a pair would not be one). */
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/** Where the first match of a pattern (from pattern()) that starts a word is in a text, or undefined. */
function firstMatch(text: string, first: RegExp): number | undefined {
  first.lastIndex = 0;
  for (let m = first.exec(text); m !== null; m = first.exec(text)) {
    if (!ENDS_IN_WORD.test(text.slice(Math.max(0, m.index - 2), m.index))) return m.index;
    first.lastIndex = m.index + 1;
  }
  return undefined;
}

/** Characters kept around the first match before cutting the passage from them. */
const AROUND = 1200;

/**
 * HTML of a chapter looked at first: a common word is nearly always in a chapter's first few
 * thousand characters, and the rest of a long chapter is then neither stripped nor folded.
 */
export const HEAD = 6000;

/** A chapter's first HEAD characters of HTML, without a tag cut in two at the end. */
function headOf(html: string): string {
  const head = html.slice(0, HEAD);
  const open = head.lastIndexOf('<');
  return open > head.lastIndexOf('>') ? head.slice(0, open) : head;
}

/**
 * A chapter's text and the first match in it: looked for in its head, then (when the match is
 * not there, or too near the head's end to cut a whole passage around it) in the whole chapter.
 */
function matchIn(html: string, first: RegExp): { text: string; at: number } | null {
  if (html.length > HEAD) {
    const text = plainText(headOf(html));
    const at = firstMatch(text, first);
    if (at !== undefined && at + AROUND < text.length) return { text, at };
  }
  const text = plainText(html);
  const at = firstMatch(text, first);
  return at === undefined ? null : { text, at };
}

/** The first chapter (in order) holding a match, with its passage; null when the words are not there as typed. */
export function findPassage(chapters: Array<{ id: number; content: string }>, needles: Needle[]): { chapterId: number; passage: string } | null {
  if (needles.length === 0) return null;
  const first = pattern(needles);
  for (const chapter of chapters) {
    const match = matchIn(chapter.content, first);
    if (match === null) continue;
    const { text, at } = match;
    const from = Math.max(0, at - AROUND);
    const to = Math.min(text.length, at + AROUND);
    // Cut at white space, so no word is split; the ellipses say there is more on either side.
    const start = from === 0 ? 0 : text.indexOf(' ', from) + 1;
    const end = to === text.length ? to : text.lastIndexOf(' ', to);
    const passage = passageIn(text.slice(start, end), needles);
    if (passage !== null) return { chapterId: chapter.id, passage: `${start > 0 && !passage.startsWith('…') ? '…' : ''}${passage}${end < text.length && !passage.endsWith('…') ? '…' : ''}` };
  }
  return null;
}
