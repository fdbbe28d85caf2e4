import { describe, expect, it } from 'vitest';
import { importFile, importText, type ImportedWork } from './import.js';
import { expectAllWordsKept, firstLine, fixture, seen } from './test-support.js';

function story(text: string): ImportedWork {
  const work = importText(text, 'text');
  expectAllWordsKept(work);
  return work;
}

const headings = (work: ImportedWork): string[] => work.chapters.map((c) => c.heading);
const titles = (work: ImportedWork): string[] => work.chapters.map((c) => c.title);
const firstLines = (work: ImportedWork): string[] => work.chapters.map((c) => firstLine(c.html));

const PROSE = ['The rain had not stopped for three days.', 'Nobody in the village minded much.', 'The ferry came anyway, late and grumbling.'];

/** A story whose chapters are introduced by the given marker lines, each followed by a paragraph of prose. */
const withMarkers = (...markers: string[]): string =>
  markers.map((marker, i) => `${marker}\n\n${PROSE[i % PROSE.length] ?? ''}`).join('\n\n');

describe('chapter markers in every style', () => {
  it.each([
    ['Chapter 1', ['Chapter 1', 'Chapter 2', 'Chapter 3'], ['', '', '']],
    ['Chapter One: The Road', ['Chapter One: The Road', 'Chapter Two: The Sea', 'Chapter Three: Home'], ['The Road', 'The Sea', 'Home']],
    ['Chapter 2 - The Lighthouse', ['Chapter 1 - Fog', 'Chapter 2 - The Lighthouse'], ['Fog', 'The Lighthouse']],
    ['CHAPTER XII', ['CHAPTER XI', 'CHAPTER XII', 'CHAPTER XIII'], ['', '', '']],
    ['-1-', ['-1-', '-2-', '-3-'], ['', '', '']],
    ['1.', ['1.', '2.', '3.'], ['', '', '']],
    ['1. with a title', ['1. Fog', '2. The Lighthouse'], ['Fog', 'The Lighthouse']],
    ['Part II', ['Part I', 'Part II', 'Part III'], ['Part I', 'Part II', 'Part III']],
    ['~ 3 ~', ['~ 1 ~', '~ 2 ~', '~ 3 ~'], ['', '', '']],
    ['第一章', ['第一章 雨', '第二章 风'], ['雨', '风']],
  ])('%s', (_style, markers, expectedTitles) => {
    const work = story(withMarkers(...markers));
    expect(headings(work)).toEqual(markers);
    expect(titles(work)).toEqual(expectedTitles);
    expect(firstLines(work)).toEqual(markers.map((_, i) => PROSE[i % PROSE.length]));
  });

  it('a title on the short line under the marker', () => {
    const work = story('Chapter 1\nThe Road\n\nShe walked.\n\nChapter 2\nThe Sea\n\nShe swam.');
    expect(titles(work)).toEqual(['The Road', 'The Sea']);
    expect(headings(work)).toEqual(['Chapter 1\nThe Road', 'Chapter 2\nThe Sea']);
    expect(firstLines(work)).toEqual(['She walked.', 'She swam.']);
  });

  it('Prologue and Epilogue around numbered chapters', () => {
    const work = story(withMarkers('Prologue', 'Chapter 1', 'Chapter 2', 'Epilogue'));
    expect(titles(work)).toEqual(['Prologue', '', '', 'Epilogue']);
  });

  it('a Part line right before a chapter marker joins that chapter’s heading', () => {
    const work = story(`${withMarkers('Chapter 1', 'Chapter 2')}\n\nPart Two\n\n${withMarkers('Chapter 3')}`);
    expect(headings(work)).toEqual(['Chapter 1', 'Chapter 2', 'Part Two\nChapter 3']);
    expect(seen(work.chapters[1]?.html ?? '')).not.toContain('Part Two');
  });

  it('#1, #2, #3 markers are chapters', () => {
    expect(headings(story(withMarkers('#1', '#2', '#3')))).toEqual(['#1', '#2', '#3']);
  });

  it('a marker on the first line of a paragraph still starts a chapter', () => {
    const work = story('Chapter 1\nThe rain had not stopped for three days, and nobody in\nthe village minded much at all that spring.\n\nChapter 2\nIt stopped.\nJust like that.');
    expect(headings(work)).toEqual(['Chapter 1', 'Chapter 2']);
    expect(firstLines(work)).toEqual(['The rain had not stopped for three days, and nobody in the village minded much at all that spring.', 'It stopped.']);
  });

  it('writers who end paragraphs with one newline: long lines are paragraphs, the short marker lines chapters', async () => {
    const work = await importFile(fixture('one-line-paragraphs.txt'), 'one-line-paragraphs.txt');
    expectAllWordsKept(work);
    expect(headings(work)).toEqual(['Chapter 1', 'Chapter 2']);
    expect(work.chapters[0]?.html.match(/<p>/g)).toHaveLength(3);
  });

  it('a table of contents at the top is not taken for the chapters', () => {
    const work = story(`Contents\n\nChapter 1\n\nChapter 2\n\n${withMarkers('Chapter 1', 'Chapter 2')}`);
    expect(firstLines(work)).toEqual([PROSE[0], PROSE[1]]);
  });

  it.each([['-1-'], ['1.'], ['Chapter 1'], ['-4-'], ['~ 3 ~'], ['I.'], ['1. The Ferry']])(
    'a file of one chapter that starts with its marker %s: the marker is its heading, not its first paragraph',
    (marker) => {
      for (const top of ['', 'The Long Way Round\n\n']) {
        const work = story(`${top}${marker}\n\n${PROSE.join('\n\n')}`);
        expect(headings(work)).toEqual([marker]);
        expect(firstLines(work)).toEqual([PROSE[0]]);
      }
    },
  );

  it('a marker-like line lower down in a one-chapter file stays text', () => {
    const work = story(`${PROSE[0] ?? ''}\n\n-1-\n\n${PROSE[1] ?? ''}`);
    expect(headings(work)).toEqual(['']);
    expect(seen(work.chapters[0]?.html ?? '')).toContain('-1-');
  });

  it('no markers: one chapter with no heading', () => {
    const work = story(PROSE.join('\n\n'));
    expect(work.chapters).toHaveLength(1);
    expect(work.chapters[0]).toMatchObject({ title: '', heading: '' });
  });
});

describe('what is not a chapter', () => {
  it.each([['* * *'], ['***'], ['~~~'], ['oOo'], ['---'], ['#'], ['xXx'], ['~*~']])('the scene break %s stays in the text', (mark) => {
    const work = story(`${PROSE[0] ?? ''}\n\n${mark}\n\n${PROSE[1] ?? ''}\n\n${mark}\n\n${PROSE[2] ?? ''}`);
    expect(work.chapters).toHaveLength(1);
    const html = work.chapters[0]?.html ?? '';
    expect(html.match(/<hr>|<p align="center">/g)).toHaveLength(2);
    expect(seen(html)).toContain(PROSE[2]);
  });

  it('a scene break made of letters keeps them, centred; one made of symbols becomes a rule', () => {
    const html = story(`A.\n\noOo\n\nB.\n\n* * *\n\nC.`).chapters[0]?.html;
    expect(html).toBe('<p>A.</p>\n<p align="center">oOo</p>\n<p>B.</p>\n<hr>\n<p>C.</p>');
  });

  it('numbered dialogue and prose starting with a number are not chapters', async () => {
    const work = await importFile(fixture('dashes.txt'), 'dashes.txt');
    expectAllWordsKept(work);
    expect(headings(work)).toEqual(['-1-', '-2-', '-3-']);
    expect(firstLines(work)).toEqual([
      '2 a.m. and the kettle was the only thing in the flat that was awake. Priya stood over it in her socks, waiting for the click.',
      'The library opened at eight. She was there at five to, with a flask and a plan written on the back of an envelope:',
      'The exam was in a hall that smelled of floor polish. Question one was about sheep.',
    ]);
    expect(seen(work.chapters[1]?.html ?? '')).toContain('1. I never said that, she told herself');
  });

  it('lines of dialogue that are numbers in sequence but read as sentences stay text', () => {
    const work = story('“1. I never said that,” he began.\n\n2. I said the evidence was thin.\n\n"3 more days," she said.');
    expect(work.chapters).toHaveLength(1);
    expect(work.title).toBe('');
  });

  it('a lone bare number is not a chapter: bare numbers must count 1, 2, 3', () => {
    const work = story(`${PROSE[0] ?? ''}\n\n7\n\n${PROSE[1] ?? ''}`);
    expect(work.chapters).toHaveLength(1);
    expect(seen(work.chapters[0]?.html ?? '')).toContain('\n7\n');
  });

  it('bare numbers counting from 7 are not chapters: they must start at 1', () => {
    const work = story(`${PROSE[0] ?? ''}\n\n7\n\n${PROSE[1] ?? ''}\n\n8\n\n${PROSE[2] ?? ''}`);
    expect(work.chapters).toHaveLength(1);
  });

  it('numbers out of sequence stay in the text', () => {
    const work = story(withMarkers('1.', '2.', '3.') + '\n\n2.\n\nAn aside.');
    expect(headings(work)).toEqual(['1.', '2.', '3.']);
    expect(seen(work.chapters[2]?.html ?? '')).toContain('2.\n\nAn aside.');
  });
});

describe('the title', () => {
  it('a short first line followed by a blank line is the title', () => {
    expect(story(`The Long Way Round\n\n${PROSE.join('\n\n')}`).title).toBe('The Long Way Round');
  });

  it('a first line that is a sentence is story, not a title', () => {
    const work = story(`${PROSE[0] ?? ''}\n\n${PROSE[1] ?? ''}`);
    expect(work.title).toBe('');
    expect(firstLine(work.chapters[0]?.html ?? '')).toBe(PROSE[0]);
  });

  it('a first line of dialogue is not a title', () => {
    expect(story(`“Run!”\n\n${PROSE[0] ?? ''}`).title).toBe('');
  });
});

describe('typography survives exactly', () => {
  it('curly quotes, dashes, ellipses, no-break spaces, CJK and right-to-left text', () => {
    const text = '“Don’t,” she said — and then… nothing.\u00a0Wait–what? ‘Fine.’\n\n我爱你，中国。\n\nהגשם לא הפסיק.\n\nكان المطر يهطل.';
    const html = story(text).chapters[0]?.html ?? '';
    expect(html).toBe(
      '<p>“Don’t,” she said — and then… nothing.\u00a0Wait–what? ‘Fine.’</p>\n<p>我爱你，中国。</p>\n<p>הגשם לא הפסיק.</p>\n<p>كان المطر يهطل.</p>',
    );
  });

  it('the CJK and RTL fixture keeps its chapters and every character', async () => {
    const work = await importFile(fixture('cjk-rtl.txt'), 'cjk-rtl.txt');
    expectAllWordsKept(work);
    expect(work.title).toBe('灯塔');
    expect(titles(work)).toEqual(['雨夜', '清晨']);
    expect(work.chapters[1]?.html).toContain('<p>הגשם לא הפסיק כל הלילה, והאור בחלון נשאר דולק.</p>');
    expect(work.chapters[1]?.html).toContain('<p>كان المطر يهطل طوال الليل، وبقي الضوء في النافذة مضاءً.</p>');
  });

  it('markup characters in plain text are text, not HTML', () => {
    const html = story('She typed <b>bold</b> & waited.').chapters[0]?.html;
    expect(html).toBe('<p>She typed &lt;b&gt;bold&lt;/b&gt; &amp; waited.</p>');
  });

  it('hard-wrapped lines join into one paragraph; short lines such as verse keep their breaks', () => {
    const wrapped = 'The rain had not stopped for three days and nobody in the\nvillage minded much, because the ferry still came every\nmorning.';
    expect(story(wrapped).chapters[0]?.html).toBe(`<p>${wrapped}</p>`);
    expect(story('Roses are red,\nthe sea is grey.').chapters[0]?.html).toBe('<p>Roses are red,<br>\nthe sea is grey.</p>');
  });
});

describe('the text fixtures, as a writer sees them in the preview', () => {
  it.each([
    ['caps.txt', '', ['CHAPTER X', 'CHAPTER XI', 'CHAPTER XII'], ['The ferry ran twice a day', 'The harbourmaster lent her', 'The island was smaller'], '', ''],
    ['dots.txt', 'Salt and Iron', ['1.', '2.', '3.'], ['Tomas sharpened the knife', 'The letter came on a Tuesday.', 'Winter.'],
      'AN: Set after the second book. No spoilers past that!', 'Thanks for reading! Comments make my day.'],
    ['parts.txt', 'The Cartographer\'s Apprentice', ['Prologue', 'Part I', 'Part II', 'Part III', 'Epilogue'],
      ['The ink was older', 'Ilse learned to draw', 'The survey took them north', 'They finished the map', 'The blue bottle is empty'],
      'Author’s Note\n\nEvery map in this story is real in my head and nowhere else. Enjoy!', ''],
    ['tildes.txt', '', ['~ 1 ~', '~ 2 ~', '~ 3 ~'], ['The night train to Korvel', 'The conductor was a tall woman', 'At Korvel the platform'],
      'Notes: This is a gift for my sister, who likes stories about trains.', 'Thanks so much for reading, and happy birthday, Jo!'],
    ['lighthouse.txt', 'The Keeper of Gull Point', ['Chapter One: The Road', 'Chapter Two - The Lighthouse', 'Chapter 3\nThe Storm'],
      ['The bus let Wren off', 'Morning came grey', 'The storm arrived at tea-time'],
      'A/N: This started as a drabble and got away from me. Huge thanks to Marisol for the beta read!\n\nDisclaimer: The characters belong to their creators; the weather is mine.',
      'A/N: Thank you all for reading this little story! This was written for the Autumn Harbour challenge, prompt 14: “a light left on”.\n\nSee you next time.'],
  ])('%s', async (name, title, expectedHeadings, starts, notes, endNotes) => {
    const work = await importFile(fixture(name), name);
    expect(work.title).toBe(title);
    expect(headings(work)).toEqual(expectedHeadings);
    firstLines(work).forEach((line, i) => expect(line.startsWith(starts[i] ?? '?')).toBe(true));
    expect(seen(work.notes)).toBe(notes);
    expect(seen(work.endNotes)).toBe(endNotes);
  });

  it('the lighthouse keeps its no-break space and its scene breaks', async () => {
    const html = (await importFile(fixture('lighthouse.txt'), 'lighthouse.txt')).chapters[0]?.html ?? '';
    expect(html).toContain('the brass key on its nail.\u00a0“Lamp at dusk,” he said.');
    expect(html).toContain('</p>\n<hr>\n<p>The cottage smelled');
    expect(html).toContain('<p align="center">oOo</p>');
  });
});
