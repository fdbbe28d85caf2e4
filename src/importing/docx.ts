// Word .docx files: a zip of XML parts. The main document is found through the package's
// relationships (word/document.xml in practice), styles name the headings, and the
// document's relationships give hyperlink targets.
import { damagedArchive, unsupported } from './import-error.js';
import { paragraphHtml, type DocxContext } from './docx-paragraphs.js';
import type { ZipArchive } from './zip-reader.js';
import { childElements, descendants, parseXml, type XmlElement } from './xml-tree.js';

const OFFICE_DOCUMENT = /\/officeDocument$/;

function readXml(zip: ZipArchive, name: string): XmlElement | undefined {
  const bytes = zip.read(name);
  return bytes && parseXml(bytes);
}

/** A part's relationships (`_rels/<part>.rels`), id to target and type. */
function relationships(zip: ZipArchive, part: string): { id: string; target: string; type: string; external: boolean }[] {
  const slash = part.lastIndexOf('/');
  const rels = readXml(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  if (!rels) return [];
  return descendants(rels, 'Relationship').map((r) => ({
    id: r.attrs.get('Id') ?? '', target: r.attrs.get('Target') ?? '', type: r.attrs.get('Type') ?? '',
    external: r.attrs.get('TargetMode') === 'External',
  }));
}

function mainPart(zip: ZipArchive): string {
  const target = relationships(zip, '').find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
  return target ? target.replace(/^\//, '') : 'word/document.xml';
}

function styleNames(zip: ZipArchive, part: string): Map<string, string> {
  const styles = readXml(zip, part.replace(/[^/]*$/, 'styles.xml'));
  const names = new Map<string, string>();
  for (const style of styles ? descendants(styles, 'style') : []) {
    const name = childElements(style).find((c) => c.name === 'name')?.attrs.get('val');
    if (name) names.set(style.attrs.get('styleId') ?? '', name.toLowerCase());
  }
  return names;
}

/** Paragraphs in reading order, looking into tables, content controls and text boxes' siblings but not into skipped parts. */
function paragraphs(body: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = childElements(body).reverse();
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.name === 'p') found.push(el);
    else if (!['sectPr', 'drawing', 'pict', 'Fallback', 'del'].includes(el.name)) stack.push(...childElements(el).reverse());
  }
  return found;
}

/** Converts a .docx archive's main document to HTML blocks (Title as h1, Heading n as h(n+1)). */
export function docxToHtml(zip: ZipArchive): string {
  const part = mainPart(zip);
  const document = readXml(zip, part);
  // Excel and PowerPoint files are the same kind of package, with a workbook or presentation inside.
  if (document && document.name !== 'document') {
    throw unsupported('Spreadsheets and presentations', 'Upload the story as a Word document (.docx), plain text (.txt) or an EPUB.');
  }
  const body = document && childElements(document).find((c) => c.name === 'body');
  if (!body) throw damagedArchive();
  const links = new Map(relationships(zip, part).filter((r) => r.external).map((r) => [r.id, r.target]));
  const context: DocxContext = { styles: styleNames(zip, part), links };
  return paragraphs(body).map((p) => paragraphHtml(p, context)).filter(Boolean).join('\n');
}
