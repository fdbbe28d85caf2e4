// How a search query is written. Reading: typography folded (curly quotes, apostrophes, dashes),
// then tokens for words, phrases, brackets, operators and field prefixes; what they mean is
// decided by the parser. Writing: a parsed tree back as text in one canonical form.

import type { QueryNode, TextField } from './query-parser.js';

export type FilterName =
  | 'rating' | 'language' | 'complete' | 'words' | 'chapters' | 'updated' | 'posted' | 'sort'
  | 'kudos' | 'hits' | 'comments' | 'bookmarks';
export type Operator = ':' | '>' | '>=' | '<' | '<=';

export type Token =
  | { t: 'open' } | { t: 'close' } | { t: 'or' } | { t: 'and' }
  | { t: 'not'; text: string }
  | { t: 'word'; text: string }
  | { t: 'phrase'; text: string }
  | { t: 'field'; field: TextField; text: string }
  | { t: 'filter'; name: FilterName; op: Operator; value: string; text: string };

const TEXT_FIELDS: ReadonlyMap<string, TextField> = new Map<string, TextField>([
  ['title', 'title'], ['creator', 'creator'], ['author', 'creator'], ['summary', 'summary'], ['notes', 'notes'],
  ['text', 'text'], ['tag', 'tag'], ['fandom', 'fandom'], ['character', 'character'], ['relationship', 'relationship'],
  ['freeform', 'freeform'], ['additional', 'freeform'],
]);

const FILTER_NAMES: ReadonlySet<string> = new Set<FilterName>([
  'rating', 'language', 'complete', 'words', 'chapters', 'updated', 'posted', 'sort', 'kudos', 'hits', 'comments', 'bookmarks',
]);

const SEPARATORS = '\\s\\u2012-\\u2015\\u0000-\\u001f\\u007f';
const PIECE = new RegExp(`(\\()|(\\))|"([^"]*)("?)|([^${SEPARATORS}()"]+)`, 'gu');
const SEPARATOR_RUN = new RegExp(`[${SEPARATORS}]+`, 'gu');
const FIELD = /^([A-Za-z_]+)(>=|<=|:|>|<)(.*)$/su;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Folds the typography readers type into the plain characters the query language is written in. */
export function foldTypography(input: string): string {
  return input.normalize('NFC')
    .replace(/[“”„‟«»]/gu, '"')
    .replace(/[‘’ʼ]/gu, "'")
    .replace(/−/gu, '-');
}

/** Splits folded query text into tokens, adding a problem for each piece that cannot be read. */
export function tokenize(query: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  for (const match of query.matchAll(PIECE)) {
    const [whole, open, close, phrase, closed, chunk] = match;
    if (open !== undefined) tokens.push({ t: 'open' });
    else if (close !== undefined) tokens.push({ t: 'close' });
    else if (phrase !== undefined) readPhrase(phrase, closed === '"', tokens, problems);
    else if (chunk !== undefined) {
      const next = query.charAt(match.index + whole.length);
      readChunk(chunk, next === '"' || next === '(', true, tokens, problems);
    }
  }
  return tokens;
}

function readPhrase(body: string, closed: boolean, tokens: Token[], problems: string[]): void {
  const text = body.replace(SEPARATOR_RUN, ' ').trim();
  if (!HAS_WORD.test(text)) {
    problems.push(closed ? 'Quotes with nothing to search for inside were ignored' : 'A quote mark with nothing after it was ignored');
    return;
  }
  if (!closed) problems.push(`The closing quote was missing, so “${text}” was searched as a phrase`);
  tokens.push({ t: 'phrase', text });
}

// A chunk is a run of characters between spaces, brackets and quotes: an operator, a negated
// word (-word), a field and its value (title:lamp, words>1000), or a word.
function readChunk(chunk: string, gluedToNext: boolean, whole: boolean, tokens: Token[], problems: string[]): void {
  if (whole && (chunk === 'OR' || chunk === 'AND' || chunk === 'NOT')) {
    tokens.push(chunk === 'NOT' ? { t: 'not', text: 'NOT' } : { t: chunk === 'OR' ? 'or' : 'and' });
    return;
  }
  if (!HAS_WORD.test(chunk)) {
    if (/^-+$/u.test(chunk) && gluedToNext) for (let i = 0; i < chunk.length; i++) tokens.push({ t: 'not', text: '-' });
    else if (/^\|+$/u.test(chunk)) problems.push(`“${chunk}” is not understood; write OR between two words to find either`);
    return;
  }
  const hyphens = /^-*/u.exec(chunk)?.[0].length ?? 0;
  if (hyphens > 0) {
    for (let i = 0; i < hyphens; i++) tokens.push({ t: 'not', text: '-' });
    readChunk(chunk.slice(hyphens), gluedToNext, false, tokens, problems);
    return;
  }
  const field = FIELD.exec(chunk);
  if (field) readField(chunk, field[1] ?? '', (field[2] ?? ':') as Operator, field[3] ?? '', gluedToNext, tokens, problems);
  else tokens.push({ t: 'word', text: chunk });
}

function readField(chunk: string, name: string, op: Operator, rest: string, gluedToNext: boolean, tokens: Token[], problems: string[]): void {
  const key = name.toLowerCase();
  const textField = TEXT_FIELDS.get(key);
  if (textField !== undefined) {
    if (op !== ':') {
      problems.push(`“${chunk}” was ignored: write ${key}: followed by the words to find`);
      return;
    }
    tokens.push({ t: 'field', field: textField, text: `${name}:` });
    if (rest !== '') readChunk(rest, gluedToNext, false, tokens, problems);
  } else if (FILTER_NAMES.has(key)) {
    tokens.push({ t: 'filter', name: key as FilterName, op, value: rest, text: chunk });
  } else if (op === ':' && !rest.startsWith('/')) {
    problems.push(`There is no field “${name}”; searched for the words instead`);
    readChunk(name, false, false, tokens, problems);
    if (rest !== '') readChunk(rest, gluedToNext, false, tokens, problems);
  } else {
    // A comparison on a name we do not know (a>b) or an address (https://...) is just a word.
    tokens.push({ t: 'word', text: chunk });
  }
}

/** Writes a query tree back as query text that parses to exactly the same tree. */
// moreFollows: filters will be written after it, so a top-level OR needs its brackets.
export function renderQuery(node: QueryNode, moreFollows: boolean): string {
  return node.kind === 'or' && (moreFollows || sharedField(node) !== null) ? group(node, null) : render(node, null);
}

function render(node: QueryNode, inherited: TextField | null): string {
  switch (node.kind) {
    case 'term': return `${prefixOf(node.field, inherited)}${node.text}${node.prefix ? '*' : ''}`;
    case 'phrase': return `${prefixOf(node.field, inherited)}"${node.text}"`;
    case 'not': return `-${node.node.kind === 'and' || node.node.kind === 'or' ? group(node.node, inherited) : render(node.node, inherited)}`;
    case 'and': return node.nodes.map((child) => (child.kind === 'or' ? group(child, inherited) : render(child, inherited))).join(' ');
    case 'or': return node.nodes.map((child) => (child.kind === 'and' ? group(child, inherited) : render(child, inherited))).join(' OR ');
  }
}

function group(node: QueryNode, inherited: TextField | null): string {
  const field = sharedField(node);
  return field !== null && field !== inherited ? `${field}:(${render(node, field)})` : `(${render(node, inherited)})`;
}

function prefixOf(field: TextField | null, inherited: TextField | null): string {
  return field === null || field === inherited ? '' : `${field}:`;
}

// The field every word in a group shares, so that title:(a OR b) is written that way again.
function sharedField(node: QueryNode): TextField | null {
  const fields = new Set<TextField | null>();
  const visit = (part: QueryNode): void => {
    if (part.kind === 'term' || part.kind === 'phrase') fields.add(part.field);
    else if (part.kind === 'not') visit(part.node);
    else part.nodes.forEach(visit);
  };
  visit(node);
  const [only] = fields;
  return fields.size === 1 && only !== undefined ? only : null;
}
