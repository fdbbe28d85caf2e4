// An imported note loses the label that only said it was a note ("A/N:", "Author's Note -",
// "Notes:"): on the work page it sits under a Notes heading already. Labels that say something
// (Disclaimer:, Prompt:, Dedication:) stay. Only the start of each paragraph is looked at, and
// the label's words go wherever the note goes: the draft keeps them, so putting a note back
// into the story text puts back the label with it.
import { parseFragment, serialize } from 'parse5';
import type { DefaultTreeAdapterMap as P5 } from 'parse5';
import { isElement } from './dom.js';

/** A label (perhaps numbered, "A/N 2:") and the punctuation after it; the lookahead keeps "Notes on the war" and "An hour later:" in. */
const PLAIN_LABEL = /^[\s([*_]*(?:a\/n\b|a\.n\.|an\s*:|author['’]?s?['’]?\s+notes?(?=\s*[:.\-–—)\]]|\s*$)|notes?\s*:)(?:\s*#?\d{1,2}(?=\s*[:.\-–—)]))?[\s:.\-–—)\]*_]*/i;

type TextNode = P5['textNode'];

function textNodes(node: P5['parentNode']): TextNode[] {
  return node.childNodes.flatMap((child): TextNode[] => {
    if (child.nodeName === '#text') return [child as TextNode];
    return isElement(child) ? textNodes(child) : [];
  });
}

/** Removes the first `count` characters of an element's text, across inline elements. */
function dropText(el: P5['element'], count: number): void {
  let left = count;
  for (const node of textNodes(el)) {
    if (left <= 0) break;
    const take = Math.min(left, node.value.length);
    node.value = node.value.slice(take);
    left -= take;
  }
}

/** Elements that show something with no text in them. */
const SHOWN = new Set(['br', 'img', 'hr']);

/** True for an element left with nothing to show (a `<strong>` that held only the label). */
function empty(el: P5['element']): boolean {
  if (SHOWN.has(el.tagName)) return false;
  return el.childNodes.every((child) => (child.nodeName === '#text' ? (child as TextNode).value.trim() === '' : !isElement(child) || empty(child)));
}

function prune(el: P5['element']): void {
  el.childNodes = el.childNodes.filter((child) => !isElement(child) || !empty(child));
  for (const child of el.childNodes) if (isElement(child)) prune(child);
}

/** A note's HTML without the plain "this is a note" label at the start of its paragraphs; a paragraph that was only the label goes. */
export function withoutNoteLabels(html: string): string {
  if (html === '') return html;
  const fragment = parseFragment(html);
  fragment.childNodes = fragment.childNodes.filter((block) => {
    if (!isElement(block)) return true;
    const text = textNodes(block).map((node) => node.value).join('');
    const label = PLAIN_LABEL.exec(text);
    if (!label) return true;
    dropText(block, label[0].length);
    // "(A/N: back soon)" loses its closing bracket with its opening one.
    const opened = /^\s*([([])/.exec(label[0])?.[1];
    const last = textNodes(block).filter((node) => node.value.trim() !== '').pop();
    if (opened !== undefined && last !== undefined && last.value.trimEnd().endsWith(opened === '(' ? ')' : ']')) last.value = last.value.trimEnd().slice(0, -1);
    prune(block);
    // A trailing <br> under a label line ("A/N:<br>text") is left behind: it starts the paragraph with a blank line.
    while (block.childNodes[0] && isElement(block.childNodes[0]) && block.childNodes[0].tagName === 'br') block.childNodes.shift();
    return !empty(block);
  });
  return serialize(fragment).replace(/^\s+/, '');
}
