// A small element tree for the EPUB's XHTML documents and its serializer. xml.ts puts a line
// break between sibling elements, which is right for the package files and wrong in running
// text (`<em>a</em><em>b</em>` would read "a b"), so pages are written here, with xml.ts's escaping.
import { escapeXmlAttribute, escapeXmlText } from '../lib/xml.js';

export type XElement = { name: string; attrs: Array<[name: string, value: string]>; children: XNode[] };
/** A text node is a plain string. */
export type XNode = string | XElement;
type XChild = XNode | null | undefined | false | readonly XChild[];

const VOID = new Set(['br', 'hr', 'col', 'img', 'meta', 'link', 'wbr']);

/** Elements between which a line break is only cosmetic, so the files read well in a diff or an editor. */
const BLOCKS = new Set(`head title link body section nav header div p blockquote h1 h2 h3 h4 h5 h6 ul ol li dl dt dd
  table caption colgroup thead tbody tfoot tr hr pre figure details address`.split(/\s+/));

function flatten(children: readonly XChild[], into: XNode[]): XNode[] {
  for (const child of children) {
    if (Array.isArray(child)) flatten(child as readonly XChild[], into);
    else if (typeof child === 'string' || (typeof child === 'object' && child !== null)) into.push(child as XNode);
  }
  return into;
}

/** An element; attributes whose value is null, undefined or false are left out. */
export function h(name: string, attrs: Readonly<Record<string, string | null | undefined | false>> = {}, ...children: XChild[]): XElement {
  const kept: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(attrs)) if (typeof value === 'string') kept.push([key, value]);
  return { name, attrs: kept, children: flatten(children, []) };
}

function isBlock(node: XNode | undefined): boolean {
  return typeof node === 'object' && BLOCKS.has(node.name);
}

/** Writes nodes as XML; a string concatenation, since V8 builds long strings faster that way than by joining. */
function write(node: XNode, out: { xml: string }, inPre: boolean): void {
  if (typeof node === 'string') {
    out.xml += escapeXmlText(node);
    return;
  }
  out.xml += '<' + node.name;
  for (const [key, value] of node.attrs) out.xml += ` ${key}="${escapeXmlAttribute(value)}"`;
  if (VOID.has(node.name) && node.children.length === 0) {
    out.xml += '/>';
    return;
  }
  out.xml += '>';
  const pre = inPre || node.name === 'pre' || node.attrs.some(([key, value]) => key === 'class' && value.includes('x-pre'));
  node.children.forEach((child, i) => {
    if (!pre && isBlock(child) && isBlock(node.children[i - 1])) out.xml += '\n';
    write(child, out, pre);
  });
  out.xml += `</${node.name}>`;
}

/** Serializes a list of nodes. */
export function serializeNodes(nodes: readonly XNode[]): string {
  const out = { xml: '' };
  for (const node of nodes) write(node, out, false);
  return out.xml;
}

/** A complete XHTML document: XML declaration, doctype, then the html element. */
export function xhtmlDocument(html: XElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n${serializeNodes([html])}\n`;
}
