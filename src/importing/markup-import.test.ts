import { describe, expect, it } from 'vitest';
import { importFile, importText, type ImportedWork } from './import.js';
import { expectAllWordsKept, firstLine, fixture, seen } from './test-support.js';

function pasted(text: string, format: 'markdown' | 'html'): ImportedWork {
  const work = importText(text, format);
  expectAllWordsKept(work);
  return work;
}

describe('Markdown', () => {
  it('the fixture: title, note, chapters from headings, formatting, scene breaks, end note', async () => {
    const work = await importFile(fixture('orchard.md'), 'orchard.md');
    expectAllWordsKept(work);
    expect(work.format).toBe('markdown');
    expect(work.title).toBe('The Orchard Letters');
    expect(work.notes).toBe('<p><strong>A/N:</strong> Written for a friend who keeps bees. All mistakes are mine.</p>');
    expect(work.chapters.map((c) => c.title)).toEqual(['Blossom', 'Fruit']);
    const [one, two] = work.chapters;
    expect(one?.html).toContain('The orchard is <em>ridiculous</em> this year. Every tree has decided, independently, to be <strong>the</strong> tree.');
    expect(one?.html).toContain('<ul><li><p>forty-one apple</p></li>\n<li><p>six pear</p></li>\n<li><p>one plum that nobody planted</p></li></ul>');
    expect(one?.html).toContain('<blockquote><p>The bees, you will be glad to hear, are insufferable about it.</p></blockquote>');
    expect(one?.html).toContain('<a href="https://example.org/orchard" rel="nofollow">on my page</a>');
    expect(one?.html).toContain('<hr>\n<p>Later: the plum has a swarm in it. Of course it does.</p>');
    expect(two?.html).toContain('<p align="center">oOo</p>');
    expect(seen(work.endNotes)).toBe('Thanks for reading! Kudos and comments keep the bees happy.');
  });

  it('raw HTML in Markdown goes through the sanitizer', () => {
    const work = pasted('Hello <span onclick="steal()">there</span>.\n\n<script>alert(1)</script>\n\n<iframe src="https://x.test"></iframe>', 'markdown');
    const html = work.chapters[0]?.html ?? '';
    expect(html).toBe('<p>Hello <span>there</span>.</p>');
  });

  it('a javascript: link loses its link, keeps its words', () => {
    expect(pasted('[click me](javascript:alert(1))', 'markdown').chapters[0]?.html).toBe('<p>click me</p>');
  });

  it('~~~ and # are scene breaks, not a code block and an empty heading', () => {
    const work = pasted('One.\n\n~~~\n\nTwo.\n\n#\n\nThree.', 'markdown');
    expect(work.chapters[0]?.html).toBe('<p>One.</p>\n<hr>\n<p>Two.</p>\n<hr>\n<p>Three.</p>');
  });

  it('headings without numbers are chapters when there are several at one level', () => {
    const work = pasted('# Tidepools\n\n## Low\n\nCrabs.\n\n## High\n\nFish.', 'markdown');
    expect(work.title).toBe('Tidepools');
    expect(work.chapters.map((c) => [c.title, seen(c.html)])).toEqual([['Low', 'Crabs.'], ['High', 'Fish.']]);
  });

  it('an unnumbered heading at the level of the numbered chapters is a chapter too; a smaller one stays in the text', () => {
    const work = pasted('## Chapter 1\n\nOne.\n\n### A letter\n\nDear Hal.\n\n## Between the Tides\n\nTwo.\n\n## Chapter 2\n\nThree.', 'markdown');
    expect(work.chapters.map((c) => [c.heading, c.title])).toEqual([['Chapter 1', ''], ['Between the Tides', 'Between the Tides'], ['Chapter 2', '']]);
    expect(work.chapters[0]?.html).toBe('<p>One.</p>\n<h3>A letter</h3>\n<p>Dear Hal.</p>');
  });

  it('typography and CJK/RTL survive Markdown', () => {
    const html = pasted('“Don’t…” — she\u00a0said. 我爱你。 שלום. مرحبا.', 'markdown').chapters[0]?.html;
    expect(html).toBe('<p>“Don’t…” — she\u00a0said. 我爱你。 שלום. مرحبا.</p>');
  });
});

describe('HTML', () => {
  it('the fixture: title from <h1>, note, chapters with their titles in the next heading, scene breaks', async () => {
    const work = await importFile(fixture('observatory.html'), 'observatory.html');
    expectAllWordsKept(work);
    expect(work.format).toBe('html');
    expect(work.title).toBe('Night Shift at the Observatory');
    expect(seen(work.notes)).toBe('Author\'s note: my first story here — be gentle!');
    expect(work.chapters.map((c) => [c.heading, c.title])).toEqual([['Chapter 1\nClear Skies', 'Clear Skies'], ['Chapter 2\nCloud Cover', 'Cloud Cover']]);
    expect(firstLine(work.chapters[0]?.html ?? '')).toMatch(/^The dome opened/);
    expect(work.chapters[0]?.html).toContain('<p>“Still there,” she told the empty room. “Good.”</p>\n<hr>');
    expect(work.chapters[1]?.html).toContain('<em>small, neat</em>');
    expect(work.chapters[1]?.html).toContain('<hr>\n<p>On the seventh night');
    expect(seen(work.endNotes)).toMatch(/^A\/N: Thank you for reading!/);
    expect(work.chapters[1]?.html).not.toContain('style');
  });

  it('the <title> is the title when the page has no heading for it, and counts as a word of the file', () => {
    const work = pasted('<html><head><title>Glasshouse</title></head><body><p>It was warm.</p><p>It was green.</p></body></html>', 'html');
    expect(work.title).toBe('Glasshouse');
    expect(work.wordsInFile).toBe(7);
  });

  it('a .txt file holding an HTML page is read as HTML', async () => {
    const bytes = Buffer.from('<!DOCTYPE html><html><body><h1>Fern</h1><p>Green <i>and</i> quiet.</p><p>Still.</p></body></html>');
    const work = await importFile(bytes, 'fern.txt');
    expect(work.format).toBe('html');
    expect(work.title).toBe('Fern');
    expect(work.chapters[0]?.html).toBe('<p>Green <i>and</i> quiet.</p>\n<p>Still.</p>');
  });

  it('loose text and <br> lines in the body become paragraphs', () => {
    const work = pasted('<body>First paragraph.<br><br>Second paragraph.</body>', 'html');
    expect(seen(work.chapters[0]?.html ?? '')).toContain('First paragraph.');
    expect(seen(work.chapters[0]?.html ?? '')).toContain('Second paragraph.');
  });

  it('scripts, styles and event handlers never come through', () => {
    const html = pasted('<p onmouseover="x()">Hi<script>evil()</script><style>p{}</style></p><img src="javascript:x">', 'html').chapters[0]?.html;
    expect(html).toBe('<p>Hi</p>');
  });

  it('a Windows-1252 HTML file keeps its curly quotes', async () => {
    const bytes = Uint8Array.from([...Buffer.from('<p>'), 0x93, ...Buffer.from('Hello'), 0x94, ...Buffer.from('</p>')]);
    const work = await importFile(bytes, 'old.htm');
    expect(work.encoding).toBe('windows-1252');
    expect(work.chapters[0]?.html).toBe('<p>“Hello”</p>');
  });
});
