import { describe, expect, it } from 'vitest';
import { importFile } from './import.js';
import { buildEpub, buildZip, expectAllWordsKept, firstLine, seen } from './test-support.js';

describe('a generic EPUB', () => {
  it('chapters from the headings of the spine documents, title and summary from the package, the nav left out', async () => {
    const epub = buildEpub([
      ['one.xhtml', '<h2>Chapter One</h2><p>The snow began on a Thursday.</p><p>By Friday it had opinions.</p>'],
      ['two.xhtml', '<h2>Chapter Two</h2><p>On Saturday the town dug itself out, one shovel at a time.</p>'],
      ['two-continued.xhtml', '<p>By Sunday there was a snowman on every step.</p>'],
    ], { title: 'Snowbound', description: 'A town, a week of snow.' });
    const work = await importFile(epub, 'snowbound.epub');
    expectAllWordsKept(work);
    expect(work.format).toBe('epub');
    expect(work.tags).toBeUndefined();
    expect(work.title).toBe('Snowbound');
    expect(seen(work.summary)).toBe('A town, a week of snow.');
    expect(work.chapters.map((c) => c.heading)).toEqual(['Chapter One', 'Chapter Two']);
    expect(firstLine(work.chapters[0]?.html ?? '')).toBe('The snow began on a Thursday.');
    // A chapter split over two files reads as one.
    expect(seen(work.chapters[1]?.html ?? '')).toBe('On Saturday the town dug itself out, one shovel at a time.\n\nBy Sunday there was a snowman on every step.');
    expect(JSON.stringify(work)).not.toContain('Contents entry');
  });

  it('an HTML entity such as &nbsp; in a content document is read as HTML reads it', async () => {
    const work = await importFile(buildEpub([['a.xhtml', '<p>Wait&nbsp;— “here”&hellip;</p>']], { title: 'Entities' }), 'e.epub');
    expect(work.chapters[0]?.html).toBe('<p>Wait\u00a0— “here”…</p>');
  });

  it('an EPUB without its package document is damaged', async () => {
    const broken = buildZip({ mimetype: 'application/epub+zip', 'META-INF/container.xml': '<container><rootfiles><rootfile full-path="OEBPS/missing.opf"/></rootfiles></container>' });
    const error: unknown = await importFile(broken, 'broken.epub').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'damaged_archive' });
  });
});
