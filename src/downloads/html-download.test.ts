import { describe, expect, it } from 'vitest';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { ANONYMOUS_ONESHOT, HARBOUR_AR, LEDGER, WORK_IN_PROGRESS } from './fixtures/works.js';
import { buildHtmlDownload } from './html-download.js';

describe('buildHtmlDownload', () => {
  const html = buildHtmlDownload(LEDGER);
  const doc = parsePage(html);

  it('is one HTML5 file with its style inline and no script or outside resource', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc.querySelector('meta[charset="utf-8"]')).not.toBeNull();
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('script, link[rel=stylesheet], img')).toHaveLength(LEDGER.chapters[0]?.html.includes('<img') ? 1 : 0);
    expect(textOf(doc, 'title')).toBe('The Lantern-Keeper’s Ledger');
  });

  it('opens with a preface: title, byline, tags, summary and notes', () => {
    expect(textOf(doc, '#preface h1')).toBe('The Lantern-Keeper’s Ledger');
    expect(textOf(doc, '#preface .byline')).toBe('by quillfeather, Moth & Ember');
    expect(doc.querySelector('#preface .byline a[rel=author]')?.getAttribute('href')).toBe('https://archive.test/users/quillfeather/pseuds/quillfeather');
    expect(textsOf(doc, '#preface dl.tags dt')).toEqual(['Rating:', 'Archive Warning:', 'Category:', 'Fandom:', 'Relationship:', 'Character:', 'Additional Tags:', 'Language:', 'Series:', 'Stats:']);
    expect(doc.querySelector('#preface dl.tags a[href="https://archive.test/tags/Ines*s*Marisol/works"]')?.textContent).toBe('Ines/Marisol');
    expect(textsOf(doc, '#preface blockquote.userstuff')).toEqual([
      'Every light on the coast is written down in Ines’s ledger—every light but one. A story in three tides.',
      'Written for the Harbour Lights exchange. Thank you to my beta, who knows what she did.',
    ]);
  });

  it('gives each chapter a heading, its notes and its text', () => {
    expect(textsOf(doc, '#chapters > div.meta.group > h2.heading')).toEqual(['Chapter 1: Low Tide', 'Chapter 2: The Table of Lights', 'Chapter 3']);
    const texts = doc.querySelectorAll('#chapters > div.userstuff');
    expect(texts).toHaveLength(3);
    for (const chapter of LEDGER.chapters) expect(html).toContain(`<div class="userstuff">${chapter.html}</div>`);
    expect(textsOf(doc, '#chapters blockquote.userstuff')).toEqual([
      'Ines keeps the ledger. Marisol arrives in the rain.', 'A/N: the first tide.', 'Next: the table of lights.', 'Tables! I’m sorry.', 'Thanks for reading to the end!',
    ]);
    expect(doc.querySelector('#chapters table caption')?.textContent).toBe('Lights seen, third week');
  });

  it('ends with the afterword: end notes, series and where the work was posted', () => {
    expect(doc.querySelector('#afterword blockquote.userstuff')?.textContent).toBe('The ledger in chapter two is based on nothing real\u00a0at all.');
    expect(textOf(doc, '#afterword .series')).toBe('Part 2 of Harbour Lights');
    expect(textOf(doc, '#afterword .message')).toBe('Posted at Bindery Test Archive: https://archive.test/works/101');
  });

  it('escapes everything that is not sanitized HTML', () => {
    const hostile = buildHtmlDownload({
      ...ANONYMOUS_ONESHOT, title: '<script>alert(1)</script> & "friends"',
      creators: [{ name: '<b>bold</b>', url: null }],
      tags: { ...ANONYMOUS_ONESHOT.tags, freeforms: ['<img src=x onerror=alert(1)>'] },
    });
    const page = parsePage(hostile);
    expect(page.querySelectorAll('script, b, img')).toHaveLength(0);
    expect(textOf(page, 'title')).toBe('<script>alert(1)</script> & "friends"');
    expect(textOf(page, '#preface h1')).toBe('<script>alert(1)</script> & "friends"');
    expect(textOf(page, '#preface .byline')).toBe('by <b>bold</b>');
    expect(hostile).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('heads an untitled one-shot with the work title and shows an anonymous creator as plain text', () => {
    const page = parsePage(buildHtmlDownload(ANONYMOUS_ONESHOT));
    expect(textsOf(page, '#chapters h2.heading')).toEqual(['Salt & Vinegar <3 "Chips"']);
    expect(page.querySelector('#preface .byline a')).toBeNull();
  });

  it('shows 3/? for a work in progress and writes right-to-left works with dir="rtl"', () => {
    expect(textOf(parsePage(buildHtmlDownload(WORK_IN_PROGRESS)), '#preface dl.tags dd:last-of-type')).toBe('Published: 2024-08-01Updated: 2024-09-15Words: 210Chapters: 3/?');
    const arabic = parsePage(buildHtmlDownload(HARBOUR_AR));
    expect(arabic.documentElement.getAttribute('dir')).toBe('rtl');
    expect(arabic.documentElement.getAttribute('lang')).toBe('ar');
  });
});
