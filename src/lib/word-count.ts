// Text and word counts from (sanitized) chapter HTML, following AO3's rules: words are counted
// in the text, blocks separate words, and Chinese, Japanese and Thai count one word per character.
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';

/** Blocks that end a line; paragraphs and headings are followed by a blank line, like innerText does for <p>. */
const BLOCK_LINES = new Map<string, number>([
  ...'p h1 h2 h3 h4 h5 h6'.split(' ').map((name): [string, number] => [name, 2]),
  ...`address article aside blockquote caption center details dd dialog dir div dl dt fieldset
    figcaption figure footer form header hgroup hr legend li listing main menu nav ol pre
    search section summary table tbody td tfoot th thead tr ul`.split(/\s+/).map((name): [string, number] => [name, 1]),
]);

/** Elements whose content is never visible text. */
const HIDDEN = new Set('script style template noscript noembed noframes title textarea xmp iframe object select'.split(' '));

const COLLAPSIBLE = /[\t\n\f\r ]+/g;

/**
 * Accumulates text the way a reader sees it: runs of spaces collapse, nothing dangles at a line's
 * edges, and block edges owe line breaks that are paid only when more text follows.
 */
class TextWriter {
  private text = '';
  private owedLines = 0;
  private trailingNewlines = 0;
  private pendingSpace = false;
  preDepth = 0;

  block(lines: number): void {
    this.owedLines = Math.max(this.owedLines, lines);
  }

  lineBreak(): void {
    this.payOwedLines();
    this.text += '\n';
    this.trailingNewlines++;
  }

  write(raw: string): void {
    if (this.preDepth > 0) return this.append(raw);
    const chunk = raw.replace(COLLAPSIBLE, ' ');
    const core = chunk.trim();
    if (core === '') {
      this.pendingSpace ||= chunk !== '';
      return;
    }
    this.pendingSpace ||= chunk.startsWith(' ');
    this.append(core);
    this.pendingSpace = chunk.endsWith(' ');
  }

  finish(): string {
    // Only line breaks can lead (from a <br>); leading spaces can only come from a <pre>, and stay.
    return this.text.replace(/^\n+|[\t\n\f\r ]+$/g, '');
  }

  private payOwedLines(): void {
    if (this.owedLines > 0) this.pendingSpace = false;
    if (this.text !== '') this.text += '\n'.repeat(Math.max(0, this.owedLines - this.trailingNewlines));
    this.trailingNewlines = Math.max(this.trailingNewlines, this.owedLines);
    this.owedLines = 0;
  }

  private append(chunk: string): void {
    if (chunk === '') return;
    this.payOwedLines();
    // A collapsed space is shown only between two pieces of text on the same line.
    if (this.pendingSpace && this.trailingNewlines === 0 && this.text !== '') this.text += ' ';
    this.pendingSpace = false;
    this.text += chunk;
    const newlines = /\n*$/.exec(chunk)?.[0].length ?? 0;
    this.trailingNewlines = newlines === chunk.length ? this.trailingNewlines + newlines : newlines;
  }
}

type Step = { node: P5.ChildNode } | { leave: string };

/** Returns the visible text of an HTML fragment, blocks on their own lines, characters exactly as written. */
export function htmlToText(markup: string): string {
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  const writer = new TextWriter();
  // An explicit stack rather than recursion: unsanitized input may nest arbitrarily deep.
  const steps: Step[] = parseFragment(context, markup, {}).childNodes.map((node) => ({ node })).reverse();
  for (let step = steps.pop(); step; step = steps.pop()) {
    if ('leave' in step) {
      if (step.leave === 'pre') writer.preDepth--;
      writer.block(BLOCK_LINES.get(step.leave) ?? 0);
      continue;
    }
    const { node } = step;
    if (node.nodeName === '#text' && 'value' in node) writer.write(node.value);
    if (!('tagName' in node) || node.namespaceURI !== html.NS.HTML || HIDDEN.has(node.tagName)) continue;
    if (node.tagName === 'br') writer.lineBreak();
    if (node.tagName === 'pre') writer.preDepth++;
    writer.block(BLOCK_LINES.get(node.tagName) ?? 0);
    steps.push({ leave: node.tagName });
    for (let i = node.childNodes.length - 1; i >= 0; i--) steps.push({ node: node.childNodes[i] as P5.ChildNode });
  }
  return writer.finish();
}

const PER_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
// A word starts with a letter or digit; a single hyphen or apostrophe joins two words into one
// (`one-word`, `don’t`), and so does a point or comma between digits (`3.5`, `1,000`).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’\-‐‑]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** Counts the words of chapter HTML the way AO3 does (CJK and Thai per character, hyphenated words once). */
export function countWords(markup: string): number {
  let count = 0;
  const rest = htmlToText(markup).replace(PER_CHARACTER, () => {
    count++;
    return ' ';
  });
  for (const _ of rest.matchAll(WORD)) count++;
  return count;
}
