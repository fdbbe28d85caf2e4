// Sanitized user HTML rewritten as EPUB 3 XHTML. parse5 reads it exactly as a browser would;
// the tree is then written as XML (entities become characters, void elements self-close,
// attributes are quoted) and bent into what epubcheck's HTML5 schema accepts: obsolete elements
// and attributes become classes, `<a name>` becomes an id, links are made absolute, and images,
// which an EPUB may not load from the web, become links to the image.
import { html, parseFragment, type DefaultTreeAdapterTypes as P5, defaultTreeAdapter } from 'parse5';
import { OBSOLETE_RENAMES, addClass, repairContentModel, repairPhrasing } from './epub-xhtml-repair.js';
import type { XElement, XNode } from './xhtml-tree.js';

/** What converting one XHTML file's fragments shares: the anchors every fragment may link to. */
type Context = { baseUrl: string; anchors: ReadonlySet<string>; emitted: Set<string>; inLink: boolean };

/** Elements we know how to write; anything else (there should be nothing) is unwrapped to its content. */
const KNOWN = new Set(`a abbr acronym address b big blockquote br caption center cite code col colgroup details
  figcaption figure dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 hr i ins kbd li ol p pre q rp rt ruby s samp
  small span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var`.split(/\s+/));

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const ALIGN = new Set(['left', 'right', 'center', 'justify']);
const LANGUAGE_TAG = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$/;
// An id must be an XML name for XHTML; writers' anchors are nearly always plain words.
const ID = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

const isElement = (node: P5.ChildNode): node is P5.Element => 'tagName' in node && node.namespaceURI === html.NS.HTML;
const attribute = (el: P5.Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

// What RFC 3986 allows after the authority; the WHATWG serializer leaves a few others (`|`, `^`,
// `[`, a `%` not followed by two hex digits) that epubcheck rejects.
const NOT_IN_URI = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]|%(?![0-9A-Fa-f]{2})/gu;

/** An absolute http(s) or mailto URL, written as a valid URI, or null for anything a reader could not follow. */
export function absoluteUrl(value: string, baseUrl: string, schemes: ReadonlySet<string> = LINK_SCHEMES): string | null {
  let url: URL;
  try {
    url = new URL(value.trim(), baseUrl);
  } catch {
    return null;
  }
  if (!schemes.has(url.protocol)) return null;
  const tail = url.pathname + url.search + url.hash;
  const head = url.href.slice(0, url.href.length - tail.length);
  return head + tail.replace(NOT_IN_URI, (c) => encodeURIComponent(c));
}

function fragmentTarget(value: string, ctx: Context): string | null {
  let name = value.trim().slice(1);
  try {
    name = decodeURIComponent(name);
  } catch {
    return null;
  }
  return ctx.anchors.has(name) ? `#${name}` : null;
}

function linkTarget(el: P5.Element, ctx: Context): string | null {
  const href = attribute(el, 'href');
  if (href === undefined) return null;
  // A link to an anchor stays inside the file when the anchor is there; elsewhere it could not work.
  return href.trim().startsWith('#') ? fragmentTarget(href, ctx) : absoluteUrl(href, ctx.baseUrl);
}

function intIn(value: string, min: number, max: number): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max;
}

/** The attributes an XHTML element keeps, rewritten where HTML5 in XML needs it. */
function convertAttributes(el: P5.Element, href: string | null, ctx: Context): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const { name, value } of el.attrs) {
    if (name === 'lang' && LANGUAGE_TAG.test(value)) out.push(['lang', value], ['xml:lang', value]);
    else if (name === 'dir' || name === 'title' || name === 'rowspan' || name === 'scope' || name === 'type' || name === 'start' || name === 'value') out.push([name, value]);
    else if (name === 'align' && ALIGN.has(value)) addClass(out, `align-${value}`);
    else if (name === 'colspan' || name === 'span') {
      if (intIn(value, 1, 1000)) out.push([name, value]);
    } else if (name === 'cite') {
      const url = absoluteUrl(value, ctx.baseUrl);
      if (url !== null) out.push(['cite', url]);
    } else if (name === 'open') out.push(['open', 'open']);
    else if (name === 'name' && ctx.anchors.has(value) && !ctx.emitted.has(value)) {
      ctx.emitted.add(value);
      out.push(['id', value]);
    }
  }
  if (href !== null) out.push(['href', href], ['rel', 'nofollow']);
  return out;
}

/** An image becomes a link to it, labelled with its alt text; inside another link, just the label. */
function imageLink(el: P5.Element, ctx: Context): XNode[] {
  const label = attribute(el, 'alt')?.trim() || 'Image';
  const src = absoluteUrl(attribute(el, 'src') ?? '', ctx.baseUrl, new Set(['http:', 'https:']));
  if (src === null || ctx.inLink) return [label];
  return [{ name: 'a', attrs: [['class', 'image'], ['href', src], ['rel', 'nofollow']], children: [label] }];
}

function convertChildren(parent: P5.ParentNode, ctx: Context): XNode[] {
  return parent.childNodes.flatMap((child) => convertNode(child, ctx));
}

function convertNode(node: P5.ChildNode, ctx: Context): XNode[] {
  if (defaultTreeAdapter.isTextNode(node)) return [node.value];
  if (!isElement(node)) return [];
  const name = node.tagName;
  if (name === 'img') return imageLink(node, ctx);
  if (!KNOWN.has(name)) return convertChildren(node, ctx);
  const href = name === 'a' ? linkTarget(node, ctx) : null;
  const children = convertChildren(node, href === null ? ctx : { ...ctx, inLink: true });
  const attrs = convertAttributes(node, href, ctx);
  // An anchor that neither links nor names anything is just its text.
  if (name === 'a' && attrs.length === 0) return children;
  const renamed = OBSOLETE_RENAMES.get(name);
  const el: XElement = { name: renamed ?? name, attrs, children };
  if (renamed !== undefined) addClass(el.attrs, `x-${name}`);
  return [repairPhrasing(el)];
}

function collectAnchors(nodes: readonly P5.ChildNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const name = node.tagName === 'a' ? attribute(node, 'name') : undefined;
    if (name !== undefined && ID.test(name)) into.add(name);
    collectAnchors(node.childNodes, into);
  }
}

/**
 * Converts the sanitized HTML fragments that go into one XHTML file (a chapter's summary, notes,
 * text and end notes), so that a footnote link from the text to the end notes still works.
 * Relative links are resolved against `baseUrl`, the work's page.
 */
export function fragmentsToXhtml(fragments: readonly string[], baseUrl: string): XNode[][] {
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  const parsed = fragments.map((fragment) => parseFragment(context, fragment, {}));
  const anchors = new Set<string>();
  for (const fragment of parsed) collectAnchors(fragment.childNodes, anchors);
  const ctx: Context = { baseUrl, anchors, emitted: new Set(), inLink: false };
  return parsed.map((fragment) => repairContentModel(convertChildren(fragment, ctx), 'div'));
}
