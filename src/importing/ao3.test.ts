import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportedWork } from './import.js';
import { buildEpub, expectAllWordsKept, firstLine, fixture, seen } from './test-support.js';

const TAGS = {
  fandoms: ['Harbour Lights (TV)'],
  relationships: ['Maren Okafor/Delphine Aubrac'],
  characters: ['Maren Okafor', 'Delphine Aubrac', 'The Harbourmaster'],
  freeforms: ['Alternate Universe', 'Fluff', 'Slow Burn'],
  rating: 'Teen And Up Audiences',
  warnings: ['No Archive Warnings Apply'],
  categories: ['F/F', 'Gen'],
  language: 'English',
};

describe('an AO3 HTML download', () => {
  let work: ImportedWork;
  beforeAll(async () => {
    work = await importFile(fixture('ao3-download.html'), 'The_Tidewater_Ledger.html');
  });

  it('is recognised by its structure and keeps every word of the writer’s', () => {
    expect(work.format).toBe('ao3-html');
    expectAllWordsKept(work);
  });

  it('title, summary, notes and end notes come from the preface and afterword, without their labels', () => {
    expect(work.title).toBe('The Tidewater Ledger');
    expect(work.summary).toBe('<p>Maren keeps the harbour’s books. Delphine keeps losing her boat. Somewhere between the two, the ledger stops adding up.</p>');
    expect(seen(work.notes)).toBe('For the Quayside Exchange — I hope you like ledgers, dear recipient!');
    expect(seen(work.endNotes)).toBe('Thank you for reading! Come and say hello about harbours any time.');
  });

  it('the tags are read into their kinds', () => {
    expect(work.tags).toEqual(TAGS);
  });

  it('each chapter has its title, summary, notes, end notes and text', () => {
    const [one, two] = work.chapters;
    expect(work.chapters).toHaveLength(2);
    expect(one).toMatchObject({ heading: 'Chapter 1: Low Water', title: 'Low Water' });
    expect(seen(one?.summary ?? '')).toBe('In which a boat goes missing, again.');
    expect(seen(one?.notes ?? '')).toBe('Nautical terms are used with more enthusiasm than accuracy.');
    expect(seen(one?.endNotes ?? '')).toBe('The Merganser is named after a duck. So is everything else in this harbour.');
    expect(firstLine(one?.html ?? '')).toMatch(/^The ledger lived on the second shelf/);
    expect(one?.html).toContain('<p>This morning the truth was that the <em>Merganser</em> was gone.</p>');
    expect(two).toMatchObject({ title: 'Spring Tide', notes: '', endNotes: '' });
    expect(seen(two?.html ?? '')).toMatch(/in smaller letters underneath: with help\.$/);
  });

  it('the preface boilerplate is neither text nor counted: message, tags, stats, byline, labels', () => {
    const everything = [work.summary, work.notes, work.endNotes, ...work.chapters.flatMap((c) => [c.html, c.notes, c.endNotes, c.summary])].join('');
    for (const boilerplate of ['Posted originally', 'quillandkettle', 'Published:', 'Chapter Notes', 'drop by the archive', 'See the end']) {
      expect(everything).not.toContain(boilerplate);
    }
    // Counted part by part from the fixture: title 3, summary 19, notes 11, headings 4 + 4, chapter summary 7,
    // chapter notes 9, text 38 + 10 + 6 + 21 + 23 + 17, chapter end notes 14, end notes 12.
    expect(work.wordsInFile).toBe(198);
  });
});

describe('a one-chapter AO3 download', () => {
  it('has one chapter with no heading, its text straight from the userstuff', async () => {
    const html = Buffer.from(fixture('ao3-download.html')).toString('utf8');
    const oneChapter = html.replace(/<div id="chapters" class="userstuff">[\s\S]*?<div id="afterword">/, '<div id="chapters" class="userstuff"><div class="userstuff"><p>Just one scene, at low water.</p></div></div>\n<div id="afterword">');
    const work = await importFile(Buffer.from(oneChapter), 'one.html');
    expectAllWordsKept(work);
    expect(work.chapters).toEqual([{ heading: '', title: '', summary: '', notes: '', endNotes: '', html: '<p>Just one scene, at low water.</p>' }]);
  });
});

const PREFACE = `<div id="preface"><p class="message"><b>Night Ferry</b><br/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="http://archiveofourown.org/works/7654321">http://archiveofourown.org/works/7654321</a>.</p>
<div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a class="tag" href="#">General Audiences</a></dd><dt>Archive Warning:</dt><dd><a class="tag" href="#">No Archive Warnings Apply</a></dd>
<dt>Fandom:</dt><dd><a class="tag" href="#">Ferry Tales</a></dd><dt>Character:</dt><dd><a class="tag" href="#">Ines</a></dd><dt>Language:</dt><dd>Español</dd><dt>Stats:</dt><dd>Published: 2024-05-01 Words: 60 Chapters: 2/2</dd></dl>
<h1>Night Ferry</h1><div class="byline">by <a rel="author" href="#">marinera</a></div><p>Summary</p><blockquote class="userstuff"><p>Ines crosses the strait at night.</p></blockquote></div></div>`;
const chapter = (n: number, title: string, text: string): string =>
  `<div id="chapters" class="userstuff"><div class="meta group"><h2 class="heading">Chapter ${n}: ${title}</h2></div><div class="userstuff">${text}</div></div>`;
const AFTERWORD = '<div id="afterword"><div class="meta"><p>End Notes</p><blockquote class="userstuff"><p>¡Gracias por leer!</p></blockquote></div></div>';

describe('an AO3 EPUB download', () => {
  it('reads the preface, the chapters split across files, and the afterword, in spine order', async () => {
    const epub = buildEpub([
      ['preface.xhtml', PREFACE],
      ['chapter1.xhtml', chapter(1, 'Salida', '<p>El barco salió a medianoche.</p><p>“¿Tienes frío?” —preguntó el capitán.</p>')],
      ['chapter2.xhtml', chapter(2, 'Llegada', '<p>Al amanecer, la costa.</p>')],
      ['afterword.xhtml', AFTERWORD],
    ], { title: 'Night Ferry', description: '&lt;p&gt;Ines crosses the strait at night.&lt;/p&gt;', publisher: 'Archive of Our Own' });
    const work = await importFile(epub, 'Night_Ferry.epub');
    expectAllWordsKept(work);
    expect(work.format).toBe('ao3-epub');
    expect(work.encoding).toBe('utf-8');
    expect(work.title).toBe('Night Ferry');
    expect(seen(work.summary)).toBe('Ines crosses the strait at night.');
    expect(work.tags).toMatchObject({ rating: 'General Audiences', fandoms: ['Ferry Tales'], characters: ['Ines'], language: 'Español' });
    expect(work.chapters.map((c) => [c.title, c.html])).toEqual([
      ['Salida', '<p>El barco salió a medianoche.</p>\n<p>“¿Tienes frío?” —preguntó el capitán.</p>'],
      ['Llegada', '<p>Al amanecer, la costa.</p>'],
    ]);
    expect(seen(work.endNotes)).toBe('¡Gracias por leer!');
    expect(seen(work.chapters[0]?.html ?? '')).not.toContain('Contents entry');
  });
});
