// The sanitizer's own small tree and its serializer. We never hand parse5's tree back to
// parse5's serializer: writing the output ourselves guarantees it is well-formed, double-quoted
// and free of named entities whatever the input looked like.

/** Marks where an unwrapped block-level element stood, so paragraphs do not run together. */
export const BLOCK_BREAK = Symbol('block break');

export interface CleanElement {
  name: string;
  attrs: [name: string, value: string][];
  children: CleanNode[];
  /** True when the element and everything inside it is inline (phrasing) content. */
  inline: boolean;
}

/** A text node is a plain string. */
export type CleanNode = string | CleanElement | typeof BLOCK_BREAK;

export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'col', 'hr', 'img']);

/** Parents whose element children are written one per line, so the output diffs nicely. */
const LINE_PER_CHILD: ReadonlySet<string> = new Set([
  '#fragment', 'div', 'blockquote', 'li', 'td', 'th', 'dd', 'details', 'figure',
  'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup',
]);

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
const escapeAttribute = (value: string): string => value.replace(/[&"]/g, (c) => TEXT_ESCAPES[c] ?? c);

/** Collects the output; V8 concatenates strings faster than it joins millions of array items. */
interface Output { html: string }

function writeStartTag(el: CleanElement, out: Output): void {
  out.html += '<' + el.name;
  for (const [name, value] of el.attrs) {
    // `open` is the only boolean attribute we keep; it is written bare, as users write it.
    out.html += name === 'open' ? ' open' : ` ${name}="${escapeAttribute(value)}"`;
  }
  out.html += '>';
}

function writeChildren(parentName: string, children: readonly CleanNode[], out: Output): void {
  const onePerLine = LINE_PER_CHILD.has(parentName);
  let previousWasElement = false;
  for (const child of children) {
    if (child === BLOCK_BREAK) continue;
    const isElement = typeof child !== 'string';
    // The newline only ever lands between two elements, where the next pass drops it again.
    if (onePerLine && isElement && previousWasElement) out.html += '\n';
    writeNode(child, out);
    previousWasElement = isElement;
  }
}

function writeNode(node: string | CleanElement, out: Output): void {
  if (typeof node === 'string') {
    out.html += escapeText(node);
    return;
  }
  writeStartTag(node, out);
  if (VOID_ELEMENTS.has(node.name)) return;
  // A parser drops the first newline after <pre>; doubling it keeps a leading blank line.
  const first = node.children.find((child) => child !== BLOCK_BREAK);
  if (node.name === 'pre' && typeof first === 'string' && first.startsWith('\n')) out.html += '\n';
  writeChildren(node.name, node.children, out);
  out.html += `</${node.name}>`;
}

/** Serializes the top-level nodes of a cleaned fragment to HTML. */
export function serializeFragment(nodes: readonly CleanNode[]): string {
  const out: Output = { html: '' };
  writeChildren('#fragment', nodes, out);
  return out.html;
}
