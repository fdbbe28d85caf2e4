import { describe, expect, it } from 'vitest';
import { chapterHeading, statsEntries, tagUrl } from './download-model.js';
import { downloadSlug } from '../lib/download-formats.js';
import { ANONYMOUS_ONESHOT, LEDGER, WORK_IN_PROGRESS } from './fixtures/works.js';

describe('downloadSlug', () => {
  it('names files like AO3: ASCII words joined by underscores', () => {
    expect(downloadSlug('The Long Dark', 1)).toBe('The_Long_Dark');
    expect(downloadSlug('The Lantern-Keeper’s Ledger', 1)).toBe('The_Lantern-Keepers_Ledger');
    expect(downloadSlug('Salt & Vinegar <3 "Chips"', 1)).toBe('Salt_Vinegar_3_Chips');
    expect(downloadSlug('Café Noir: Über Alles', 1)).toBe('Cafe_Noir_Uber_Alles');
  });

  it('falls back to work-<id> when nothing ASCII is left', () => {
    expect(downloadSlug('灯台守の手紙', 102)).toBe('work-102');
    expect(downloadSlug('…', 5)).toBe('work-5');
  });

  it('stays within 60 characters, cut between words', () => {
    const slug = downloadSlug('A Very Long Title That Goes On And On Past Any Sensible Length For A File', 1);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('A_Very_Long_Title_That_Goes_On_And_On_Past_Any_Sensible');
  });
});

describe('the shared labels', () => {
  it('heads chapters by number and title, an untitled one-shot by the work title', () => {
    expect(LEDGER.chapters.map((c) => chapterHeading(LEDGER, c))).toEqual(['Chapter 1: Low Tide', 'Chapter 2: The Table of Lights', 'Chapter 3']);
    const [only] = ANONYMOUS_ONESHOT.chapters;
    expect(only && chapterHeading(ANONYMOUS_ONESHOT, only)).toBe('Salt & Vinegar <3 "Chips"');
  });

  it('shows Completed for a finished chaptered work, Updated for one in progress, neither for a one-shot', () => {
    expect(statsEntries(LEDGER).map(([label]) => label)).toEqual(['Published:', 'Completed:', 'Words:', 'Chapters:']);
    expect(statsEntries(WORK_IN_PROGRESS)).toEqual([['Published:', '2024-08-01'], ['Updated:', '2024-09-15'], ['Words:', '210'], ['Chapters:', '3/?']]);
    expect(statsEntries(ANONYMOUS_ONESHOT).map(([label]) => label)).toEqual(['Published:', 'Words:', 'Chapters:']);
  });

  it('links tags to their listing on the archive', () => {
    expect(tagUrl(LEDGER, 'Ines/Marisol')).toBe('https://archive.test/tags/Ines*s*Marisol/works');
  });
});
