// The search query language (issue 4): words ANDed, OR, NOT and -word, "phrases", word* prefixes,
// field:word, brackets, and filters such as rating:teen or words>1000. Parsing never fails: what
// cannot be understood becomes a plain-English problem, and `understood` shows what was applied.

import type { SortKey } from '../works/work-filter.js';
import { applyFilter, emptyFilters, finishFilters, readFilter, type FilterSpec, type FilterState } from './query-filters.js';
import { foldTypography, renderQuery, tokenize, type Token } from './query-terms.js';

export type TextField = 'title' | 'creator' | 'summary' | 'notes' | 'text' | 'tag' | 'fandom' | 'character' | 'relationship' | 'freeform';
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; field: TextField | null }
  | { kind: 'phrase'; text: string; field: TextField | null }
  | { kind: 'not'; node: QueryNode }
  | { kind: 'and'; nodes: QueryNode[] }
  | { kind: 'or'; nodes: QueryNode[] };
/** Inclusive bounds. */
export type Range = { min: number | null; max: number | null };
/** ISO-8601 instants, computed from `now`: on or after `after`, on or before `before`. */
export type DateRange = { after: string | null; before: string | null };
export type SearchSort = 'best' | SortKey;
export type ParsedQuery = {
  /** Null when there are no words to match. */
  text: QueryNode | null;
  /** Exact rating names from RATINGS; empty for any rating. */
  ratings: string[];
  language: string | null;
  complete: boolean | null;
  words: Range; chapters: Range; kudos: Range; comments: Range; bookmarks: Range; hits: Range;
  updated: DateRange; posted: DateRange;
  /** Null for the default: best match when there are words, else date updated. */
  sort: SearchSort | null;
  /** One plain-English sentence for each thing not understood. */
  problems: string[];
  /** The query as it was applied, written canonically ("searched for: ..."). */
  understood: string;
};

const MAX_CHARACTERS = 1000;
const MAX_TERMS = 50;

type Leaf = Extract<QueryNode, { kind: 'term' | 'phrase' }>;
// The parse before filters are taken out: filters still sit where they were typed, and `none`
// marks something that was read but stands for nothing (an empty group, a word over the limit).
type Draft =
  | Leaf
  | { kind: 'filter'; spec: FilterSpec }
  | { kind: 'none' }
  | { kind: 'not'; node: Draft }
  | { kind: 'and' | 'or'; nodes: Draft[] };
type Reader = { tokens: Token[]; at: number; problems: string[]; leaves: number };

const NONE: Draft = { kind: 'none' };

/** Parses a search query; never throws, and says in `problems` what it could not understand. */
export function parseQuery(input: string, now: Date = new Date()): ParsedQuery {
  const problems: string[] = [];
  // Cut before counting so that a huge pasted text costs no more than a long query.
  const characters = Array.from(input.slice(0, 8 * MAX_CHARACTERS).normalize('NFC'));
  if (characters.length > MAX_CHARACTERS) problems.push(`The search was too long, so only its first ${MAX_CHARACTERS.toLocaleString('en')} characters were used`);
  const tokens = tokenize(foldTypography(characters.slice(0, MAX_CHARACTERS).join('')), problems);
  const draft = parseAll({ tokens, at: 0, problems, leaves: 0 });
  const filters = emptyFilters();
  const text = draft ? settle(draft, 'top', filters, problems) : null;
  const clock = Number.isFinite(now.getTime()) ? now : new Date();
  const { canonical, ...applied } = finishFilters(filters, clock, problems);
  const understood = [text ? renderQuery(text, canonical.length > 0) : null, ...canonical].filter(Boolean).join(' ');
  if (tokens.length === 0 && problems.length === 0 && input.trim() !== '') {
    problems.push(`Nothing in “${characters.slice(0, 40).join('').trim()}” could be searched for`);
  }
  return { text, ...applied, problems: [...new Set(problems)], understood };
}

function peek(reader: Reader): Token | undefined {
  return reader.tokens[reader.at];
}

function startsOperand(token: Token | undefined): boolean {
  return token !== undefined && token.t !== 'or' && token.t !== 'and' && token.t !== 'close';
}

function parseAll(reader: Reader): Draft | null {
  const parts: Draft[] = [];
  for (;;) {
    const part = parseOr(reader);
    if (part) parts.push(part);
    if (reader.at >= reader.tokens.length) return combine('and', parts);
    reader.at++;
    reader.problems.push('A closing bracket without an opening one was ignored');
  }
}

// OR binds more loosely than AND: a b OR c is (a AND b) OR c.
function parseOr(reader: Reader): Draft | null {
  const sides = [parseAnd(reader)];
  while (peek(reader)?.t === 'or') {
    reader.at++;
    sides.push(parseAnd(reader));
  }
  if (sides.length > 1 && sides.includes(null)) reader.problems.push('“OR” needs something on each side, so it was ignored');
  return combine('or', sides.filter((side) => side !== null));
}

function parseAnd(reader: Reader): Draft | null {
  const nodes: Draft[] = [];
  let waiting = false;
  for (let token = peek(reader); token && token.t !== 'or' && token.t !== 'close'; token = peek(reader)) {
    if (token.t === 'and') {
      reader.at++;
      if (nodes.length === 0 || waiting) reader.problems.push('“AND” needs something on each side, so it was ignored');
      waiting = true;
      continue;
    }
    nodes.push(parseUnary(reader));
    waiting = false;
  }
  if (waiting) reader.problems.push('“AND” needs something on each side, so it was ignored');
  return combine('and', nodes);
}

// Called only when the next token starts an operand (startsOperand).
function parseUnary(reader: Reader): Draft {
  const token = reader.tokens[reader.at++];
  if (token === undefined) return NONE;
  switch (token.t) {
    case 'not':
    case 'field': {
      if (!startsOperand(peek(reader))) {
        reader.problems.push(`“${token.text}” had nothing after it, so it was ignored`);
        return NONE;
      }
      const operand = parseUnary(reader);
      return token.t === 'not' ? negate(operand) : withField(operand, token.field);
    }
    case 'filter': return readFilterToken(reader, token);
    case 'word': return wordLeaf(reader, token.text);
    case 'phrase': return countLeaf(reader, { kind: 'phrase', text: token.text, field: null });
    case 'open': return parseGroup(reader);
    default: return NONE;
  }
}

function parseGroup(reader: Reader): Draft {
  const inner = parseOr(reader);
  const closed = peek(reader)?.t === 'close';
  if (closed) reader.at++;
  if (inner === null) {
    reader.problems.push(closed ? 'Empty brackets “()” were ignored' : 'An opening bracket with nothing after it was ignored');
    return NONE;
  }
  if (!closed) reader.problems.push('A closing bracket was missing, so the brackets were closed at the end');
  return inner;
}

function wordLeaf(reader: Reader, typed: string): Draft {
  let text = typed.replace(/\*+$/u, '');
  let prefix = text !== typed;
  if (prefix && (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) {
    reader.problems.push(`“${typed}” is too short to search by its beginning, so “${text}” was searched for`);
    prefix = false;
  }
  // An operator name reached as a word (title:OR, foo:AND) is searched as a lower-case word.
  if (text === 'OR' || text === 'AND' || text === 'NOT') text = text.toLowerCase();
  return countLeaf(reader, { kind: 'term', text, prefix, field: null });
}

function countLeaf(reader: Reader, leaf: Leaf): Draft {
  if (reader.leaves >= MAX_TERMS) {
    reader.problems.push(`Only the first ${MAX_TERMS} words and phrases were searched`);
    return NONE;
  }
  reader.leaves++;
  return leaf;
}

function readFilterToken(reader: Reader, token: Extract<Token, { t: 'filter' }>): Draft {
  let { value, text: raw } = token;
  const next = peek(reader);
  if (value === '') {
    if (next?.t === 'open') return skipGroup(reader, token);
    if (next?.t !== 'word' && next?.t !== 'phrase') {
      reader.problems.push(`“${raw}” had nothing after it, so it was ignored`);
      return NONE;
    }
    reader.at++;
    value = next.text;
    raw += next.t === 'phrase' ? `"${next.text}"` : next.text;
  }
  // updated<7 days: the unit may come as the next word.
  const unit = peek(reader);
  if ((token.name === 'updated' || token.name === 'posted') && /^[\d,]+$/u.test(value) && unit?.t === 'word' && /^(hour|day|week|month|year)s?$/iu.test(unit.text)) {
    reader.at++;
    value += ` ${unit.text}`;
    raw += ` ${unit.text}`;
  }
  const spec = readFilter(token.name, token.op, value, raw);
  if (typeof spec !== 'string') return { kind: 'filter', spec };
  reader.problems.push(spec);
  return NONE;
}

// rating:(teen OR mature) is not part of the language: skip the whole group rather than search its words.
function skipGroup(reader: Reader, token: Extract<Token, { t: 'filter' }>): Draft {
  let depth = 0;
  do {
    const token = reader.tokens[reader.at++];
    if (token?.t === 'open') depth++;
    else if (token?.t === 'close') depth--;
  } while (depth > 0 && reader.at < reader.tokens.length);
  const hint = token.name === 'rating' ? '; several rating: terms find works with any of them' : '';
  reader.problems.push(`“${token.text}(…)” was ignored: ${token.text} takes one value, not a group in brackets${hint}`);
  return NONE;
}

function negate(node: QueryNode): QueryNode;
function negate(node: Draft): Draft;
function negate(node: Draft): Draft {
  if (node.kind === 'none') return node;
  return node.kind === 'not' ? node.node : { kind: 'not', node };
}

function combine(kind: 'and' | 'or', nodes: QueryNode[]): QueryNode | null;
function combine(kind: 'and' | 'or', nodes: Draft[]): Draft | null;
function combine(kind: 'and' | 'or', nodes: Draft[]): Draft | null {
  const flat = nodes.flatMap((node) => (node.kind === kind ? node.nodes : [node]));
  if (flat.length <= 1) return flat[0] ?? null;
  return { kind, nodes: flat };
}

// title:(lamp OR lantern) puts the field on each word inside that has none of its own.
function withField(node: Draft, field: TextField): Draft {
  switch (node.kind) {
    case 'term': case 'phrase': return { ...node, field: node.field ?? field };
    case 'not': return { kind: 'not', node: withField(node.node, field) };
    case 'and': case 'or': return { kind: node.kind, nodes: node.nodes.map((child) => withField(child, field)) };
    default: return node;
  }
}

// Filters apply to the whole search. One standing among the ANDed parts (or directly negated)
// is simply applied; one inside an OR is applied to everything, and the reader told so (in
// "lamp OR storm rating:teen" the rating is almost always meant for both); one inside a negated
// group cannot be turned round, so it is ignored and reported.
function settle(node: Draft, place: 'top' | 'or' | 'not', filters: FilterState, problems: string[]): QueryNode | null {
  switch (node.kind) {
    case 'term': case 'phrase': return node;
    case 'none': return null;
    case 'filter':
    case 'not': {
      const negated = node.kind === 'not';
      const inner = node.kind === 'not' ? node.node : node;
      if (inner.kind === 'filter') {
        if (place !== 'not') applyFilter(filters, inner.spec, negated, problems);
        if (place !== 'top') problems.push(misplaced(`${negated ? '-' : ''}${inner.spec.raw}`, place));
        return null;
      }
      const settled = settle(inner, 'not', filters, problems);
      return settled ? negate(settled) : null;
    }
    case 'and': case 'or': {
      const inner = node.kind === 'or' && place === 'top' ? 'or' : place;
      const nodes = node.nodes.map((child) => settle(child, inner, filters, problems)).filter((child) => child !== null);
      return combine(node.kind, nodes);
    }
  }
}

function misplaced(raw: string, place: 'or' | 'not'): string {
  return place === 'or'
    ? `“${raw}” was applied to the whole search, since a filter cannot be one side of an OR`
    : `“${raw}” was ignored: filters apply to the whole search, so they cannot be excluded inside brackets`;
}
