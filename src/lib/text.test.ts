import { describe, expect, it } from 'vitest';
import { leadingWords, trailingWords } from './text.js';

const LINE = 'The ferry came anyway, late and grumbling, with the harbourmaster asleep on its roof.';

describe('shortening a line between words', () => {
  it('keeps a line that fits as it is', () => {
    expect(leadingWords(LINE, 200)).toBe(LINE);
    expect(trailingWords(LINE, LINE.length)).toBe(LINE);
  });

  it('keeps the first whole words and marks the cut', () => {
    expect(leadingWords(LINE, 30)).toBe('The ferry came anyway, late…');
    expect(leadingWords(LINE, 27)).toBe('The ferry came anyway, late…');
    expect(leadingWords(LINE, 26)).toBe('The ferry came anyway,…');
  });

  it('keeps the last whole words and marks the cut', () => {
    expect(trailingWords(LINE, 30)).toBe('…asleep on its roof.');
    expect(trailingWords(LINE, 33)).toBe('…harbourmaster asleep on its roof.');
    expect(trailingWords(LINE, 32)).toBe('…asleep on its roof.');
  });

  it('counts characters, not UTF-16 units, and cuts a word longer than the line inside it', () => {
    expect(leadingWords('🌊🌊🌊 🌊🌊', 4)).toBe('🌊🌊🌊…');
    expect(leadingWords('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(trailingWords('y'.repeat(50), 10)).toBe(`…${'y'.repeat(10)}`);
  });
});
