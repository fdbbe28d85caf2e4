// XML 1.0 that stays well-formed whatever the data: escaping, characters XML forbids, and a
// small element builder. Used by the Atom feeds; meant for EPUB and OPDS as well.

// XML 1.0 (section 2.2) allows tab, newline, carriage return and everything from U+0020 up,
// except unpaired surrogates and U+FFFE/U+FFFF. A parser must reject a document holding any
// of these, even written as a character reference, so they can only be dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Only references that mean the same in XML and in HTML, so output pasted into HTML (or read
// by a lenient parser) still says the same. A carriage return is written as a reference
// because parsers turn a raw one into a newline; tab and newline likewise in attributes,
// where parsers turn them into spaces. Attributes are always double-quoted, so an apostrophe
// stays as it is: some feed readers' parsers leave `&#39;` undecoded in attribute values, and
// tag names such as "Assassin's Creed" are common.
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

// Names come from our code, not from data; a wrong one is a programming error.
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/;

/** Removes every character XML 1.0 forbids (C0 controls but tab, newline and CR; lone surrogates; U+FFFE, U+FFFF). */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Makes any string safe as the text content of an XML element. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Makes any string safe as a double-quoted XML attribute value, keeping its white space exactly. */
export function escapeXmlAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const MARKUP = Symbol('xml markup');

/** Serialized XML written by this module; only such values go into a document unescaped. */
export type XmlMarkup = { readonly [MARKUP]: string };

/** Attribute values; null and undefined leave the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>;

/** What an element may hold: text (always escaped), elements, nothing, or lists of these. */
export type XmlChild = string | XmlMarkup | null | undefined | false | readonly XmlChild[];

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}

function flatten(children: readonly XmlChild[], into: Array<string | XmlMarkup> = []): Array<string | XmlMarkup> {
  for (const child of children) {
    if (Array.isArray(child)) flatten(child as readonly XmlChild[], into);
    else if (typeof child === 'string' || (typeof child === 'object' && child !== null)) into.push(child as string | XmlMarkup);
  }
  return into;
}

/** An element with its attributes and children; text children are escaped, and an element with none is written as `<name/>`. */
export function xmlElement(name: string, attributes: XmlAttributes = {}, children: readonly XmlChild[] = []): XmlMarkup {
  let xml = '<' + checkName(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) xml += ` ${checkName(key)}="${escapeXmlAttribute(String(value))}"`;
  }
  const parts = flatten(children);
  if (parts.length === 0) return { [MARKUP]: xml + '/>' };
  // Line breaks only between child elements, never next to text, so no text gains white space.
  const onlyElements = parts.every((part) => typeof part !== 'string');
  const inner = parts.map((part) => (typeof part === 'string' ? escapeXmlText(part) : part[MARKUP])).join(onlyElements ? '\n' : '');
  return { [MARKUP]: `${xml}>${onlyElements ? '\n' : ''}${inner}${onlyElements ? '\n' : ''}</${name}>` };
}

/** A complete UTF-8 document: the XML declaration, then the root element. */
export function xmlDocument(root: XmlMarkup): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root[MARKUP]}\n`;
}

/** The serialized text of a piece of markup, for embedding or inspecting it. */
export function xmlString(markup: XmlMarkup): string {
  return markup[MARKUP];
}
