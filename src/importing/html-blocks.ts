// HTML to blocks. Word processors and site exports wrap the whole story in <div>s and
// <section>s; those wrappers are looked through, so each paragraph, heading and rule
// becomes its own block, and loose text between them is laid out in paragraphs.
import { parseFragment } from 'parse5';
import { sanitizeHtml } from '../lib/sanitize.js';
import { htmlToText } from '../lib/word-count.js';
import { elements, isElement, outerHtml, type Element, type Node } from './dom.js';
import type { Block } from './text-blocks.js';

const BLOCK_ELEMENTS = new Set(`p h1 h2 h3 h4 h5 h6 hr blockquote ul ol dl pre table div center figure address details
  section article main header footer aside nav form fieldset hgroup`.split(/\s+/));
/** Containers whose children are the blocks, when they hold any blocks at all. */
const WRAPPERS = new Set('div center section article main header footer aside nav body form span font'.split(' '));

const HEADING = /^h([1-6])$/;
/** Past this depth a wrapper is kept whole: real documents nest a few levels, and it bounds recursion. */
const MAX_DEPTH = 40;

function containsBlocks(el: Element, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return elements(el).some((child) => BLOCK_ELEMENTS.has(child.tagName) || (WRAPPERS.has(child.tagName) && containsBlocks(child, depth + 1)));
}

function elementBlock(el: Element): Block {
  const html = outerHtml(el);
  const level = HEADING.exec(el.tagName)?.[1];
  return level === undefined ? { html, text: htmlToText(html) } : { html, text: htmlToText(html), heading: Number(level) };
}

/** Loose inline content: the sanitizer lays it out in paragraphs, and each paragraph is a block. */
function looseBlocks(run: readonly Node[]): Block[] {
  const markup = run.map(outerHtml).join('');
  if (htmlToText(markup).trim() === '' && !/<(?:img|hr)\b/i.test(markup)) return [];
  const laidOut = parseFragment(sanitizeHtml(markup)).childNodes;
  return laidOut.filter(isElement).map(elementBlock);
}

/** Turns a list of HTML nodes (a body's children) into blocks, looking through wrapper elements. */
export function htmlToBlocks(nodes: readonly Node[], depth = 0): Block[] {
  const blocks: Block[] = [];
  let run: Node[] = [];
  const flush = (): void => {
    blocks.push(...looseBlocks(run));
    run = [];
  };
  for (const node of nodes) {
    if (isElement(node) && WRAPPERS.has(node.tagName) && containsBlocks(node, depth)) {
      flush();
      blocks.push(...htmlToBlocks(node.childNodes, depth + 1));
    } else if (isElement(node) && BLOCK_ELEMENTS.has(node.tagName)) {
      flush();
      blocks.push(elementBlock(node));
    } else if (isElement(node) || node.nodeName === '#text') run.push(node);
  }
  flush();
  return blocks.filter((b) => b.text.trim() !== '' || /^<(?:hr|img)\b|<img\b/i.test(b.html));
}
