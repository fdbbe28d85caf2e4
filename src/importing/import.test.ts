import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, importFile, importText, ImportError, wordsImported, type ImportedWork } from './import.js';
import { expectAllWordsKept, fixture, fixtureNames } from './test-support.js';

describe('every fixture', () => {
  it('there are fixtures of every text format', () => {
    expect(fixtureNames().map((name) => name.split('.').pop())).toEqual(expect.arrayContaining(['txt', 'md', 'html']));
  });

  it.each(fixtureNames())('%s: the draft holds every word of the file, and every chapter has text', async (name) => {
    const work = await importFile(fixture(name), name);
    expectAllWordsKept(work);
    expect(work.chapters.length).toBeGreaterThan(0);
    for (const chapter of work.chapters) expect(chapter.html).not.toBe('');
  });
});

describe('wordsImported', () => {
  it('counts the title and chapter headings as text and every HTML field by its words', () => {
    const work: Pick<ImportedWork, 'title' | 'summary' | 'notes' | 'endNotes' | 'chapters'> = {
      title: 'Two Words', summary: '<p>three more words</p>', notes: '<p>one</p>', endNotes: '',
      chapters: [{ title: 'Fog', heading: 'Chapter 1: Fog', summary: '', notes: '<p>a b</p>', endNotes: '<p>c</p>', html: '<p>d e f</p>' }],
    };
    expect(wordsImported(work)).toBe(2 + 3 + 1 + 3 + 2 + 1 + 3);
  });

  it('would catch a dropped paragraph', async () => {
    const work = await importFile(fixture('lighthouse.txt'), 'lighthouse.txt');
    const dropped = { ...work, chapters: work.chapters.slice(1) };
    expect(wordsImported(dropped)).toBeLessThan(work.wordsInFile);
  });
});

describe('formats we recognise and refuse', () => {
  it.each([
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'story.pdf', /^PDF files can’t be imported\. Open the PDF, copy the text/],
    ['an old Word .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'story.doc', /^Word 97–2003 documents \(\.doc\) can’t be imported\. Open it in your word processor, save it as a Word document \(\.docx\)/],
    ['an RTF file', [...Buffer.from('{\\rtf1\\ansi Hello}')], 'story.rtf', /^Rich Text Format \(\.rtf\) files can’t be imported/],
  ])('%s says what to do instead', async (_name, bytes, fileName, message) => {
    const error: unknown = await importFile(Uint8Array.from(bytes), fileName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('unsupported');
    expect((error as ImportError).message).toMatch(message);
  });

  it('a .docx that is not a zip at all lost its beginning: damaged', async () => {
    const error: unknown = await importFile(Buffer.from('not really a document'), 'story.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'damaged_archive' });
  });
});

describe('importText (pasted text)', () => {
  it('reads each format it is told', () => {
    expect(importText('# Dawn\n\nLight.\n\nMore light.', 'markdown')).toMatchObject({ title: 'Dawn', format: 'markdown', encoding: 'utf-8' });
    expect(importText('<h1>Dawn</h1><p>Light.</p><p>More.</p>', 'html')).toMatchObject({ title: 'Dawn', format: 'html' });
    expect(importText('Dawn\n\nLight.\n\nMore.', 'text')).toMatchObject({ title: 'Dawn', format: 'text' });
  });

  it('markup in pasted plain text stays text', () => {
    expect(importText('Light <em>and</em> shade.', 'text').chapters[0]?.html).toBe('<p>Light &lt;em&gt;and&lt;/em&gt; shade.</p>');
  });

  it('refuses empty and oversized text', () => {
    expect(() => importText(' \n ', 'text')).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => importText('a'.repeat(DEFAULT_LIMITS.maxFileBytes + 1), 'text')).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});

describe('DEFAULT_LIMITS', () => {
  it('are 5 MiB a file, 50 MiB unpacked, 20 MiB a part, 1,000 parts, and cannot be changed by accident', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 5 * 1024 * 1024, maxUnpackedBytes: 50 * 1024 * 1024, maxEntryBytes: 20 * 1024 * 1024, maxEntries: 1000 });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});
