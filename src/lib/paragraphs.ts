// Paragraph wrapping, the way AO3 treats writers who paste plain text: loose inline content in a
// container becomes <p> elements split at blank lines, and a single newline becomes <br>.
// An inline element that spans a blank line is closed at the break and reopened after it, within
// a budget: without one, `<b>` nested deep around thousands of blank lines would multiply the
// input many times over. Past the budget a break inside inline elements becomes two <br>.
import { BLOCK_BREAK, VOID_ELEMENTS, type CleanElement, type CleanNode } from './html-writer.js';

/** How many characters of reopened tags a whole sanitizer pass may still add. */
export interface CloneBudget { remaining: number }

/** Shared by every piece of one inline element that a paragraph break cut in two. */
interface Span { split: boolean }

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'open'; el: CleanElement; span: Span }
  | { kind: 'close' }
  | { kind: 'void'; el: CleanElement; fromNewline: boolean }
  | { kind: 'break' };

const BLANK_LINE = /\n[\t\n\f\r ]*\n/;
const NEWLINE = /[\t\f\r ]*\n[\t\f\r ]*/;
const LEADING_SPACE = /^[\t\n\f\r ]+/;
const TRAILING_SPACE = /[\t\n\f\r ]+$/;
const BR: CleanElement = { name: 'br', attrs: [], children: [], inline: true };

function flatten(nodes: readonly CleanNode[], out: Token[]): void {
  for (const node of nodes) {
    if (node === BLOCK_BREAK) out.push({ kind: 'break' });
    else if (typeof node === 'string') {
      node.split(BLANK_LINE).forEach((text, i) => {
        if (i > 0) out.push({ kind: 'break' });
        out.push({ kind: 'text', text });
      });
    } else if (VOID_ELEMENTS.has(node.name)) out.push({ kind: 'void', el: node, fromNewline: false });
    else {
      out.push({ kind: 'open', el: node, span: { split: false } });
      flatten(node.children, out);
      out.push({ kind: 'close' });
    }
  }
}

function reopenCost(open: readonly Extract<Token, { kind: 'open' }>[]): number {
  let cost = 0;
  for (const { el } of open) {
    cost += 2 * el.name.length + 5;
    for (const [name, value] of el.attrs) cost += name.length + value.length + 4;
  }
  return cost;
}

/** Cuts the token stream at breaks into balanced paragraphs, reopening whatever was open. */
function splitAtBreaks(tokens: readonly Token[], budget: CloneBudget): Token[][] {
  const paragraphs: Token[][] = [];
  const open: Extract<Token, { kind: 'open' }>[] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'break' && open.length > 0 && reopenCost(open) > budget.remaining) {
      current.push({ kind: 'void', el: BR, fromNewline: false }, { kind: 'void', el: BR, fromNewline: false });
      continue;
    }
    if (token.kind === 'break') {
      budget.remaining -= reopenCost(open);
      for (const o of open) o.span.split = true;
      paragraphs.push([...current, ...open.map((): Token => ({ kind: 'close' }))]);
      current = [...open];
      continue;
    }
    if (token.kind === 'open') open.push(token);
    if (token.kind === 'close') open.pop();
    current.push(token);
  }
  paragraphs.push(current);
  return paragraphs;
}

/** Trims whitespace at the paragraph's edges, looking through the tags around the text. */
function trimEdges(tokens: Token[]): void {
  const trim = (index: number, pattern: RegExp): boolean => {
    const token = tokens[index];
    if (token?.kind === 'void') return true;
    if (token?.kind !== 'text') return false;
    token.text = token.text.replace(pattern, '');
    return token.text !== '';
  };
  for (let i = 0; i < tokens.length && !trim(i, LEADING_SPACE); i++);
  for (let i = tokens.length - 1; i >= 0 && !trim(i, TRAILING_SPACE); i--);
}

/** Turns each remaining newline into <br>, unless the writer already put a <br> right there. */
function newlinesToBreaks(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'text' || !token.text.includes('\n')) {
      out.push(token);
      continue;
    }
    token.text.split(NEWLINE).forEach((text, i) => {
      if (i > 0) out.push({ kind: 'void', el: BR, fromNewline: true });
      if (text) out.push({ kind: 'text', text });
    });
  }
  const isWriterBreak = (t: Token | undefined): boolean => t?.kind === 'void' && !t.fromNewline && t.el.name === 'br';
  const neighbour = (i: number, step: number): Token | undefined => {
    let j = i + step;
    while (out[j]?.kind === 'open' || out[j]?.kind === 'close') j += step;
    return out[j];
  };
  return out.filter((t, i) => !(t.kind === 'void' && t.fromNewline && (isWriterBreak(neighbour(i, -1)) || isWriterBreak(neighbour(i, 1)))));
}

/** Builds one <p> from balanced tokens; pieces of a split element that ended up empty are left out. */
function buildParagraph(tokens: readonly Token[]): CleanElement {
  const p: CleanElement = { name: 'p', attrs: [], children: [], inline: false };
  const stack: { el: CleanElement; span: Span | null }[] = [{ el: p, span: null }];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (!top) break;
    if (token.kind === 'text' && token.text) top.el.children.push(token.text);
    else if (token.kind === 'void') top.el.children.push(token.el);
    else if (token.kind === 'open') {
      const el: CleanElement = { ...token.el, children: [] };
      top.el.children.push(el);
      stack.push({ el, span: token.span });
    } else if (token.kind === 'close' && stack.length > 1) {
      stack.pop();
      const parent = stack[stack.length - 1]?.el;
      if (top.span?.split && top.el.children.length === 0) parent?.children.pop();
    }
  }
  return p;
}

function paragraphsFrom(run: readonly CleanNode[], budget: CloneBudget): CleanElement[] {
  const tokens: Token[] = [];
  flatten(run, tokens);
  return splitAtBreaks(tokens, budget)
    .map((paragraph) => {
      trimEdges(paragraph);
      return buildParagraph(newlinesToBreaks(paragraph));
    })
    .filter((p) => p.children.length > 0);
}

/** Lays out a container's children: runs of inline content become paragraphs, blocks stay as they are. */
export function layoutParagraphs(children: readonly CleanNode[], budget: CloneBudget): CleanNode[] {
  const out: CleanNode[] = [];
  let run: CleanNode[] = [];
  const flush = (): void => {
    for (const p of paragraphsFrom(run, budget)) out.push(p);
    run = [];
  };
  for (const child of children) {
    const inline = typeof child === 'string' || (child !== BLOCK_BREAK && child.inline);
    if (inline) run.push(child);
    else {
      flush();
      if (child !== BLOCK_BREAK) out.push(child);
    }
  }
  flush();
  return out;
}
