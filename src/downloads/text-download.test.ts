import { describe, expect, it } from 'vitest';
import { ANONYMOUS_ONESHOT, LEDGER, LIGHTHOUSE_JA, WORK_IN_PROGRESS } from './fixtures/works.js';
import { buildTextDownload, userHtmlToText } from './text-download.js';

const BASE = 'https://archive.test/works/1';
const lines = (text: string) => text.split('\r\n');

describe('buildTextDownload', () => {
  const text = buildTextDownload(LEDGER);

  it('ends every line with CRLF and nothing else', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('opens with the title, byline, tags, stats and where it was posted', () => {
    expect(lines(text).slice(0, 19)).toEqual([
      'The Lantern-Keeper’s Ledger', 'by quillfeather, Moth & Ember', '',
      'Rating: Teen And Up Audiences', 'Archive Warning: No Archive Warnings Apply', 'Category: F/F, Gen',
      'Fandom: Harbour Lights (Original Work)', 'Relationship: Ines/Marisol', 'Character: Ines, Marisol, The Harbourmaster',
      'Additional Tags: Lighthouses, Slow Burn, Found Family', 'Language: English',
      'Series: Part 2 of Harbour Lights (https://archive.test/series/7)',
      'Published: 2024-03-01', 'Completed: 2024-04-12', 'Words: 1,234', 'Chapters: 3/3', '',
      'Posted at Bindery Test Archive: https://archive.test/works/101', '',
    ]);
    expect(text).toContain('\r\nSummary\r\n\r\nEvery light on the coast is written down in Ines’s ledger—every light but one.\r\n\r\nA story in three tides (https://example.org/prompts/7).\r\n');
  });

  it('heads each chapter with a rule and its title, then its notes, text and end notes', () => {
    expect(text).toContain('========================================\r\n\r\nChapter 1: Low Tide\r\n\r\nChapter Summary\r\n\r\nInes keeps the ledger.');
    expect(text).toContain('\r\n\r\nChapter 3\r\n\r\nBy morning the light was gone');
    expect(text).toContain('Chapter End Notes\r\n\r\nThanks for reading to the end!\r\n');
    expect(text.indexOf('Chapter 2: The Table of Lights')).toBeGreaterThan(text.indexOf('Chapter 1: Low Tide'));
    expect(text).toContain('Afterword\r\n\r\nEnd Notes\r\n\r\nThe ledger in chapter two is based on nothing real\u00a0at all.\r\n\r\nPosted at Bindery Test Archive');
  });

  it('separates paragraphs by a blank line and keeps the typography', () => {
    expect(text).toContain('“You’re late,” Ines said—not unkindly—and held the door against the wind.\r\n\r\nMarisol shook the rain from her coat… “The road washed out again.”\r\n');
  });

  it('writes a scene break as * * *, links as text (url), images as [alt] (url)', () => {
    expect(text).toContain('km.1\r\n\r\n* * *\r\n\r\nLater, the lamp room');
    expect(text).toContain('See the lamp notes (https://example.org/lamps) or write to the keeper (mailto:keeper@example.org).');
    expect(text).toContain('[A brass lamp] (https://images.example.org/lamp.png)');
    expect(buildTextDownload(WORK_IN_PROGRESS)).toContain('See the ledger (https://archive.test/works/101) and a missing anchor.');
  });

  it('writes tables as rows and lists with bullets or numbers', () => {
    expect(text).toContain('Lights seen, third week\r\nNight | Light | Colour\r\nMonday | North Point | white\r\nTuesday | The Widow’s Rock | red\r\n\r\n- Wind: south-west\r\n- Sea: slight\r\n');
    expect(buildTextDownload(WORK_IN_PROGRESS)).toContain('3. third\r\n\r\na stray paragraph\r\n\r\n4. fourth');
  });

  it('keeps line breaks, preformatted text and CJK as written', () => {
    expect(userHtmlToText('<p>one<br>two</p>', BASE)).toBe('one\ntwo');
    expect(buildTextDownload(WORK_IN_PROGRESS)).toContain('\r\n  N\r\nW + E\r\n  S\r\n');
    expect(buildTextDownload(LIGHTHOUSE_JA)).toContain('「今夜も風が強いね」と彼女は言った。\r\n\r\n灯台(とうだい)の光は、遠くの船まで届いていた……');
  });

  it('does not repeat a link whose text is its address', () => {
    expect(userHtmlToText('<p><a href="https://example.org/">https://example.org/</a></p>', BASE)).toBe('https://example.org/');
    expect(userHtmlToText('<p><a href="#fn1">1</a></p>', BASE)).toBe('1');
  });

  it('heads an untitled one-shot with the work title and names an anonymous creator', () => {
    const oneShot = lines(buildTextDownload(ANONYMOUS_ONESHOT));
    expect(oneShot.slice(0, 2)).toEqual(['Salt & Vinegar <3 "Chips"', 'by Anonymous']);
    expect(oneShot).toContain('========================================');
    expect(oneShot.filter((line) => line === 'Salt & Vinegar <3 "Chips"')).toHaveLength(2);
  });
});
