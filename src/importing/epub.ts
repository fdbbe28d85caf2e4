// EPUB files: a zip whose META-INF/container.xml names the package document (OPF), whose
// spine lists the content documents in reading order. The content documents' bodies are
// read in that order as one HTML body, so a chapter split across files reads as one.
import { damagedArchive, tooMuchText } from './import-error.js';
import type { ZipArchive } from './zip-reader.js';
import { childElements, decodePart, descendants, parseXml, xmlText, type XmlElement } from './xml-tree.js';
import { innerHtml, parseBody } from './dom.js';

export type EpubContent = {
  /** the spine documents' bodies, in reading order */
  bodyHtml: string;
  /** dc:title and dc:description from the package document, '' when missing */
  title: string;
  description: string;
};

const HTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/**
 * The most markup an e-book's story documents may hold together: several times the longest
 * novels on AO3 (a million words is about 6 million characters of text and markup).
 */
export const MAX_TEXT_CHARACTERS = 24 * 1024 * 1024;

/** Resolves an href against the folder of the document that holds it, within the archive. */
function resolvePath(base: string, href: string): string {
  const parts = base.split('/').slice(0, -1);
  let path = href.replace(/[#?].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is taken literally, as readers do.
  }
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function readXml(zip: ZipArchive, name: string): XmlElement {
  const bytes = zip.read(name);
  if (!bytes) throw damagedArchive();
  return parseXml(bytes);
}

function metadataText(opf: XmlElement, name: string): string {
  const metadata = childElements(opf).find((c) => c.name === 'metadata');
  const el = metadata && descendants(metadata, name)[0];
  return el ? xmlText(el).trim() : '';
}

/** True when an archive has an EPUB's container file, which names its package document. */
export function isEpub(zip: ZipArchive): boolean {
  return zip.names.includes('META-INF/container.xml');
}

/** Reads an EPUB's spine documents in reading order, with the package's title and description. */
export function readEpub(zip: ZipArchive): EpubContent {
  const rootfile = descendants(readXml(zip, 'META-INF/container.xml'), 'rootfile')[0]?.attrs.get('full-path');
  if (!rootfile) throw damagedArchive();
  const opf = readXml(zip, rootfile);
  const manifest = new Map(descendants(opf, 'item').map((item) => [item.attrs.get('id') ?? '', item] as const));
  const bodies: string[] = [];
  const read = new Set<string>();
  let text = 0;
  for (const ref of descendants(opf, 'itemref')) {
    const item = manifest.get(ref.attrs.get('idref') ?? '');
    const properties = (item?.attrs.get('properties') ?? '').split(/\s+/);
    // The EPUB 3 navigation document is a table of contents, not part of the story.
    if (!item || properties.includes('nav') || !HTML_TYPES.has(item.attrs.get('media-type') ?? '')) continue;
    const path = resolvePath(rootfile, item.attrs.get('href') ?? '');
    // A spine lists each document once; one listed again (a thousand times, in a hostile file) is read once.
    if (read.has(path)) continue;
    read.add(path);
    const bytes = zip.read(path);
    if (!bytes) throw damagedArchive();
    // Lenient here: a stray bad byte in a chapter shows as U+FFFD rather than losing the book.
    const html = decodePart(bytes, false);
    text += html.length;
    // Counted before each document is parsed, so a hostile book stops before its text is built.
    if (text > MAX_TEXT_CHARACTERS) throw tooMuchText(MAX_TEXT_CHARACTERS);
    bodies.push(innerHtml(parseBody(html).body));
  }
  return { bodyHtml: bodies.join('\n'), title: metadataText(opf, 'title'), description: metadataText(opf, 'description') };
}
