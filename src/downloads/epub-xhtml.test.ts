import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../lib/sanitize.js';
import { fragmentsToXhtml } from './epub-xhtml.js';
import { parseXml } from './fixtures/epub-files.js';
import { serializeNodes } from './xhtml-tree.js';

const BASE = 'https://archive.test/works/7';
/** Sanitizes like the archive does when saving, then converts to XHTML. */
const xhtml = (...fragments: string[]): string[] =>
  fragmentsToXhtml(fragments.map((f) => sanitizeHtml(f)), BASE).map((nodes) => serializeNodes(nodes));
const one = (fragment: string): string => xhtml(fragment)[0] ?? '';

describe('fragmentsToXhtml', () => {
  it('writes entities as characters, self-closes void elements and quotes attributes', () => {
    expect(one('<p>a&nbsp;b &amp; c &lt; d&hellip;<br>e</p><hr>')).toBe('<p>a\u00a0b &amp; c &lt; d…<br/>e</p>\n<hr/>');
  });

  it('keeps text and inline markup exactly, with no white space added between elements', () => {
    expect(one('<p><em>a</em><strong>b</strong>—<i>c</i></p>')).toBe('<p><em>a</em><strong>b</strong>—<i>c</i></p>');
  });

  it('replaces obsolete elements and attributes with classes', () => {
    expect(one('<center>c</center>')).toBe('<div class="x-center">c</div>');
    expect(one('<p align="right"><tt>t</tt> <big>b</big> <strike>s</strike> <acronym title="T">A</acronym></p>'))
      .toBe('<p class="align-right"><span class="x-tt">t</span> <span class="x-big">b</span> <s class="x-strike">s</s> <abbr title="T" class="x-acronym">A</abbr></p>');
  });

  it('writes lang as both lang and xml:lang, and drops a malformed one', () => {
    expect(one('<p lang="fr" dir="rtl">x</p>')).toBe('<p lang="fr" xml:lang="fr" dir="rtl">x</p>');
    expect(one('<p lang="not a tag">x</p>')).toBe('<p>x</p>');
  });

  it('turns an image into a link to it labelled with its alt text, or just the label inside a link', () => {
    expect(one('<img src="https://example.org/a.png" alt="A map">')).toBe('<p><a class="image" href="https://example.org/a.png" rel="nofollow">A map</a></p>');
    expect(one('<img src="https://example.org/a.png">')).toBe('<p><a class="image" href="https://example.org/a.png" rel="nofollow">Image</a></p>');
    expect(one('<a href="https://example.org/"><img src="https://example.org/a.png" alt="A map"></a>')).toBe('<p><a href="https://example.org/" rel="nofollow">A map</a></p>');
  });

  it('makes links absolute and valid URIs, and unwraps those that cannot work', () => {
    expect(one('<a href="/works/8">w</a>')).toBe('<p><a href="https://archive.test/works/8" rel="nofollow">w</a></p>');
    expect(one('<a href="https://example.org/a%zz|b">u</a>')).toBe('<p><a href="https://example.org/a%25zz%7Cb" rel="nofollow">u</a></p>');
    expect(one('<a href="#nowhere">gone</a>')).toBe('<p>gone</p>');
  });

  it('turns anchors into ids that links in any fragment of the same file reach', () => {
    const [text, notes] = xhtml('<p>Word<a href="#fn1">1</a></p>', '<p><a name="fn1">1.</a> A note.</p>');
    expect(text).toBe('<p>Word<a href="#fn1" rel="nofollow">1</a></p>');
    expect(notes).toBe('<p><a id="fn1">1.</a> A note.</p>');
    expect(one('<a name="x">1</a><a name="x">2</a>')).toBe('<p><a id="x">1</a>2</p>');
  });

  it('turns an inline element that holds blocks into a div, keeping its look through a class', () => {
    expect(one('<em><p>a</p><p>b</p></em>')).toBe('<div class="x-em"><p>a</p>\n<p>b</p></div>');
    expect(one('<h2><div>x</div></h2>')).toBe('<div class="x-h2"><div><p>x</p></div></div>');
  });

  it('fits list items, definitions and captions to where they stand', () => {
    expect(one('<li>x</li>')).toBe('<div class="x-li"><p>x</p></div>');
    expect(one('<ul><p>stray</p><li>item</li></ul>')).toBe('<ul><li class="x-bare"><p>stray</p>\n</li>\n<li><p>item</p></li></ul>');
    expect(one('<dl><dd>d</dd><dt>t</dt></dl>')).toBe('<div class="x-dl"><div class="x-dd"><p>d</p></div>\n<div class="x-dt">t</div></div>');
    expect(one('<dl><dt>t</dt><dd>d</dd></dl>')).toBe('<dl><dt>t</dt>\n<dd><p>d</p></dd></dl>');
    expect(one('<table><tr><td>x</td></tr><caption>c</caption></table>')).toBe('<table><caption>c</caption>\n<tbody><tr><td><p>x</p></td></tr></tbody></table>');
    expect(one('<details>x</details>')).toBe('<details><summary>Details</summary><p>x</p></details>');
  });

  it('always gives well-formed XML', () => {
    for (const soup of ['<b><i>x</b></i>', '<p><table><tr><td>a', '<a href="x"><a href="y">z</a></a>', '<ruby>a<rt>b</ruby>', '<<>>&&;']) {
      expect(() => parseXml(`<div xmlns="http://www.w3.org/1999/xhtml">${one(soup)}</div>`), soup).not.toThrow();
    }
  });
});
