// Search on SQLite: an FTS5 table with one row per work (porter stemming, accents folded),
// ranked with bm25 weighting title above tags above summary and notes above story text.
import { sql, type SqlBool } from 'kysely';
import type { QueryNode, TextField } from './query-parser.js';
import { MARK_END, MARK_START, positiveLeaves, splitNegatives, type SearchBackend, type Snippet } from './search-backend.js';
import type { WorkDocument } from './search-document.js';
import { locateSnippet } from './snippets.js';

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

function idList(ids: number[]): string {
  return ids.filter(Number.isSafeInteger).join(',');
}

/** The FTS5 search backend. */
export const sqliteSearch: SearchBackend = {
  async indexWork(trx, workId, doc: WorkDocument | null) {
    await sql`delete from search_works where rowid = ${workId}`.execute(trx);
    if (doc === null) return;
    const body = doc.chapters.map((c) => c.text).join('\n\n');
    await sql`insert into search_works (rowid, title, creators, fandoms, relationships, characters, freeforms, other_tags, summary, notes, body)
      values (${workId}, ${doc.title}, ${doc.creators}, ${doc.fandoms}, ${doc.relationships}, ${doc.characters}, ${doc.freeforms}, ${doc.otherTags}, ${doc.summary}, ${doc.notes}, ${body})`.execute(trx);
  },

  matching(node) {
    const { pos, neg } = compile(node);
    return (eb) => {
      const parts = [];
      if (pos !== null && neg !== null) parts.push(eb('works.id', 'in', sql<number>`(select rowid from search_works where search_works match ${`${pos} NOT (${neg})`})`));
      else if (pos !== null) parts.push(eb('works.id', 'in', sql<number>`(select rowid from search_works where search_works match ${pos})`));
      else if (neg !== null) parts.push(eb('works.id', 'not in', sql<number>`(select rowid from search_works where search_works match ${neg})`));
      if (pos === null && neg === null && splitNegatives(node).positive !== null) parts.push(sql<SqlBool>`1 = 0`);
      return eb.and(parts);
    };
  },

  async rank(db, node, ids) {
    const pos = compile(node).pos;
    if (pos === null || ids.length === 0) return ids;
    // The ids go into the SQL as literals: FTS5 ignores a bound rowid list under ORDER BY rank (DESIGN.md).
    const { rows } = await sql<{ id: number }>`select rowid as id from search_works where search_works match ${pos}
      and rowid in (${sql.raw(idList(ids))}) order by bm25(search_works, ${sql.raw(WEIGHTS)})`.execute(db);
    const ranked = rows.map((r) => r.id);
    const seen = new Set(ranked);
    return [...ranked, ...ids.filter((id) => !seen.has(id))];
  },

  async snippets(db, node, ids) {
    const leaves = positiveLeaves(node).filter((l) => (l.kind === 'term' || l.kind === 'phrase') && (l.field === null || l.field === 'text'));
    const body = joinOr(leaves.map((l) => ftsQuery({ ...l, field: 'text' } as QueryNode)));
    const result = new Map<number, Snippet>();
    if (body === null || ids.length === 0) return result;
    const { rows } = await sql<{ id: number; s: string }>`select rowid as id, snippet(search_works, ${sql.raw(String(BODY_COLUMN))}, ${MARK_START}, ${MARK_END}, '…', 32) as s
      from search_works where search_works match ${body} and rowid in (${sql.raw(idList(ids))})`.execute(db);
    for (const row of rows) {
      if (!row.s.includes(MARK_START)) continue;
      result.set(row.id, await locateSnippet(db, row.id, row.s));
    }
    return result;
  },

  async rawTop(db, node, limit) {
    const { pos, neg } = compile(node);
    const match = pos !== null && neg !== null ? `${pos} NOT (${neg})` : pos;
    if (match === null) return [];
    // The same shape as a search: the newest 2,000 matches (cheap in FTS5), then ranked.
    const { rows } = await sql<{ id: number }>`select rowid as id from search_works where search_works match ${match}
      order by rowid desc limit 2000`.execute(db);
    return (await sqliteSearch.rank(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};

function joinOr(parts: Array<string | null>): string | null {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length === 0 ? null : kept.length === 1 ? kept[0] ?? null : `(${kept.join(' OR ')})`;
}
