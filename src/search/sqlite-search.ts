// Search on SQLite: an FTS5 table with one row per work (porter stemming, accents folded),
// ranked with bm25 weighting title above tags above summary and notes above story text.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { QueryNode, TextField } from './query-parser.js';
import { MARK_END, MARK_START, RANK_LIMIT, splitNegatives, type SearchBackend, type Snippet } from './search-backend.js';
import type { Db } from '../db/database.js';
import type { ListingFilter } from '../works/work.repository.js';
import type { WorkDocument } from './search-document.js';
import { locateSnippets, textLeaves, typedPassages } from './snippets.js';

const COLUMNS: Record<TextField, string> = {
  title: 'title', creator: 'creators', summary: 'summary', notes: 'notes', text: 'body',
  tag: 'fandoms relationships characters freeforms other_tags', fandom: 'fandoms', character: 'characters',
  relationship: 'relationships', freeform: 'freeforms',
};
// title, creators, fandoms, relationships, characters, freeforms, other_tags, summary, notes, body
const WEIGHTS = '10.0, 4.0, 5.0, 5.0, 5.0, 5.0, 3.0, 2.0, 2.0, 1.0';
const BODY_COLUMN = 9;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The query in FTS5's syntax; null when it cannot match anything written in words. */
export function ftsQuery(node: QueryNode): string | null {
  switch (node.kind) {
    case 'term': case 'phrase': {
      if (!/[\p{L}\p{N}]/u.test(node.text)) return null;
      const body = node.kind === 'term' && node.prefix ? `${quoted(node.text)} *` : quoted(node.text);
      return node.field === null ? body : `{${COLUMNS[node.field]}} : (${body})`;
    }
    case 'not': return null;
    case 'or': {
      const parts = node.nodes.map(ftsQuery).filter((p): p is string => p !== null);
      return parts.length === 0 ? null : `(${parts.join(' OR ')})`;
    }
    case 'and': {
      const { positive, negative } = splitNegatives(node);
      const pos = positive === null ? null : positive.kind === 'and'
        ? joinAnd(positive.nodes.map(ftsQuery)) : ftsQuery(positive);
      const neg = negative.map(ftsQuery).filter((p): p is string => p !== null);
      if (pos === null) return null;
      return neg.length === 0 ? pos : `(${pos} NOT (${neg.join(' OR ')}))`;
    }
  }
}

function joinAnd(parts: Array<string | null>): string | null {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length === 0 ? null : `(${kept.join(' AND ')})`;
}

/** What to match and what to exclude, at the top level, in FTS5 syntax. */
function compile(node: QueryNode): { pos: string | null; neg: string | null } {
  const { positive, negative } = splitNegatives(node);
  const neg = negative.map(ftsQuery).filter((p): p is string => p !== null);
  return { pos: positive === null ? null : ftsQuery(positive), neg: neg.length === 0 ? null : neg.join(' OR ') };
}

/**
 * The query bm25 scores with: phrases become their words (ANDed), because scoring a phrase first
 * counts it in every work of the archive (300 ms for "of the"); which works match is still
 * decided by the phrase itself.
 */
function rankingQuery(node: QueryNode): string | null {
  return compile(wordsOfPhrases(node)).pos;
}

function wordsOfPhrases(node: QueryNode): QueryNode {
  switch (node.kind) {
    // A prefix would be expanded over the whole vocabulary once more just to score: it matches, but does not rank.
    case 'term': return node.prefix ? { kind: 'and', nodes: [] } : node;
    case 'phrase': {
      const words = node.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      return words.length <= 1 ? node : { kind: 'and', nodes: words.map((text) => ({ kind: 'term', text, field: node.field, prefix: false })) };
    }
    case 'not': return { kind: 'not', node: wordsOfPhrases(node.node) };
    case 'and': case 'or': return { kind: node.kind, nodes: node.nodes.map(wordsOfPhrases) };
  }
}

/**
 * Rows among `ids` (not empty), for a statement that must read the match only once: FTS5 takes the
 * range, and the list (with `+`, so FTS5 is not handed it id by id) only filters.
 */
function inRange(ids: number[]): RawBuilder<SqlBool> {
  const list = sql.join(ids.map(literal));
  return sql<SqlBool>`rowid between ${literal(Math.min(...ids))} and ${literal(Math.max(...ids))} and +rowid in (${list})`;
}

/**
 * A work id written into the SQL: FTS5 ignores a rowid constraint given as a bound parameter
 * (DESIGN.md), and then reads every match.
 */
function literal(id: number): RawBuilder<number> {
  if (!Number.isSafeInteger(id)) throw new TypeError(`not a work id: ${id}`);
  return sql.raw<number>(String(id));
}

async function indexOne(trx: Db, workId: number, doc: WorkDocument | null): Promise<void> {
  await sql`delete from search_works where rowid = ${workId}`.execute(trx);
  if (doc === null) return;
  const body = doc.chapters.map((c) => c.text).join('\n\n');
  await sql`insert into search_works (rowid, title, creators, fandoms, relationships, characters, freeforms, other_tags, summary, notes, body)
    values (${workId}, ${doc.title}, ${doc.creators}, ${doc.fandoms}, ${doc.relationships}, ${doc.characters}, ${doc.freeforms}, ${doc.otherTags}, ${doc.summary}, ${doc.notes}, ${body})`.execute(trx);
}

function ftsMatching(node: QueryNode): Pick<ListingFilter, 'where' | 'source'> {
  const { pos, neg } = compile(node);
  // Matches are read first, newest first (a join, not `id IN (...)`, which costs 20 times more).
  if (pos !== null) return { source: sql<{ id: number }>`(select rowid as id from search_works where search_works match ${neg === null ? pos : `${pos} NOT (${neg})`} order by rowid desc)` };
  if (neg !== null) return { where: (eb) => eb('works.id', 'not in', sql<number>`(select rowid from search_works where search_works match ${neg})`) };
  return splitNegatives(node).positive === null ? {} : { where: () => sql<SqlBool>`1 = 0` };
}

/** The FTS5 search backend. */
export const sqliteSearch: SearchBackend = {
  async indexWorks(trx, docs) {
    for (const [workId, doc] of docs) await indexOne(trx, workId, doc);
  },

  matching(_db, node) {
    return Promise.resolve(ftsMatching(node));
  },

  matchingEach(node) {
    const { pos, neg } = compile(node);
    if (pos === null) {
      // Without words to match there is no source to start from: matching's condition is already per work.
      const { where } = ftsMatching(node);
      return where === undefined ? {} : { where };
    }
    const match = neg === null ? pos : `${pos} NOT (${neg})`;
    // FTS5 looks the one rowid up (a correlated rowid is a constraint it uses, unlike a list).
    return { where: () => sql<SqlBool>`exists (select 1 from search_works where search_works match ${match} and search_works.rowid = works.id)` };
  },

  async rank(db, node, ids) {
    const query = rankingQuery(node);
    if (query === null || ids.length === 0) return ids;
    // bm25() recounts each phrase over the whole index for every separate lookup of a rowid, so
    // the ids are not looked up one by one: one pass over their range, keeping only them.
    const { rows } = await sql<{ id: number; score: number }>`select rowid as id, bm25(search_works, ${sql.raw(WEIGHTS)}) as score from search_works
      where search_works match ${query} and ${inRange(ids)}`.execute(db);
    const scored = rows.sort((a, b) => a.score - b.score || b.id - a.id).map((r) => r.id);
    const seen = new Set(scored);
    return [...scored, ...ids.filter((id) => !seen.has(id))];
  },

  async snippets(db, node, ids) {
    const leaves = textLeaves(node);
    const body = joinOr(leaves.map((l) => ftsQuery({ ...l, field: 'text' })));
    if (body === null || ids.length === 0) return new Map<number, Snippet>();
    const { found, rest, chapters } = await typedPassages(db, leaves, ids);
    if (rest.length === 0) return found;
    const passages = await ftsPassages(db, body, rest, leaves.some((l) => l.kind === 'term' && l.prefix));
    for (const [id, snippet] of locateSnippets(chapters, passages)) found.set(id, snippet);
    return found;
  },

  async beginRebuild(db) {
    await sql`delete from search_works`.execute(db);
  },

  warning: () => Promise.resolve(null),

  async optimize(db) {
    // A rebuild leaves many segments; a query reads every one of them until they are merged.
    await sql`insert into search_works (search_works) values ('optimize')`.execute(db);
  },

  async rawTop(db, node, limit) {
    const { pos, neg } = compile(node);
    const match = pos !== null && neg !== null ? `${pos} NOT (${neg})` : pos;
    if (match === null) return [];
    // The same shape as a search: the newest matches (cheap in FTS5), then ranked.
    const { rows } = await sql<{ id: number }>`select rowid as id from search_works where search_works match ${match}
      order by rowid desc limit ${RANK_LIMIT}`.execute(db);
    return (await sqliteSearch.rank(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};

/** FTS5's own passages (snippet()) for works whose words were not found as typed: stems, for instance. */
async function ftsPassages(db: Db, body: string, ids: number[], prefix: boolean): Promise<Map<number, string>> {
  const snippet = sql`snippet(search_works, ${sql.raw(String(BODY_COLUMN))}, ${MARK_START}, ${MARK_END}, '…', 32)`;
  const passages = new Map<number, string>();
  if (prefix) {
    // FTS5 expands a prefix afresh in every statement: one pass over the ids' range instead.
    const { rows } = await sql<{ id: number; s: string }>`select rowid as id, ${snippet} as s from search_works
      where search_works match ${body} and ${inRange(ids)}`.execute(db);
    for (const row of rows) passages.set(row.id, row.s);
  } else {
    // Otherwise one statement per work, each going straight to its rowid (a phrase of common words would cost a whole pass).
    for (const id of ids) {
      const { rows } = await sql<{ s: string }>`select ${snippet} as s from search_works where search_works match ${body} and rowid = ${literal(id)}`.execute(db);
      if (rows[0] !== undefined) passages.set(id, rows[0].s);
    }
  }
  return new Map([...passages].filter(([, passage]) => passage.includes(MARK_START)));
}

function joinOr(parts: Array<string | null>): string | null {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length === 0 ? null : kept.length === 1 ? kept[0] ?? null : `(${kept.join(' OR ')})`;
}
