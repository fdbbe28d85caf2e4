// Recognises one line as a chapter marker, in the styles writers use: `Chapter 1`,
// `Chapter One: The Road`, `CHAPTER XII`, `Part II`, `-1-`, `1.`, `~ 3 ~`, `Prologue`, `第三章`.
// Whether a marker really starts a chapter is decided later, across the whole story
// (chapter-split.ts): here a line only says what it would be.
import { charLength } from '../lib/text.js';

/** What a marker line says: its style (markers of one style number one sequence), number and title. */
export type Marker = {
  style: string;
  /** null for named markers (Prologue, Epilogue, Interlude) */
  number: number | null;
  title: string;
  /** Worded markers stand on their own; bare numbers must also come in sequence from 1. */
  strong: boolean;
};

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/i;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const CJK_DIGITS = '零一二三四五六七八九';

const WORD_NUMBER = `(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.join('|')}`;
const NUMBER = `\\d{1,4}|[MDCLXVI]{1,8}|${WORD_NUMBER}`;
const SEPARATOR = '\\s*(?:[:.|–—-]+\\s*|\\s)';

const WORDED = new RegExp(`^(chapter|chap\\.?|ch\\.|part|book)\\s*(${NUMBER})(?:${SEPARATOR}(.*))?$`, 'i');
const NAMED = /^(prologue|epilogue|interlude)(?:\s*[:.|–—-]\s*(.*))?$/i;
const CJK = /^第\s*([0-9０-９零〇一二两三四五六七八九十百]{1,6})\s*[章回话話節节部卷](?:[\s:：.、]*(.*))?$/;
const WEAK: readonly [style: string, pattern: RegExp][] = [
  ['dash', /^[-–—]+\s*(\d{1,4}|[IVXLC]{1,8})\s*[-–—]+$/],
  ['tilde', /^~+\s*(\d{1,4})\s*~+$/],
  ['stars', /^\*+\s*(\d{1,4})\s*\*+$/],
  ['bracket', /^[[(](\d{1,4})[\])]$/],
  ['hash', /^#\s?(\d{1,4})$/],
  ['dot', /^(\d{1,4})\.(?:\s+(.+))?$/],
  ['bare', /^(\d{1,4})$/],
  ['roman', /^([IVXLC]{1,8})\.?$/],
];

/** The value of a chapter number written as digits, a Roman numeral or English words; NaN when it is none. */
export function parseNumber(text: string): number {
  const folded = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(folded)) return Number(folded);
  if (ROMAN.test(text)) {
    const values = Array.from(text.toUpperCase(), (c) => ROMAN_VALUES[c] ?? 0);
    return values.reduce((sum, value, i) => sum + (value < (values[i + 1] ?? 0) ? -value : value), 0);
  }
  const [tens = '', unit] = folded.split(/[- ]/);
  if (unit !== undefined) return TENS.indexOf(tens) * 10 + UNITS.indexOf(unit);
  const index = UNITS.indexOf(folded);
  return index >= 0 ? index : TENS.indexOf(folded) >= 2 ? TENS.indexOf(folded) * 10 : NaN;
}

function parseCjkNumber(text: string): number {
  const digits = text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[〇]/g, '零').replace(/两/g, '二');
  if (/^\d+$/.test(digits)) return Number(digits);
  let total = 0;
  let pending = 0;
  for (const c of digits) {
    const scale = c === '百' ? 100 : c === '十' ? 10 : 0;
    if (scale === 0) pending = CJK_DIGITS.indexOf(c);
    else {
      total += Math.max(pending, 1) * scale;
      pending = 0;
    }
  }
  return total + pending;
}

/** True for a short line that reads like a title rather than a sentence: no trailing comma, no lowercase start, not dialogue. */
export function isTitleLike(line: string): boolean {
  const text = line.trim();
  if (text === '' || charLength(text) > 80) return false;
  if (/^\p{Ll}/u.test(text) || /[,;:]$/.test(text)) return false;
  // A sentence ends in a single full stop, and dialogue in punctuation inside a closing quote.
  return !/(?:^|[^.])\.$/.test(text) && !/[,.!?…]['"’”]$/.test(text);
}

/** Reads a line as a chapter marker; null when it is not one. */
export function readMarker(line: string): Marker | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text === '' || charLength(text) > 100) return null;
  const worded = WORDED.exec(text);
  if (worded) {
    const style = (worded[1] ?? '').toLowerCase().replace(/\W/g, '').replace(/^ch(ap)?$/, 'chapter');
    const marker = withTitle(style, parseNumber(worded[2] ?? ''), worded[3], true);
    // Parts and books are not numbered like the archive's chapters, so their number stays in the title.
    return marker && style !== 'chapter' ? { ...marker, title: text } : marker;
  }
  const named = NAMED.exec(text);
  if (named) return { style: 'named', number: null, title: text, strong: true };
  const cjk = CJK.exec(text);
  if (cjk) return withTitle('cjk', parseCjkNumber(cjk[1] ?? ''), cjk[2], true);
  for (const [style, pattern] of WEAK) {
    const match = pattern.exec(text);
    if (match) return withTitle(style, parseNumber(match[1] ?? ''), match[2], false);
  }
  return null;
}

function withTitle(style: string, number: number, title: string | undefined, strong: boolean): Marker | null {
  if (Number.isNaN(number)) return null;
  const clean = (title ?? '').trim();
  if (clean !== '' && !isTitleLike(clean)) return null;
  return { style, number, title: clean, strong };
}
