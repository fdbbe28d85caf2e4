// Where a browser forgives and epubcheck's HTML5 schema does not. The sanitizer keeps AO3's
// allowlist and the browser's tree, which can hold `<em><p>…</p></em>`, an `<li>` outside a
// list or a `<dl>` that starts with `<dd>`. Each such element is renamed to a div (or a span)
// carrying the class `x-<original name>`, so the stylesheet can keep its look; nothing is dropped.
import type { XElement, XNode } from './xhtml-tree.js';

/** HTML4 elements HTML5 dropped, and what stands in for them (with the class `x-<name>`). */
export const OBSOLETE_RENAMES: ReadonlyMap<string, string> = new Map([
  ['center', 'div'], ['big', 'span'], ['tt', 'span'], ['strike', 's'], ['acronym', 'abbr'],
]);

/** Phrasing elements (after renaming): what may sit in a paragraph. */
const PHRASING = new Set('a abbr b bdi bdo br cite code del dfn em i ins kbd q ruby rp rt s samp small span strong sub sup u var wbr'.split(' '));
/** Phrasing that takes on its content's model: a link around a block is a block. */
const TRANSPARENT = new Set(['a', 'ins', 'del']);
/** Elements whose content must be phrasing. */
const PHRASING_ONLY = new Set('abbr b cite code dfn em i kbd q ruby rp rt s samp small span strong sub sup u var p h1 h2 h3 h4 h5 h6 pre summary'.split(' '));
/** Attributes any element may carry; the rest belong to the element that is being renamed away. */
const GLOBAL_ATTRIBUTES = new Set(['lang', 'xml:lang', 'dir', 'title', 'id', 'class']);
const TABLE_ORDER = new Map([['caption', 0], ['colgroup', 1], ['thead', 2], ['tbody', 3], ['tr', 3], ['tfoot', 4]]);

/** Adds a class to an attribute list, joining an existing class attribute. */
export function addClass(attrs: Array<[string, string]>, name: string): void {
  const existing = attrs.find(([key]) => key === 'class');
  if (existing) existing[1] += ` ${name}`;
  else attrs.push(['class', name]);
}

function rename(el: XElement, to: 'div' | 'span' | 'li'): void {
  const from = el.name;
  el.name = to;
  el.attrs = el.attrs.filter(([key]) => GLOBAL_ATTRIBUTES.has(key));
  addClass(el.attrs, `x-${from}`);
}

function isFlow(node: XNode): boolean {
  if (typeof node === 'string') return false;
  return !PHRASING.has(node.name) || (TRANSPARENT.has(node.name) && node.children.some(isFlow));
}

/** Turns an element that must hold phrasing but holds a block into a div; called bottom-up as the tree is built. */
export function repairPhrasing(el: XElement): XElement {
  if (PHRASING_ONLY.has(el.name) && el.children.some(isFlow)) rename(el, 'div');
  return el;
}

const isBlank = (node: XNode): boolean => typeof node === 'string' && /^[\t\n\f\r ]*$/.test(node);
const elementsOf = (nodes: readonly XNode[]): XElement[] => nodes.filter((node): node is XElement => typeof node !== 'string');

/** Puts each run of stray content in a list into an unmarked item. */
function wrapListStrays(list: XElement): void {
  const out: XNode[] = [];
  let stray: XElement | null = null;
  for (const child of list.children) {
    if ((typeof child !== 'string' && child.name === 'li') || (isBlank(child) && stray === null)) {
      out.push(child);
      stray = null;
    } else if (stray) stray.children.push(child);
    else {
      stray = { name: 'li', attrs: [['class', 'x-bare']], children: [child] };
      out.push(stray);
    }
  }
  list.children = out;
}

function isValidDl(dl: XElement): boolean {
  if (!dl.children.every((child) => isBlank(child) || (typeof child !== 'string' && (child.name === 'dt' || child.name === 'dd')))) return false;
  const sequence = elementsOf(dl.children).map((child) => (child.name === 'dt' ? 't' : 'd')).join('');
  return /^(?:t+d+)*$/.test(sequence);
}

/** Ruby text after the base text it annotates, optionally in parentheses: `漢<rp>(</rp><rt>kan</rt><rp>)</rp>`. */
function isValidRuby(ruby: XElement): boolean {
  const sequence = ruby.children.filter((child) => !isBlank(child)).map((child) => {
    if (typeof child === 'string') return 'b';
    return child.name === 'rt' ? 't' : child.name === 'rp' ? 'p' : 'b';
  }).join('');
  return /^(?:b+(?:t|ptp)+)+$/.test(sequence);
}

/** The schema wants a summary first in a details element; browsers show "Details" when there is none. */
function ensureSummary(details: XElement): void {
  const first = elementsOf(details.children)[0];
  if (first?.name !== 'summary') details.children.unshift({ name: 'summary', attrs: [], children: ['Details'] });
}

/** One caption, head and foot a table: a second caption joins the first, a second head or foot becomes a body. */
function mergeTableParts(table: XElement): void {
  const seen = new Map<string, XElement>();
  table.children = table.children.filter((child) => {
    if (typeof child === 'string' || !['caption', 'thead', 'tfoot'].includes(child.name)) return true;
    const earlier = seen.get(child.name);
    if (earlier === undefined) seen.set(child.name, child);
    else if (child.name === 'caption') earlier.children.push({ name: 'br', attrs: [], children: [] }, ...child.children);
    else child.name = 'tbody';
    return earlier === undefined || child.name !== 'caption';
  });
}

function orderTable(table: XElement): void {
  mergeTableParts(table);
  const rank = (el: XElement): number => TABLE_ORDER.get(el.name) ?? 3;
  const elements = elementsOf(table.children);
  if (elements.every((el, i) => i === 0 || rank(elements[i - 1] as XElement) <= rank(el))) return;
  table.children = [...elements].sort((a, b) => rank(a) - rank(b));
}

/** Elements that may not sit inside another element (the second name), and what they become there. */
const NOT_INSIDE: ReadonlyArray<[string, string, 'div' | 'span']> = [['dfn', 'dfn', 'span'], ['address', 'address', 'div'], ['details', 'a', 'div']];

/** Fixes an element against its parent and ancestors: list items outside lists, a definition inside a definition... */
function fitToParent(el: XElement, parent: string, ancestors: ReadonlySet<string>, index: number, siblings: readonly XElement[]): void {
  const first = index === 0;
  const last = index === siblings.length - 1;
  const figcaptions = siblings.filter((sibling) => sibling.name === 'figcaption');
  for (const [name, ancestor, to] of NOT_INSIDE) if (el.name === name && ancestors.has(ancestor)) rename(el, to);
  if (el.name === 'li' && parent !== 'ul' && parent !== 'ol') rename(el, 'div');
  else if ((el.name === 'dt' || el.name === 'dd') && parent !== 'dl') rename(el, 'div');
  else if ((el.name === 'rt' || el.name === 'rp') && parent !== 'ruby') rename(el, 'span');
  else if (el.name === 'summary' && !(parent === 'details' && first)) rename(el, 'div');
  else if (el.name === 'figcaption' && !(parent === 'figure' && (first || last) && figcaptions[0] === el)) rename(el, 'div');
  if (el.name === 'li' && parent !== 'ol') el.attrs = el.attrs.filter(([key]) => key !== 'value');
}

function fitChildren(el: XElement): void {
  if (el.name === 'ul' || el.name === 'ol') wrapListStrays(el);
  if (el.name === 'dl' && !isValidDl(el)) rename(el, 'div');
  if (el.name === 'ruby' && !isValidRuby(el)) rename(el, 'span');
  if (el.name === 'details') ensureSummary(el);
  if (el.name === 'table') orderTable(el);
  if (el.name === 'colgroup' && el.children.some((child) => typeof child !== 'string')) el.attrs = el.attrs.filter(([key]) => key !== 'span');
}

/** Repairs content models top-down, each element against its (already repaired) parent and ancestors. */
export function repairContentModel(nodes: XNode[], parent: string, ancestors: ReadonlySet<string> = new Set()): XNode[] {
  const elements = elementsOf(nodes);
  elements.forEach((el, i) => {
    fitToParent(el, parent, ancestors, i, elements);
    fitChildren(el);
    repairContentModel(el.children, el.name, ancestors.has(el.name) ? ancestors : new Set([...ancestors, el.name]));
  });
  return nodes;
}
