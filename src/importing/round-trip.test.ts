// A work downloaded from Bindery (AO3-shaped HTML, or our EPUB) and imported again comes back
// as it was: the contract between src/downloads and this folder, checked on the download tests' works.
import { describe, expect, it } from 'vitest';
import { buildEpub } from '../downloads/epub.js';
import { ALL_WORKS } from '../downloads/fixtures/works.js';
import { buildHtmlDownload } from '../downloads/html-download.js';
import { importFile, type ImportedWork } from './import.js';
import { expectAllWordsKept, seen } from './test-support.js';

type Work = (typeof ALL_WORKS)[number];

function expectSameWork(imported: ImportedWork, work: Work, exactHtml: boolean): void {
  expectAllWordsKept(imported);
  expect(imported).toMatchObject({ title: work.title, summary: work.summary, notes: work.notes, endNotes: work.endNotes });
  expect(imported.tags).toMatchObject({
    rating: work.tags.rating[0], warnings: work.tags.warnings, categories: work.tags.categories, fandoms: work.tags.fandoms,
    relationships: work.tags.relationships, characters: work.tags.characters, freeforms: work.tags.freeforms,
  });
  expect(imported.chapters).toHaveLength(work.chapters.length);
  work.chapters.forEach((chapter, i) => {
    const back = imported.chapters[i];
    expect(back).toMatchObject({ title: chapter.title, summary: chapter.summary, notes: chapter.notes, endNotes: chapter.endNotes });
    // The EPUB's XHTML turns `<a name>` anchors into ids, which user HTML may not keep, and shows
    // images as links to them (decision 015); otherwise the text a reader sees is the same.
    if (exactHtml) expect(back?.html).toBe(chapter.html);
    else if (!chapter.html.includes('<img')) expect(seen(back?.html ?? '')).toBe(seen(chapter.html));
  });
}

describe.each(ALL_WORKS.map((work) => [work.title, work] as const))('%s', (_title, work) => {
  it('comes back from its HTML download', async () => {
    const imported = await importFile(Buffer.from(buildHtmlDownload(work)), 'work.html');
    expect(imported.format).toBe('ao3-html');
    expectSameWork(imported, work, true);
  });

  it('comes back from its EPUB download', async () => {
    const imported = await importFile(buildEpub(work), 'work.epub');
    expect(imported.format).toBe('ao3-epub');
    expectSameWork(imported, work, false);
  });
});
