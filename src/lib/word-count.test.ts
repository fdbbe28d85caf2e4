import { describe, it, expect } from 'vitest';
import { countWords, htmlToText, parsedHtmlToText, plainHtmlToText } from './word-count.js';

describe('countWords', () => {
  const cases: [string, string, number][] = [
    ['empty', '', 0],
    ['only markup and spaces', '<p> </p><br><hr>', 0],
    ['English prose with curly quotes and an em dash', '<p>“Don’t,” she said—twice. ‘Fine.’</p>', 5],
    ['hyphenated and apostrophe words count once', "one-word one's don’t rock‐and‐roll", 4],
    ['a double hyphen and spaced dashes separate words', 'wait--what – no — never - ever', 5],
    ['en dash between numbers separates them', 'pages 10–12', 3],
    ['punctuation-only tokens count nothing (the 1 in -1- is a word)', '<p>* * *</p><p>…</p><p>—</p><p>~~~</p><p>-1-</p>', 1],
    ['numbers are words, and so is a decimal or grouped number', 'In 1984 it cost 3.5 or 1,000,000 coins.', 8],
    ['a sentence ending in a number still splits there', 'He was 12.Then', 4],
    ['Chinese counts per character, punctuation not at all', '我爱你，中国。', 5],
    ['Thai counts per character', 'ภาษาไทย', 7],
    ['Japanese: kana and kanji per character, Latin by word', '私はTokyo Towerが好きです。', 9],
    ['Korean counts by word', '나는 학생입니다.', 2],
    ['mixed Latin and CJK in one run', 'Chapter 3：東京', 4],
    ['paragraphs separate words', '<p>a</p><p>b</p>', 2],
    ['inline elements do not', 'a<em>b</em>c and <strong>bold</strong>ly', 3],
    ['line breaks, list items and table cells separate words', 'a<br>b<ul><li>c</li><li>d</li></ul><table><tr><td>e</td><td>f</td></tr></table>', 6],
    ['entities are decoded before counting', 'fish&amp;chips caf&eacute; na&iuml;ve', 4],
    ['accented and combining letters stay inside the word', 'cafe\u0301 résumé', 2],
    ['script and style content is not text', '<p>two words</p><script>var x = 1;</script><style>p{}</style>', 2],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(countWords(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  const cases: [string, string, string][] = [
    ['paragraphs are separated by a blank line', '<p>One.</p>\n<p>Two.</p>', 'One.\n\nTwo.'],
    ['other blocks by a line break', '<div>a</div><div>b</div><ul>\n <li>c</li>\n <li>d</li>\n</ul>', 'a\nb\nc\nd'],
    ['<br> is a line break, twice is a blank line', 'a<br>b<br><br>c', 'a\nb\n\nc'],
    ['a <br> at the end of a paragraph adds nothing', '<p>a<br></p><p>b</p>', 'a\n\nb'],
    ['whitespace collapses, inline tags join text', '<p>  one \n two <em> three </em>four</p>', 'one two three four'],
    ['typographic characters and no-break spaces are kept exactly', '<p>“Hi”\u00a0— it’s…</p>', '“Hi”\u00a0— it’s…'],
    ['pre keeps its whitespace', '<p>x</p><pre>  a\n    b</pre>', 'x\n\n  a\n    b'],
    ['right-to-left and CJK text come back unchanged', '<p dir="rtl">שלום, עולם</p><p>日本語。</p>', 'שלום, עולם\n\n日本語。'],
    ['headings get a blank line like paragraphs', '<h2>Chapter 1</h2>Text', 'Chapter 1\n\nText'],
    ['comments and scripts are not text', 'a<!-- note --><script>x()</script>b', 'ab'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });

  it('walks absurdly deep markup without overflowing the stack', () => {
    expect(htmlToText(`${'<div>'.repeat(100_000)}deep`)).toBe('deep');
  });
});

describe('the quick reading of stored markup', () => {
  // A small seeded generator, so a failure names a markup that can be run again.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }
  const TEXTS = ['word', ' ', '  two  words ', '\n', '\t', 'it’s', '&amp;', '&lt;b&gt;', '&nbsp;', '&#233;', '&#x1F600;', '&#128;', '&#0;', '&copy;', '&amp', 'AT&T', '日本', '\u00a0', '', 'a\r\nb', '<', '> x'];
  const TAGS = ['p', 'em', 'strong', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'a', 'h2', 'h3', 'blockquote', 'span', 'pre', 'table', 'td', 'dl', 'dt', 'dd', 'img', 'script', 'i', 'b', 'sup'];
  const ATTRS = ['', ' class="x"', ' title="a > b"', " alt='it&apos;s'", ' href=x', ' data-x'];

  function markup(next: () => number, depth: number): string {
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    let out = '';
    for (let i = Math.floor(next() * 5); i >= 0; i--) {
      const r = next();
      if (r < 0.4 || depth > 4) out += pick(TEXTS);
      else if (r < 0.45) out += `<${pick(TAGS)}${pick(ATTRS)}>`;
      else if (r < 0.5) out += `</${pick(TAGS)}>`;
      else if (r < 0.52) out += '<!-- c -->';
      else if (r < 0.54) out += '<br/>';
      else {
        const tag = pick(TAGS);
        out += `<${tag}${pick(ATTRS)}>${markup(next, depth + 1)}</${tag}>`;
      }
    }
    return out;
  }

  it('gives exactly the parser’s text for any of 50,000 random markups, or leaves it to the parser', () => {
    const next = random(20_261_206);
    let quick = 0;
    for (let i = 0; i < 50_000; i++) {
      const input = markup(next, 0);
      const fast = plainHtmlToText(input);
      if (fast === null) continue;
      quick++;
      expect(fast, input).toBe(parsedHtmlToText(input));
    }
    // Enough of the cases took the quick way for the comparison to mean something.
    expect(quick).toBeGreaterThan(3_000);
  });

  it('reads the archive’s usual chapter markup the quick way', () => {
    const chapter = '<p>“Hello,” she said.&nbsp;It’s <em>late</em> &amp; <strong>dark</strong>.</p>\n<p>Line<br>two</p><hr><blockquote><p>quoted</p></blockquote><ul><li>one</li><li><a href="https://example.com/">two</a></li></ul>';
    expect(plainHtmlToText(chapter)).toBe(parsedHtmlToText(chapter));
    expect(plainHtmlToText(chapter)).not.toBeNull();
  });
});
