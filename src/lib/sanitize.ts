// The user-HTML sanitizer: parse exactly as a browser does (parse5), keep what the allowlist
// allows, lay loose text out in paragraphs and write the result with our own serializer.
// See docs/decisions/004-html-sanitizer-on-parse5.md.
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { BLOCK_BREAK, serializeFragment, type CleanElement, type CleanNode } from './html-writer.js';
import { layoutParagraphs, type CloneBudget } from './paragraphs.js';
import {
  ALLOWED_ELEMENTS, BLOCK_LIKE_UNWRAPPED, DROPPED_ELEMENTS, INLINE_ELEMENTS,
  PARAGRAPH_CONTAINERS, STRUCTURAL_ELEMENTS, cleanAttributes,
} from './sanitize-policy.js';

/** Deeper content is flattened to its text: real writing never nests this deep, and it bounds recursion. */
const MAX_DEPTH = 100;
/** Re-sanitizing stops here; in practice the second pass already confirms the first. */
const MAX_PASSES = 4;

// C0 controls except tab, newline and carriage return, DEL and the C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /\p{Cs}/gu;
const ASCII_BLANK = /^[\t\n\f\r ]*$/;

function isElement(node: P5.ChildNode): node is P5.Element {
  return 'tagName' in node;
}

function pushText(out: CleanNode[], text: string): void {
  const last = out[out.length - 1];
  // Adjacent text from unwrapped elements is joined, so blank-line detection sees one string.
  if (typeof last === 'string') out[out.length - 1] = last + text;
  else if (text) out.push(text);
}

function isDropped(el: P5.Element): boolean {
  return el.namespaceURI !== html.NS.HTML || DROPPED_ELEMENTS.has(el.tagName);
}

/** Past MAX_DEPTH only the text survives, collected without recursion. */
function appendTextOnly(node: P5.ChildNode, out: CleanNode[]): void {
  const stack: P5.ChildNode[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.nodeName === '#text' && 'value' in next) pushText(out, next.value.replace(CONTROLS, ''));
    else if (isElement(next) && !isDropped(next)) {
      for (let i = next.childNodes.length - 1; i >= 0; i--) stack.push(next.childNodes[i] as P5.ChildNode);
    }
  }
}

function cleanChildren(nodes: readonly P5.ChildNode[], depth: number, budget: CloneBudget): CleanNode[] {
  const out: CleanNode[] = [];
  for (const node of nodes) {
    if (depth > MAX_DEPTH) appendTextOnly(node, out);
    else cleanNode(node, depth, budget, out);
  }
  return out;
}

function cleanNode(node: P5.ChildNode, depth: number, budget: CloneBudget, out: CleanNode[]): void {
  if (node.nodeName === '#text' && 'value' in node) return pushText(out, node.value.replace(CONTROLS, ''));
  if (!isElement(node) || isDropped(node)) return; // comments and doctypes go too
  const children = cleanChildren(node.childNodes, depth + 1, budget);
  const attrs = ALLOWED_ELEMENTS.has(node.tagName)
    ? cleanAttributes(node.tagName, node.attrs.map((a) => ({ ...a, value: a.value.replace(CONTROLS, '') })))
    : 'unwrap';
  if (attrs === 'drop') return;
  if (attrs !== 'unwrap') out.push(shapeElement(node.tagName, attrs, children, budget));
  else unwrapInto(node.tagName, children, out);
}

/** Keeps an element's content without the element, still separating paragraphs where it was a block. */
function unwrapInto(tagName: string, children: readonly CleanNode[], out: CleanNode[]): void {
  const isBlock = BLOCK_LIKE_UNWRAPPED.has(tagName);
  if (isBlock) out.push(BLOCK_BREAK);
  for (const child of children) {
    if (typeof child === 'string') pushText(out, child);
    else out.push(child);
  }
  if (isBlock) out.push(BLOCK_BREAK);
}

function hasContent(children: readonly CleanNode[]): boolean {
  return children.some((c) => c !== BLOCK_BREAK && (typeof c !== 'string' || !ASCII_BLANK.test(c)));
}

/** Applies the per-element layout rules; an empty paragraph leaves only the break it made. */
function shapeElement(name: string, attrs: [string, string][], children: CleanNode[], budget: CloneBudget): CleanNode {
  if (name === 'p' && !hasContent(children)) return BLOCK_BREAK;
  if (PARAGRAPH_CONTAINERS.has(name)) children = layoutParagraphs(children, budget);
  else if (STRUCTURAL_ELEMENTS.has(name)) children = children.filter((c) => typeof c !== 'string' || !ASCII_BLANK.test(c));
  const el: CleanElement = { name, attrs, children, inline: INLINE_ELEMENTS.has(name) };
  el.inline &&= children.every((c) => typeof c === 'string' || c === BLOCK_BREAK || c.inline);
  return el;
}

function sanitizeOnce(input: string): string {
  // Pages show user HTML inside a <div>, so it is parsed as a browser parses a div's innerHTML
  // (parse5's default context, <template>, would accept stray <td> and <tr> that a browser ignores).
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  const fragment = parseFragment(context, input.replace(LONE_SURROGATE, '\uFFFD'), {});
  // Reopened tags may add at most about as much markup as the input already had.
  const budget: CloneBudget = { remaining: input.length };
  const nodes = layoutParagraphs(cleanChildren(fragment.childNodes, 0, budget), budget);
  return serializeFragment(nodes).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

/** Cleans user HTML (chapter text, summary, notes) to safe, well-formed, idempotent HTML before it is stored. */
export function sanitizeHtml(input: string): string {
  // Unwrapping can leave nesting a browser would repair differently (a <div> that ended up in a
  // <p>, an <a> in an <a>), so the result is parsed again until it comes back unchanged.
  let current = sanitizeOnce(input);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const next = sanitizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}
