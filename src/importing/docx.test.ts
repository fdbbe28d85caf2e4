import { describe, expect, it } from 'vitest';
import { importFile, type ImportedWork } from './import.js';
import { buildDocx, docxParagraph as p, expectAllWordsKept, seen } from './test-support.js';

async function docx(body: string, links: Record<string, string> = {}): Promise<ImportedWork> {
  const work = await importFile(buildDocx(body, links), 'story.docx');
  expect(work.format).toBe('docx');
  expectAllWordsKept(work);
  return work;
}

const LINK = '<w:hyperlink r:id="rId7"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the map</w:t></w:r></w:hyperlink>';

describe('Word documents', () => {
  it('a real small .docx: Title, Heading 1 chapters, bold, italic, underline, strike-through, a link, a line break', async () => {
    const body = [
      p(['The Clockmaker’s Daughter'], 'Title'),
      p(['A/N: for everyone who ever took a clock apart.']),
      p(['Chapter 1: Springs'], 'Heading1'),
      p(['Nell wound the ', ['brass', '<w:b/>'], ' key ', ['exactly', '<w:i/>'], ' seven times, ', ['never', '<w:u w:val="single"/>'], ' eight, ', ['and never six', '<w:strike/>'], '.']),
      `<w:p><w:r><w:t xml:space="preserve">She checked </w:t></w:r>${LINK}<w:r><w:t>.</w:t><w:br/><w:t>Then she slept.</w:t></w:r></w:p>`,
      p(['Chapter 2: Gears'], 'Heading1'),
      p(['In the morning the clock was ', ['right', '<w:b/><w:i/>'], ', for once.']),
      p(['Thanks for reading!']),
    ].join('');
    const work = await docx(body, { rId7: 'https://example.org/map' });
    expect(work.title).toBe('The Clockmaker’s Daughter');
    expect(seen(work.notes)).toBe('A/N: for everyone who ever took a clock apart.');
    expect(work.chapters.map((c) => c.title)).toEqual(['Springs', 'Gears']);
    expect(work.chapters[0]?.html).toBe(
      '<p>Nell wound the <strong>brass</strong> key <em>exactly</em> seven times, <u>never</u> eight, <s>and never six</s>.</p>\n' +
        '<p>She checked <a href="https://example.org/map" rel="nofollow">the map</a>.<br>Then she slept.</p>',
    );
    expect(work.chapters[1]?.html).toBe('<p>In the morning the clock was <strong><em>right</em></strong>, for once.</p>');
    expect(seen(work.endNotes)).toBe('Thanks for reading!');
  });

  it('a centred first line is the title when the writer did not use the Title style; a plain one is not', async () => {
    const centred = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>Brass and Tide</w:t></w:r></w:p>';
    expect((await docx(centred + p(['The clock struck nine.']) + p(['Nobody listened.']))).title).toBe('Brass and Tide');
    const plain = await docx(p(['Brass and Tide']) + p(['The clock struck nine.']) + p(['Nobody listened.']));
    expect(plain.title).toBe('');
    expect(seen(plain.chapters[0]?.html ?? '')).toMatch(/^Brass and Tide\n/);
  });

  it('tracked deletions and field codes are not text; insertions are', async () => {
    const body = '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1"><w:r><w:delText>deleted </w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>end.</w:t></w:r></w:p>';
    expect((await docx(body)).chapters[0]?.html).toBe('<p>Kept inserted end.</p>');
  });

  it('empty spacing paragraphs vanish; chapter markers typed as plain paragraphs still split chapters', async () => {
    const body = [p(['Chapter One']), '<w:p/>', p(['Fog on the river.']), '<w:p><w:pPr/></w:p>', p(['Chapter Two']), p(['Sun on the river.'])].join('');
    const work = await docx(body);
    expect(work.chapters.map((c) => [c.heading, seen(c.html)])).toEqual([['Chapter One', 'Fog on the river.'], ['Chapter Two', 'Sun on the river.']]);
  });

  it('a centred line of asterisks is a scene break', async () => {
    const body = p(['Before.']) + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>* * *</w:t></w:r></w:p>' + p(['After.']);
    expect((await docx(body)).chapters[0]?.html).toBe('<p>Before.</p>\n<hr>\n<p>After.</p>');
  });

  it('typography, CJK and right-to-left text come through byte for byte', async () => {
    const text = '“Don’t—” she said… 雨下了。 שלום עולם. مرحبا بالعالم.\u00a0End.';
    expect((await docx(p([text]))).chapters[0]?.html).toBe(`<p>${text}</p>`);
  });

  it('XML special characters in the text stay text', async () => {
    const work = await docx(p(['Fish &amp; chips &lt;3']));
    expect(work.chapters[0]?.html).toBe('<p>Fish &amp; chips &lt;3</p>');
  });

  it('a document.xml that is not well-formed XML is a damaged file', async () => {
    const error: unknown = await importFile(buildDocx('<w:p><w:r><w:t>unclosed</w:r></w:p>'), 'broken.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'damaged_archive' });
  });
});
