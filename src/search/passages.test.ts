// Passages found in the stored chapter HTML: what a reader sees under a search result.
import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from './search-backend.js';
import { findPassage, HEAD, needleWords, passageIn, type Needle } from './passages.js';
import { locateSnippets, markedHtml } from './snippets.js';

const word = (text: string, prefix = false): Needle => ({ words: needleWords(text), prefix });
const shown = (passage: string | null) => passage?.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']') ?? null;

describe('passages found as typed', () => {
  it('marks a word, a phrase and a prefix, folding case, accents and apostrophes', () => {
    const text = 'Ines poured the café au lait. “Don’t,” she said, closing the shutters against the Storm.';
    expect(shown(passageIn(text, [word('storm')]))).toBe('…the café au lait. “Don’t,” she said, closing the shutters against the [Storm].');
    expect(shown(passageIn(text, [word('ines')]))).toBe('[Ines] poured the café au lait. “Don’t,” she said, closing the shutters against the Storm.');
    expect(shown(passageIn(text, [word('cafe')]))).toContain('the [café] au');
    expect(shown(passageIn(text, [word("don't")]))).toContain('“[Don’t],”');
    expect(shown(passageIn(text, [word('she said')]))).toContain('“Don’t,” [she said], closing');
    expect(shown(passageIn(text, [word('clos', true)]))).toContain('[closing] the');
  });

  it('finds a word typed without its accent in a chapter that has it, and the other way round', () => {
    const chapters = [{ id: 7, content: '<p>She was naïve about the sea, and about the café too.</p>' }];
    expect(shown(findPassage(chapters, [word('naive')])?.passage ?? null)).toContain('She was [naïve] about');
    expect(shown(findPassage([{ id: 8, content: '<p>A naive plan.</p>' }], [word('naïve')])?.passage ?? null)).toBe('A [naive] plan.');
    // Beside Hangul (whose syllables come apart when accents are taken off), in Greek, and with the accent as a combining mark.
    expect(shown(findPassage([{ id: 9, content: '<p>한국어 문장 naïve.</p>' }], [word('naive')])?.passage ?? null)).toBe('한국어 문장 [naïve].');
    expect(shown(findPassage([{ id: 9, content: '<p>한국어 문장 naive.</p>' }], [word('naive')])?.passage ?? null)).toContain('[naive]');
    expect(shown(findPassage([{ id: 10, content: '<p>Η θάλασσα ήταν ήσυχη.</p>' }], [word('θαλασσα')])?.passage ?? null)).toContain('[θάλασσα]');
    expect(shown(findPassage([{ id: 11, content: '<p>A nai\u0308ve plan.</p>' }], [word('naive')])?.passage ?? null)).toBe('A [nai\u0308ve] plan.');
    expect(findPassage([{ id: 12, content: '<p>A naval plan.</p>' }], [word('naive')])).toBeNull();
  });

  it('skips the letters inside a longer word, even after a letter outside the basic plane, for the word itself further on', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `filler${i}`).join(' ');
    const chapters = [{ id: 13, content: `<p>The unleaving trees, 𝔅leaving too.</p><p>${filler}</p><p>Leaving now, she shut the door.</p>` }];
    expect(shown(findPassage(chapters, [word('leaving')])?.passage ?? null)).toContain('[Leaving] now, she shut the door.');
  });

  it('finds nothing when only a stem would match, so the backend is asked', () => {
    expect(passageIn('He was running for the ferry.', [word('runs')])).toBeNull();
    expect(passageIn('said she', [word('she said')])).toBeNull();
  });

  it('cuts a window around the densest run of matches, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
    words[10] = 'lamp';
    words[50] = 'lamp';
    words[53] = 'lamp';
    const passage = shown(passageIn(words.join(' '), [word('lamp')])) ?? '';
    expect(passage.startsWith('…w38 ')).toBe(true);
    expect(passage.match(/\[lamp\]/g)).toHaveLength(2);
    expect(passage.endsWith('w70…')).toBe(true);
  });

  it('cuts the same passage from a long chapter wherever its match is: early, near where its first part ends, deep', () => {
    const paragraph = (i: number) => `<p class="para">Paragraph ${i} of the tide tables, read aloud by the harbour clerk.</p>`;
    const long = (at: number, withWord: string) => Array.from({ length: 400 }, (_, i) => (i === at ? `<p>The <em>cormorant</em> ${withWord} stood on the pier.</p>` : paragraph(i))).join('');
    for (const at of [3, 60, 64, 70, 75, 300]) {
      const found = (shown(findPassage([{ id: 1, content: long(at, 'alone') }], [word('cormorant')])?.passage ?? null) ?? '').replace(/\s+/g, ' ');
      // The words on both sides of it as they are in the chapter, and no markup.
      expect(found, `match in paragraph ${at}`).toContain(`read aloud by the harbour clerk. The [cormorant] alone stood on the pier. Paragraph ${at + 1} of the tide tables`);
      expect(found, `match in paragraph ${at}`).toMatch(/^….*…$/);
      expect(found, `match in paragraph ${at}`).not.toMatch(/[<>]/);
    }
    // A word cut where the part read first ends ("cormorant|s") is not taken for a match, nor is
    // a tag cut there taken for text.
    const before = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('');
    const filler = `<p>${'x'.repeat(HEAD - before.length - '<p></p><p>The cormorant'.length)}</p>`;
    const cut = `${before}${filler}<p>The cormorants flew.</p>${paragraph(99)}`;
    expect(cut.slice(0, HEAD).endsWith('The cormorant')).toBe(true);
    expect(findPassage([{ id: 1, content: cut }], [word('cormorant')])).toBeNull();
    expect(shown(findPassage([{ id: 1, content: cut }], [word('cormorants')])?.passage ?? null)).toContain('The [cormorants] flew.');
    const tagCut = `${before}<p>${'x'.repeat(HEAD - before.length - '<p></p><p class="aside'.length)}</p><p class="aside">The cormorant flew.</p>`;
    expect(tagCut.slice(0, HEAD).endsWith('<p class="aside')).toBe(true);
    expect(shown(findPassage([{ id: 1, content: tagCut }], [word('aside')])?.passage ?? null)).toBeNull();
  });

  it('reads the first chapter that holds a match, decoding entities and escaping the result', () => {
    const chapters = [
      { id: 1, content: '<p>Nothing here but fog.</p>' },
      { id: 2, content: '<p>Salt &amp; <em>cormorant</em> feathers&nbsp;&lt;3</p>' },
      { id: 3, content: '<p>Another cormorant.</p>' },
    ];
    const found = findPassage(chapters, [word('cormorant')]);
    expect(found?.chapterId).toBe(2);
    // The no-break space is still in the passage; the HTML shows runs of white space as one space.
    expect(found?.passage).toContain('feathers\u00a0<3');
    expect(markedHtml(found?.passage ?? '')).toBe('Salt &amp; <mark>cormorant</mark> feathers &lt;3');
  });
});

describe('passages the backend found', () => {
  it('are placed in the chapter that holds them, whatever the markup and spacing', () => {
    const chapters = new Map([[7, [
      { id: 1, content: '<p>Fog over the harbour.</p>' },
      { id: 2, content: '<p>Salt &amp; <em>ran</em>\n  feathers on the sill.</p><p>Gulls again.</p>' },
    ]]]);
    const passage = `…Salt & ${MARK_START}ran${MARK_END} feathers on the sill.\n\nGulls…`;
    expect(locateSnippets(chapters, new Map([[7, passage]])).get(7)).toEqual({ chapterId: 2, html: '…Salt &amp; <mark>ran</mark> feathers on the sill.\nGulls…' });
  });
});
