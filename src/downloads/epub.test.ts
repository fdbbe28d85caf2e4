import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesBook } from './download-model.js';
import { buildEpub, buildSeriesEpub } from './epub.js';
import { workIdentifier } from './epub-package.js';
import { epubcheck, problems, type EpubcheckMessage } from './fixtures/epubcheck.js';
import { findAll, firstZipEntry, parseXml, unzipEpub, type XmlNode } from './fixtures/epub-files.js';
import { TAG_SOUP } from './fixtures/tag-soup.js';
import { ALL_WORKS, ANONYMOUS_ONESHOT, HARBOUR_AR, LEDGER, LIGHTHOUSE_JA, WORK_IN_PROGRESS } from './fixtures/works.js';

const files = (work: typeof LEDGER) => unzipEpub(buildEpub(work));
const file = (entries: Map<string, string>, path: string): string => {
  const content = entries.get(path);
  if (content === undefined) throw new Error(`no ${path} in the EPUB`);
  return content;
};
const texts = (node: XmlNode, name: string) => findAll(node, name).map((n) => n.text);

/** A series of two of the fixture works, with its own description. */
const SERIES: SeriesBook = {
  id: 9, title: 'Harbour Lights, the Cycle', url: 'https://archive.test/series/9', creators: LEDGER.creators,
  summary: '<p>Two stories of the same <em>coast</em>.</p>', notes: '', complete: false,
  archiveName: LEDGER.archiveName, archiveUrl: LEDGER.archiveUrl, works: [LEDGER, WORK_IN_PROGRESS],
};

describe('epubcheck', () => {
  let reports = new Map<string, EpubcheckMessage[]>();
  beforeAll(async () => {
    reports = await epubcheck([...[...ALL_WORKS, TAG_SOUP].map((work): [string, Uint8Array] => [`work-${work.id}`, buildEpub(work)]), ['series-9', buildSeriesEpub(SERIES)]]);
  }, 300_000);

  it('passes with no error or warning: a whole series in one book', () => {
    const messages = reports.get('series-9');
    expect(messages, 'epubcheck ran').toBeDefined();
    expect(problems(messages ?? [])).toEqual([]);
  });

  it.each([...ALL_WORKS, TAG_SOUP].map((work) => [work.title, work.id] as const))('passes with no error or warning: %s', (_title, id) => {
    const messages = reports.get(`work-${id}`);
    expect(messages, 'epubcheck ran').toBeDefined();
    expect(problems(messages ?? [])).toEqual([]);
  });
});

describe('buildSeriesEpub', () => {
  it('holds the series’ title page, then each work whole, in order, with a table of contents across them', () => {
    const entries = unzipEpub(buildSeriesEpub(SERIES));
    const opf = parseXml(file(entries, 'EPUB/package.opf'));
    expect(texts(opf, 'dc:title')).toEqual(['Harbour Lights, the Cycle']);
    expect(texts(opf, 'dc:source')).toEqual(['https://archive.test/series/9']);
    expect(texts(opf, 'dc:description')).toEqual(['Two stories of the same coast.']);
    const spine = findAll(opf, 'itemref').map((n) => n.attributes.idref);
    expect(spine[0]).toBe('title-page');
    expect(spine[1]).toBe('part-1-title');
    expect(spine.indexOf('part-2-title')).toBe(spine.indexOf('part-1-afterword') + 1);
    expect(spine.at(-1)).toBe('part-2-afterword');
    const nav = parseXml(file(entries, 'EPUB/nav.xhtml'));
    const toc = texts(nav, 'a');
    expect(toc.slice(0, 2)).toEqual(['Harbour Lights, the Cycle', `Part 1: ${LEDGER.title}`]);
    expect(toc).toContain(`Part 2: ${WORK_IN_PROGRESS.title}`);
    const title = file(entries, 'EPUB/title.xhtml');
    expect(title).toContain(`Part 1: ${LEDGER.title}`);
    expect(title).toContain('<em>coast</em>');
    // Each work keeps its own title page, chapters and afterword.
    expect(file(entries, 'EPUB/part-2-title.xhtml')).toContain(WORK_IN_PROGRESS.title);
    expect([...entries.keys()].filter((name) => /part-1-chapter-\d+\.xhtml$/.test(name))).toHaveLength(LEDGER.chapters.length);
  });
});

describe('buildEpub', () => {
  it('puts mimetype first, stored, with no extra field', () => {
    const first = firstZipEntry(buildEpub(LEDGER));
    expect(first).toEqual({ name: 'mimetype', method: 0, extraLength: 0, data: 'application/epub+zip' });
  });

  it('gives the same bytes for the same work', () => {
    expect(Buffer.from(buildEpub(LEDGER)).equals(Buffer.from(buildEpub(LEDGER)))).toBe(true);
  });

  it('describes the work in the package metadata', () => {
    const opf = parseXml(file(files(LEDGER), 'EPUB/package.opf'));
    expect(texts(opf, 'dc:title')).toEqual(['The Lantern-Keeper’s Ledger']);
    expect(texts(opf, 'dc:creator')).toEqual(['quillfeather', 'Moth & Ember']);
    expect(texts(opf, 'dc:language')).toEqual(['en']);
    expect(texts(opf, 'dc:subject')).toEqual([
      'Teen And Up Audiences', 'No Archive Warnings Apply', 'F/F', 'Gen', 'Harbour Lights (Original Work)', 'Ines/Marisol',
      'Ines', 'Marisol', 'The Harbourmaster', 'Lighthouses', 'Slow Burn', 'Found Family',
    ]);
    expect(texts(opf, 'dc:description')).toEqual(['Every light on the coast is written down in Ines’s ledger—every light but one.\n\nA story in three tides.']);
    expect(texts(opf, 'dc:publisher')).toEqual(['Bindery Test Archive']);
    expect(texts(opf, 'dc:source')).toEqual(['https://archive.test/works/101']);
    expect(texts(opf, 'dc:identifier')).toEqual([workIdentifier('https://archive.test/works/101')]);
    expect(texts(opf, 'dc:date')).toEqual(['2024-03-01']);
    const meta = (property: string) => findAll(opf, 'meta').filter((m) => m.attributes.property === property).map((m) => m.text);
    expect(meta('dcterms:modified')).toEqual(['2024-04-12T18:30:05Z']);
    expect(meta('belongs-to-collection')).toEqual(['Harbour Lights']);
    expect(meta('group-position')).toEqual(['2']);
  });

  it('derives a stable urn:uuid (version 5) from the work URL', () => {
    const id = workIdentifier('https://archive.test/works/101');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(workIdentifier('https://archive.test/works/101')).toBe(id);
    expect(workIdentifier('https://archive.test/works/102')).not.toBe(id);
  });

  it('writes modified times in UTC whole seconds whatever the offset given', () => {
    const opf = parseXml(file(files(WORK_IN_PROGRESS), 'EPUB/package.opf'));
    expect(findAll(opf, 'meta').find((m) => m.attributes.property === 'dcterms:modified')?.text).toBe('2024-09-15T19:45:00Z');
  });

  it('names an anonymous creator as given', () => {
    const entries = files(ANONYMOUS_ONESHOT);
    expect(texts(parseXml(file(entries, 'EPUB/package.opf')), 'dc:creator')).toEqual(['Anonymous']);
    expect(file(entries, 'EPUB/title.xhtml')).toContain('<p class="byline">by Anonymous</p>');
    expect(file(entries, 'EPUB/title.xhtml')).toContain('<h1 class="title">Salt &amp; Vinegar &lt;3 "Chips"</h1>');
  });

  it('lists every chapter in the navigation document and the NCX, in order', () => {
    const entries = files(LEDGER);
    const nav = parseXml(file(entries, 'EPUB/nav.xhtml'));
    const toc = findAll(nav, 'nav').find((n) => n.attributes['epub:type'] === 'toc');
    expect(toc && findAll(toc, 'a').map((a) => [a.attributes.href, a.text])).toEqual([
      ['title.xhtml', 'The Lantern-Keeper’s Ledger'], ['chapter-1.xhtml', 'Chapter 1: Low Tide'],
      ['chapter-2.xhtml', 'Chapter 2: The Table of Lights'], ['chapter-3.xhtml', 'Chapter 3'], ['afterword.xhtml', 'Afterword'],
    ]);
    const landmarks = findAll(nav, 'a').filter((a) => a.attributes['epub:type'] !== undefined).map((a) => a.attributes['epub:type']);
    expect(landmarks).toEqual(['titlepage', 'bodymatter']);
    const ncx = parseXml(file(entries, 'EPUB/toc.ncx'));
    expect(findAll(ncx, 'content').map((c) => c.attributes.src)).toEqual(['title.xhtml', 'chapter-1.xhtml', 'chapter-2.xhtml', 'chapter-3.xhtml', 'afterword.xhtml']);
    const opf = parseXml(file(entries, 'EPUB/package.opf'));
    expect(findAll(opf, 'itemref').map((i) => i.attributes.idref)).toEqual(['title-page', 'chapter-1', 'chapter-2', 'chapter-3', 'afterword']);
  });

  it('keeps the typography of the chapter text byte for byte, &nbsp; as the character', () => {
    const chapter = file(files(LEDGER), 'EPUB/chapter-1.xhtml');
    expect(chapter).toContain('<p>“You’re late,” Ines said—not unkindly—and held the door against the wind.</p>');
    expect(chapter).toContain('<p>Marisol shook the rain from her coat… “The road washed out again.”</p>');
    expect(chapter).toContain('Distance to the\u00a0point:\u00a04\u00a0km.');
    expect(chapter).not.toContain('&nbsp;');
    expect(chapter).toContain('<hr/>');
  });

  it('puts each chapter\'s title, summary, notes and end notes in its file, and the work\'s end notes in the afterword', () => {
    const entries = files(LEDGER);
    const chapter = parseXml(file(entries, 'EPUB/chapter-1.xhtml'));
    expect(texts(chapter, 'h2')).toEqual(['Chapter 1: Low Tide']);
    expect(texts(chapter, 'h3')).toEqual(['Chapter Summary', 'Chapter Notes', 'Chapter End Notes']);
    expect(texts(chapter, 'blockquote')).toEqual(['Ines keeps the ledger. Marisol arrives in the rain.', 'A/N: the first tide.', 'Next: the table of lights.']);
    const afterword = file(entries, 'EPUB/afterword.xhtml');
    expect(afterword).toContain('<p>The ledger in chapter two is based on nothing real\u00a0at all.</p>');
    expect(afterword).toContain('Posted at <a href="https://archive.test/">Bindery Test Archive</a>: <a href="https://archive.test/works/101">');
  });

  it('shows tags, language, series and stats on the title page', () => {
    const title = parseXml(file(files(LEDGER), 'EPUB/title.xhtml'));
    const dl = findAll(title, 'dl')[0];
    expect(dl && texts(dl, 'dt')).toEqual(['Rating:', 'Archive Warning:', 'Category:', 'Fandom:', 'Relationship:', 'Character:', 'Additional Tags:', 'Language:', 'Series:', 'Stats:']);
    expect(dl && texts(dl, 'dd')).toContain('Ines, Marisol, The Harbourmaster');
    expect(dl && texts(dl, 'dd')).toContain('Part 2 of Harbour Lights');
    expect(dl && texts(dl, 'dd').at(-1)).toBe('Published: 2024-03-01Completed: 2024-04-12Words: 1,234Chapters: 3/3');
    expect(texts(title, 'h2')).toEqual(['Summary', 'Notes']);
  });

  it('counts chapters of an unfinished work as 3/?', () => {
    expect(file(files(WORK_IN_PROGRESS), 'EPUB/title.xhtml')).toContain('Updated: 2024-09-15<br/>Words: 210<br/>Chapters: 3/?</dd>');
  });

  it('turns images into links to them, keeps absolute links and resolves relative ones', () => {
    const ledger = file(files(LEDGER), 'EPUB/chapter-1.xhtml');
    expect(ledger).toContain('<a class="image" href="https://images.example.org/lamp.png" rel="nofollow">A brass lamp</a>');
    expect(ledger).not.toContain('<img');
    expect(ledger).toContain('<a href="mailto:keeper@example.org" rel="nofollow">write to the keeper</a>');
    expect(ledger).toContain('<a id="fn1"></a>');
    expect(ledger).toContain('<a href="#fn1" rel="nofollow">1</a>');
    const wip = file(files(WORK_IN_PROGRESS), 'EPUB/chapter-2.xhtml');
    expect(wip).toContain('<a href="https://archive.test/works/101" rel="nofollow">the ledger</a>');
    expect(wip).toContain(' and a missing anchor.');
  });

  it('keeps Japanese text and ruby exactly', () => {
    const entries = files(LIGHTHOUSE_JA);
    const chapter = file(entries, 'EPUB/chapter-1.xhtml');
    expect(chapter).toContain('lang="ja" xml:lang="ja"');
    expect(chapter).toContain('<p>「今夜も風が強いね」と彼女は言った。</p>');
    expect(chapter).toContain('<ruby>灯台<rp>(</rp><rt>とうだい</rt><rp>)</rp></ruby>の光は、遠くの船まで届いていた……');
    expect(texts(parseXml(file(entries, 'EPUB/package.opf')), 'dc:title')).toEqual(['灯台守の手紙']);
  });

  it('sets right-to-left direction for Arabic, in every document and the spine', () => {
    const entries = files(HARBOUR_AR);
    for (const path of ['EPUB/title.xhtml', 'EPUB/chapter-1.xhtml', 'EPUB/afterword.xhtml', 'EPUB/nav.xhtml']) {
      const html = parseXml(file(entries, path));
      expect([html.attributes.lang, html.attributes['xml:lang'], html.attributes.dir]).toEqual(['ar', 'ar', 'rtl']);
    }
    expect(file(entries, 'EPUB/chapter-1.xhtml')).toContain('<p>كان البحر هادئًا في الصباح، والقوارب الصغيرة تنتظر عند الرصيف.</p>');
    const spine = findAll(parseXml(file(entries, 'EPUB/package.opf')), 'spine')[0];
    expect(spine?.attributes['page-progression-direction']).toBe('rtl');
    const english = parseXml(file(files(LEDGER), 'EPUB/chapter-1.xhtml'));
    expect(english.attributes.dir).toBeUndefined();
  });

  it('writes every XHTML file as well-formed XML', () => {
    for (const work of [...ALL_WORKS, TAG_SOUP]) {
      for (const [path, content] of files(work)) {
        if (/\.(xhtml|opf|ncx|xml)$/.test(path)) expect(() => parseXml(content), path).not.toThrow();
      }
    }
  });

  it('refuses a modification time that is not an instant', () => {
    expect(() => buildEpub({ ...LEDGER, modifiedAt: 'yesterday' })).toThrow(/modifiedAt/);
  });
});
