// The XML parts of .docx and .epub files (document, styles, relationships, package files),
// parsed by a conformant XML parser (saxes) into a small tree. saxes does not process the
// entities a document declares (a reference to one is an error), so a "billion laughs" file
// cannot blow up.
import { SaxesParser } from 'saxes';
import { ImportError, damagedArchive } from './import-error.js';

/** An element: its local name, namespace, attributes by local name, and children (text as strings). */
export type XmlElement = { name: string; ns: string; attrs: ReadonlyMap<string, string>; children: (XmlElement | string)[] };

/** Word nests a dozen levels deep; a part nested deeper than this is not a real document, and the bound keeps recursion safe. */
const MAX_DEPTH = 256;

/** Decodes an XML or XHTML part: UTF-16 when it starts with that byte order mark, else UTF-8, as XML requires without a declaration. */
export function decodePart(bytes: Uint8Array, fatal: boolean): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(utf16, { fatal }).decode(bytes);
  } catch {
    throw damagedArchive();
  }
}

/** Parses one XML part of an archive; a part that is not well-formed means a damaged file. */
export function parseXml(bytes: Uint8Array): XmlElement {
  const root: XmlElement = { name: '#document', ns: '', attrs: new Map(), children: [] };
  const open: XmlElement[] = [root];
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('opentag', (tag) => {
    const attrs = new Map(Object.values(tag.attributes).map((a) => [a.local, a.value] as const));
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [] };
    open[open.length - 1]?.children.push(el);
    if (!tag.isSelfClosing) open.push(el);
    if (open.length > MAX_DEPTH) throw damagedArchive();
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  const text = (value: string): void => void open[open.length - 1]?.children.push(value);
  parser.on('text', text);
  parser.on('cdata', text);
  try {
    parser.write(decodePart(bytes, true)).close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damagedArchive();
  }
  const [documentElement] = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (!documentElement) throw damagedArchive();
  return documentElement;
}

/** The element children of an element. */
export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** Every element below this one with the given local name, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = childElements(el).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.name === name) found.push(next);
    stack.push(...childElements(next).reverse());
  }
  return found;
}

/** The text content of an element. */
export function xmlText(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : xmlText(c))).join('');
}
