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
    let newlines = 0;
    while (newlines < chunk.length && chunk.charCodeAt(chunk.length - 1 - newlines) === 10) newlines++;
    this.trailingNewlines = newlines === chunk.length ? this.trailingNewlines + newlines : newlines;
  }
}

type Step = { node: P5.ChildNode } | { leave: string };

/** Returns the visible text of an HTML fragment, blocks on their own lines, characters exactly as written. */
export function htmlToText(markup: string): string {
  return plainHtmlToText(markup) ?? parsedHtmlToText(markup);
}

/** Elements the quick reading knows: what the sanitizer keeps, minus those whose parsing has special rules (pre, tables, forms). */
const PLAIN_ELEMENTS = new Set(`a abbr address b bdi bdo big blockquote br center cite code dd del details dfn div dl dt em figcaption figure
  font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p q s samp small span strike strong sub summary sup time tt u ul var wbr`.split(/\s+/));
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr']);
/** Opening one of these inside a <p> closes the paragraph, which only the full parser follows. */
const CLOSES_P = new Set([...BLOCK_LINES.keys(), 'p']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp);|#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});)/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const UNSURE_TEXT = /[\r\0]|&[a-zA-Z#]/;

/** Text with the entities a serializer writes decoded; null when it holds one the quick reading leaves to the parser. */
function decodeText(raw: string): string | null {
  if (!raw.includes('&')) return UNSURE_TEXT.test(raw) ? null : raw;
  let sure = !UNSURE_TEXT.test(raw.replace(ENTITY, ''));
  const decoded = raw.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? '';
    const code = Number.parseInt(dec ?? hex ?? '', dec === undefined ? 16 : 10);
    // Zero, surrogates, carriage returns and the C1 range have replacement rules of their own.
    if (code === 0 || code === 0x0d || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) sure = false;
    return sure ? String.fromCodePoint(code) : '';
  });
  return sure ? decoded : null;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whether the parser would close an open element on this start tag (a second link, list item, heading). */
function closesAnOpenOne(open: readonly string[], name: string): boolean {
  if (name === 'a') return open.includes('a');
  if (HEADINGS.has(name)) return open.some((o) => HEADINGS.has(o));
  if (name === 'li') return open.lastIndexOf('li') > Math.max(open.lastIndexOf('ul'), open.lastIndexOf('ol'));
  if (name === 'dd' || name === 'dt') return Math.max(open.lastIndexOf('dd'), open.lastIndexOf('dt')) > open.lastIndexOf('dl');
  return false;
}

/**
 * The same text as the parser gives, read straight from well-formed markup of the elements the
 * sanitizer keeps (what the archive stores), several times faster; null when the markup has
 * anything whose parsing has rules of its own (comments, mis-nesting, tables, unknown entities).
 */
export function plainHtmlToText(markup: string): string | null {
  const writer = new TextWriter();
  const open: string[] = [];
  let paragraphs = 0;
  let at = 0;
  while (at < markup.length) {
    const lt = markup.indexOf('<', at);
    const end = lt === -1 ? markup.length : lt;
    if (end > at) {
      const text = decodeText(markup.slice(at, end));
      if (text === null) return null;
      writer.write(text);
    }
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(markup);
    if (tag === null) return null;
    at = TAG.lastIndex;
    const name = (tag[2] ?? '').toLowerCase();
    if (!PLAIN_ELEMENTS.has(name)) return null;
    if (tag[1] === '/') {
      if (open.pop() !== name) return null;
      if (name === 'p') paragraphs--;
      writer.block(BLOCK_LINES.get(name) ?? 0);
      continue;
    }
    if ((paragraphs > 0 && CLOSES_P.has(name)) || closesAnOpenOne(open, name)) return null;
    if (name === 'br') writer.lineBreak();
    writer.block(BLOCK_LINES.get(name) ?? 0);
    if (VOID_ELEMENTS.has(name)) {
      writer.block(BLOCK_LINES.get(name) ?? 0);
      continue;
    }
    if (tag[4] === '/') return null;
    open.push(name);
    if (name === 'p') paragraphs++;
  }
  return open.length === 0 ? writer.finish() : null;
}

/** The full parser's reading of any fragment (what the quick reading must equal). */
export function parsedHtmlToText(markup: string): string {
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
