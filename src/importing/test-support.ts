// Shared by the importing tests: the fixture files, the check that an import kept every word,
// and builders for the .docx and .epub archives the tests make (with fflate, as the EPUB
// download builder does).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { htmlToText } from '../lib/word-count.js';
import { wordsImported, type ImportedWork } from './import.js';
import { buildZip } from './zip-fixtures.js';

export { buildZip, hostileEpub } from './zip-fixtures.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The names of the story files under fixtures/. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).sort();
}

/** A fixture's bytes. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Asserts that the draft holds exactly the words of the file: nothing dropped, nothing doubled. */
export function expectAllWordsKept(work: ImportedWork): void {
  expect(work.wordsInFile).toBeGreaterThan(0);
  expect(wordsImported(work)).toBe(work.wordsInFile);
}

/** What a reader sees of some HTML: its text, blocks on their own lines. */
export function seen(html: string): string {
  return htmlToText(html);
}

/** The first line of text a reader sees in some HTML. */
export function firstLine(html: string): string {
  return seen(html).split('\n')[0] ?? '';
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal but real .docx: the package parts Word writes, a body of `w:p` XML, styles, and hyperlink targets. */
export function buildDocx(bodyXml: string, links: Record<string, string> = {}): Uint8Array {
  const relationships = Object.entries(links).map(([id, target]) =>
    `<Relationship Id="${id}" Type="${R}/hyperlink" Target="${target}" TargetMode="External"/>`).join('');
  const style = (id: string, name: string): string => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  return buildZip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('Normal', 'Normal')}</w:styles>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`,
  });
}

/** A `w:p` paragraph: runs given as [text, properties XML] pairs, with an optional paragraph style. */
export function docxParagraph(runs: readonly (string | [text: string, rPr: string])[], style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  const body = runs.map((run) => {
    const [text, props] = typeof run === 'string' ? [run, ''] : run;
    return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  }).join('');
  return `<w:p>${pPr}${body}</w:p>`;
}

/** An EPUB 3: the content documents in spine order, a navigation document, and the package's title and description. */
export function buildEpub(documents: readonly [name: string, body: string][], meta: { title: string; description?: string; publisher?: string }): Uint8Array {
  const xhtml = (body: string): string =>
    `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${meta.title}</title></head><body>${body}</body></html>`;
  const items = documents.map(([name], i) => `<item id="c${i}" href="text/${name}" media-type="application/xhtml+xml"/>`).join('');
  const spine = documents.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  const entries: Record<string, string> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OEBPS/content.opf': `<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      `<dc:identifier id="id">urn:uuid:0f4e1c52-6f0e-4a8e-9d55-2b3c9a1e7d10</dc:identifier><dc:title>${meta.title}</dc:title><dc:language>en</dc:language>` +
      (meta.description ? `<dc:description>${meta.description}</dc:description>` : '') + (meta.publisher ? `<dc:publisher>${meta.publisher}</dc:publisher>` : '') +
      `</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest><spine><itemref idref="nav"/>${spine}</spine></package>`,
    'OEBPS/nav.xhtml': xhtml('<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><h1>Contents</h1><ol><li><a href="text/a.xhtml">Contents entry that is not story</a></li></ol></nav>'),
  };
  for (const [name, body] of documents) entries[`OEBPS/text/${name}`] = xhtml(body);
  return buildZip(entries);
}
