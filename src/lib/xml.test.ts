import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, xmlDocument, xmlElement, xmlSafe, xmlString } from './xml.js';

/** Parses a document strictly (saxes rejects anything not well-formed) and returns the root's text and attributes. */
function parseStrictly(xml: string): { text: string; attributes: Record<string, string> } {
  const parser = new SaxesParser();
  const root = { text: '', attributes: {} as Record<string, string> };
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 1) root.attributes = tag.attributes;
  });
  parser.on('closetag', () => { depth -= 1; });
  parser.on('text', (text) => { if (depth > 0) root.text += text; });
  parser.write(xml).close();
  return root;
}

const NASTY = 'Fish & <Chips> "quoted" \'single\' ]]> \u0000\u0007\u000b\u000c\u001f tab\there\nnew\r\nline \ud800 lone \udc00 \ufffe\uffff end';

describe('xmlSafe', () => {
  it('drops what XML 1.0 forbids and keeps everything it allows', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u000ce\u001ff')).toBe('abcdef');
    expect(xmlSafe('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(xmlSafe('x\ud800y\udc00z\ufffe\uffff')).toBe('xyz');
    expect(xmlSafe('“curly” — 灯台守の娘 😀 \u007f\u0085\u00a0 \ud7ff \ue000 \ufffd')).toBe('“curly” — 灯台守の娘 😀 \u007f\u0085\u00a0 \ud7ff \ue000 \ufffd');
  });

  it('keeps a surrogate pair but drops the half of a broken one', () => {
    expect(xmlSafe('😀')).toBe('😀');
    expect(xmlSafe('\ud83d\ud83d\ude00')).toBe('😀');
    expect(xmlSafe('\ude00\ud83d')).toBe('');
  });
});

describe('escaping', () => {
  it('escapes text with references XML and HTML share, never named HTML entities', () => {
    expect(escapeXmlText('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
    expect(escapeXmlText('x]]>y')).toBe('x]]&gt;y');
    expect(escapeXmlText('&nbsp;\u00a0')).toBe('&amp;nbsp;\u00a0');
  });

  it('escapes double quotes and the white space a parser would otherwise change in attributes', () => {
    expect(escapeXmlAttribute('say "hi" & \'bye\' <now>')).toBe('say &quot;hi&quot; &amp; \'bye\' &lt;now&gt;');
    expect(escapeXmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('is checked by a parser strict enough to refuse the raw string', () => {
    expect(() => parseStrictly(`<r>${NASTY}</r>`)).toThrow();
    expect(() => parseStrictly(`<r>${xmlSafe(NASTY).replace(/[&<>]/g, '')}</r>`)).not.toThrow();
    expect(() => parseStrictly('<r>\u0007</r>')).toThrow('disallowed character');
  });

  it('gives back the same string through a strict parser, less the forbidden characters', () => {
    const doc = `<r a="${escapeXmlAttribute(NASTY)}">${escapeXmlText(NASTY)}</r>`;
    const parsed = parseStrictly(doc);
    expect(parsed.text).toBe(xmlSafe(NASTY));
    expect(parsed.attributes).toEqual({ a: xmlSafe(NASTY) });
  });

  it('round-trips every BMP character and a few astral ones', () => {
    let all = '';
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code);
    all += '𝄞😀🀄';
    const parsed = parseStrictly(`<r v="${escapeXmlAttribute(all)}">${escapeXmlText(all)}</r>`);
    expect(parsed.text).toBe(xmlSafe(all));
    expect(parsed.attributes.v).toBe(xmlSafe(all));
    // 29 C0 controls, 2,048 surrogates, U+FFFE and U+FFFF go; U+DBFF U+DC00 happen to stand side by side, a valid pair that stays.
    expect(xmlSafe(all).length).toBe(0x10000 - 29 - 0x800 + 2 - 2 + '𝄞😀🀄'.length);
  });
});

describe('xmlElement and xmlDocument', () => {
  it('writes attributes in order, leaves out missing ones, and closes empty elements', () => {
    expect(xmlString(xmlElement('link', { rel: 'self', title: null, hreflang: undefined, length: 12, href: 'http://a.test/?x=1&y=2' })))
      .toBe('<link rel="self" length="12" href="http://a.test/?x=1&amp;y=2"/>');
  });

  it('escapes text children, nests elements, flattens lists and skips empty children', () => {
    const markup = xmlElement('feed', { xmlns: 'http://www.w3.org/2005/Atom' }, [
      xmlElement('title', {}, ['Tom & Jerry <3']),
      null, false, undefined,
      [['a', 'b'].map((t) => xmlElement('category', { term: t }))],
    ]);
    expect(xmlString(markup)).toBe('<feed xmlns="http://www.w3.org/2005/Atom">\n<title>Tom &amp; Jerry &lt;3</title>\n<category term="a"/>\n<category term="b"/>\n</feed>');
  });

  it('adds no white space to mixed content', () => {
    expect(xmlString(xmlElement('p', {}, ['one ', xmlElement('em', {}, ['two']), ' three']))).toBe('<p>one <em>two</em> three</p>');
  });

  it('refuses names that are not XML names', () => {
    expect(() => xmlElement('bad name')).toThrow('not an XML name');
    expect(() => xmlElement('ok', { 'on"click': 'x' })).toThrow('not an XML name');
    expect(() => xmlElement('1st')).toThrow('not an XML name');
    expect(xmlString(xmlElement('dc:title', { 'xml:lang': 'en' }, ['T']))).toBe('<dc:title xml:lang="en">T</dc:title>');
  });

  it('writes a document a strict parser accepts whatever the text holds', () => {
    const doc = xmlDocument(xmlElement('root', { note: NASTY }, [NASTY]));
    expect(doc.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<root ')).toBe(true);
    expect(parseStrictly(doc).text).toBe(xmlSafe(NASTY));
  });
});
