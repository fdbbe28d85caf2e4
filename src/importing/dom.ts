// Small helpers over parse5's tree, for reading uploaded HTML the way a browser would.
import { parse, serialize, serializeOuter, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { countWords, htmlToText } from '../lib/word-count.js';

export type Element = P5.Element;
export type Node = P5.ChildNode;

/** True for element nodes (not text, comments or doctypes). */
export function isElement(node: P5.Node): node is P5.Element {
  return 'tagName' in node;
}

/** The value of an attribute, or '' when it is missing. */
export function attr(el: Element, name: string): string {
  return el.attrs.find((a) => a.name === name)?.value ?? '';
}

/** True when the element's class list holds every one of the given classes. */
export function hasClass(el: Element, ...names: string[]): boolean {
  const classes = attr(el, 'class').split(/\s+/);
  return names.every((name) => classes.includes(name));
}

/** The element children of a node. */
export function elements(node: P5.ParentNode): Element[] {
  return node.childNodes.filter(isElement);
}

/** Every element below a node, in document order, that passes the test (found without recursion). */
export function findAll(root: P5.ParentNode, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: P5.Node[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (test(node)) found.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as P5.Node);
  }
  return found;
}

/** The first element below a node that passes the test. */
export function find(root: P5.ParentNode, test: (el: Element) => boolean): Element | undefined {
  return findAll(root, test)[0];
}

/** Parses a whole HTML document and returns its <body> (parse5 always makes one). */
export function parseBody(markup: string): { document: P5.Document; body: Element } {
  const document = parse(markup);
  const body = find(document, (el) => el.tagName === 'body');
  if (!body) throw new Error('parse5 returned a document without a body');
  return { document, body };
}

/** The markup inside a node. */
export function innerHtml(node: P5.ParentNode): string {
  return serialize(node);
}

/** The markup of a node, itself included. */
export function outerHtml(node: Node): string {
  return serializeOuter(node);
}

/** The visible text of a node, on one line. */
export function textOf(node: Node): string {
  return htmlToText(outerHtml(node)).replace(/\s+/g, ' ').trim();
}

/** The words of a node, as AO3 counts them. */
export function wordsOf(node: Node): number {
  return countWords(outerHtml(node));
}
