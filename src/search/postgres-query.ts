// How a search is answered on PostgreSQL: each leaf of the query planned once (words by work, or
// sets of works from the chunks' positions), the whole query made one condition on works, and
// the best-match ranking (docs/decisions/047, 049).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { QueryNode, TextField } from './query-parser.js';
import { positiveLeaves } from './search-backend.js';

const META_FIELDS: Partial<Record<TextField, string[]>> = {
  title: ['title'], creator: ['creators'], summary: ['summary'], notes: ['notes'], fandom: ['fandoms'],
  character: ['characters'], relationship: ['relationships'], freeform: ['freeforms'],
  tag: ['fandoms', 'relationships', 'characters', 'freeforms', 'other_tags'],
};

type Leaf = QueryNode & { kind: 'term' | 'phrase' };

/** A leaf as a tsquery expression (phrases keep word order; `word*` is a prefix). */
function tsquery(node: Leaf): RawBuilder<unknown> {
  if (node.kind === 'term' && node.prefix) {
    const stem = node.text.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
    return stem === '' ? sql`''::tsquery` : sql`to_tsquery('bindery', ${`${stem}:*`})`;
  }
  return sql`phraseto_tsquery('bindery', ${node.text})`;
}

/**
 * How a leaf is found, planned once before the search (a millisecond or two). Either `words`: a
 * tsquery the words-by-work index answers exactly (words, prefixes, pairs of common words, in the
 * story text or the metadata), so a whole query of such leaves is one lookup; or a set of works
 * found in the chunks (`works`, with `chunks` for the same rows and `estimate`, a query whose
 * planned row count says how many chunks it reads).
 */
type Found = { words: string } | { works: RawBuilder<unknown>; chunks: RawBuilder<unknown>; estimate: RawBuilder<unknown> };
type Plans = ReadonlyMap<Leaf, Found>;

/** A lexeme as a tsquery operand. */
function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Found in the chunks' positions index (RUM, or GIN without it): exact. */
function inPositions(q: RawBuilder<unknown>): Found {
  return { works: sql`select m from search_text_matches(${q}) as m`, chunks: sql`select k from search_text_chunks(${q}) as k`, estimate: sql`select 1 from search_chunks where tsv @@ ${q}` };
}

/**
 * Candidates, then the whole phrase tested on each of their chunks alone: `offset 0` keeps the
 * test above the lookup, and ts_match_vq (what @@ calls) keeps the planner from answering it
 * through an index, which would decode the common words' positions all over again.
 */
function checked(candidates: { chunks: RawBuilder<unknown> } | { works: string }, phrase: string): Found {
  const from = 'chunks' in candidates ? sql`c.id in (${candidates.chunks})` : sql`c.work_id in (select m from search_word_works(${candidates.works}::tsquery) as m)`;
  const rows = (column: string) => sql`select ${sql.ref(`k.${column}`)} from (select c.id, c.work_id, c.tsv from search_chunks c where ${from} offset 0) k
    where ts_match_vq(k.tsv, phraseto_tsquery('bindery', ${phrase}))`;
  const estimate = 'chunks' in candidates ? sql`select 1 from search_chunks c where ${from}` : sql`select 1 from search_work_words where words @@ ${candidates.works}::tsquery`;
  return { works: rows('work_id'), chunks: rows('id'), estimate };
}

/**
 * A phrase's (or a word's) plan. One word, or two common words (one pair), are words; a longer
 * phrase starts from its rarer words (in order, at their distances, in the positions index) or,
 * with one rarer word or none, from its words and pairs by work, and the whole phrase is tested
 * on the chunks they leave. Common words stay out of the positions index: decoding the positions
 * of "the" costs a second.
 */
async function phrasePlan(db: Db, phrase: string): Promise<Found> {
  const { rows } = await sql<{ lexeme: string; positions: number[]; common: boolean }>`select u.lexeme, u.positions, u.lexeme = any(search_common_lexemes()) as common
    from unnest(to_tsvector('bindery', ${phrase})) u`.execute(db);
  const tokens = rows.flatMap((r) => r.positions.map((p) => ({ p, lexeme: r.lexeme, common: r.common }))).sort((a, b) => a.p - b.p);
  const whole = sql`phraseto_tsquery('bindery', ${phrase})`;
  const inARow = tokens.every((t, i) => i === 0 || t.p === (tokens[i - 1]?.p ?? 0) + 1);
  const [first] = tokens;
  if (!inARow || first === undefined) return inPositions(whole);
  if (tokens.length === 1) return { words: quoted(first.lexeme) };
  const rare = tokens.filter((t) => !t.common);
  const pairs = tokens.slice(1).flatMap((t, i) => {
    const before = tokens[i];
    return before !== undefined && before.common && t.common ? [quoted(`_${before.lexeme} ${t.lexeme}`)] : [];
  });
  if (rare.length === 0 && tokens.length === 2) return { words: pairs.join(' & ') };
  if (rare.length === tokens.length) return inPositions(whole);
  // Without a pair, one rarer word may be anywhere ("it's": the "s" of every contraction): the positions index then.
  if (rare.length <= 1) return pairs.length === 0 ? inPositions(whole) : checked({ works: [...rare.map((t) => quoted(t.lexeme)), ...pairs].join(' & ') }, phrase);
  const spaced = rare.map((t, i) => (i === 0 ? quoted(t.lexeme) : `<${t.p - (rare[i - 1]?.p ?? 0)}> ${quoted(t.lexeme)}`)).join(' ');
  return checked({ chunks: sql`select k from search_text_chunks(${spaced}::tsquery) as k` }, phrase);
}

/** A prefix's plan: its stem's prefix, words by work (a prefix never reaches a pair: pairs start with "_"). */
async function prefixPlan(db: Db, leaf: Leaf): Promise<Found> {
  const { rows } = await sql<{ q: string }>`select (${tsquery(leaf)})::text as q`.execute(db);
  return { words: rows[0]?.q ?? '' };
}

/**
 * The plans of a query's story-text leaves. `text:` looks in the story text alone, and the words
 * by work hold the metadata too: such a leaf is always found in the chunks.
 */
export async function plansOf(db: Db, node: QueryNode): Promise<Plans> {
  // A search plans its query for matching and again for ranking: the same parsed query, planned once.
  const known = planned.get(node);
  if (known !== undefined) return known;
  const leaves = [...new Set(leavesOf(node))].filter(inText);
  const plans = Promise.all(leaves.map(async (leaf) => {
    if (leaf.field === 'text') return [leaf, inPositions(tsquery(leaf))] as const;
    return [leaf, leaf.kind === 'term' && leaf.prefix ? await prefixPlan(db, leaf) : await phrasePlan(db, leaf.text)] as const;
  })).then((entries) => new Map(entries));
  planned.set(node, plans);
  plans.catch(() => planned.delete(node));
  return plans;
}

/** Plans by parsed query (a plan depends on the query's text alone); gone with the query. */
const planned = new WeakMap<QueryNode, Promise<Plans>>();

function leavesOf(node: QueryNode): Leaf[] {
  switch (node.kind) {
    case 'term': case 'phrase': return [node];
    case 'not': return leavesOf(node.node);
    case 'and': case 'or': return node.nodes.flatMap(leavesOf);
  }
}

/** Whether a leaf looks in the story text (no field, or text:). */
function inText(node: QueryNode): node is Leaf {
  return (node.kind === 'term' || node.kind === 'phrase') && (node.field === null || node.field === 'text');
}

/** A part of the query as one tsquery for the words by work, when every leaf in it is words; else null. */
function asWords(node: QueryNode, plans: Plans): string | null {
  if (node.kind === 'term' || node.kind === 'phrase') {
    const found = plans.get(node);
    return found !== undefined && 'words' in found && found.words !== '' ? `(${found.words})` : null;
  }
  if (node.kind === 'not') {
    const inner = asWords(node.node, plans);
    return inner === null ? null : `!${inner}`;
  }
  const parts = node.nodes.map((n) => asWords(n, plans));
  if (parts.some((p) => p === null)) return null;
  return `(${parts.join(node.kind === 'and' ? ' & ' : ' | ')})`;
}

/**
 * Past this many works, a set is better hashed and the works walked newest first than joined:
 * joining looks up each of its works (0.01 ms each), the walk reads about 100,000 / n works for
 * each of the 2,001 it keeps.
 */
const MANY_WORKS = 2000;

/**
 * Works in a set. A large set (a common word's 90,000 works) is hashed and the works walked newest
 * first until a page's worth of matches (`is true` keeps the planner from joining it instead,
 * which would look up every one of them); a small one is the start, each of its works looked up.
 */
function inSet(works: RawBuilder<unknown>, estimate: number): RawBuilder<SqlBool> {
  return estimate > MANY_WORKS ? sql<SqlBool>`(works.id in (${works})) is true` : sql<SqlBool>`works.id in (${works})`;
}

async function leafCondition(db: Db, node: Leaf, plans: Plans): Promise<RawBuilder<SqlBool>> {
  const q = tsquery(node);
  const found = plans.get(node);
  if (found !== undefined && !('words' in found)) {
    const estimate = await estimatedRows(db, found.estimate, plans);
    if (node.field === 'text') return inSet(found.works, estimate);
    return inSet(sql`select work_id from search_works where meta @@ ${q} union all ${found.works}`, estimate);
  }
  const columns = node.field === null ? null : META_FIELDS[node.field];
  if (columns === undefined || columns === null) return sql<SqlBool>`false`;
  const any = sql.join(columns.map((c) => sql`${sql.ref(c)} @@ ${q}`), sql` or `);
  return sql<SqlBool>`works.id in (select work_id from search_works where ${any})`;
}

/**
 * The whole query as one condition on works: every part is "this work has ...", so words may sit
 * in different chunks and fields. The largest parts made only of words are one lookup each.
 */
export async function condition(db: Db, node: QueryNode, plans: Plans): Promise<RawBuilder<SqlBool>> {
  const words = asWords(node, plans);
  if (words !== null) {
    return inSet(sql`select m from search_word_works(${words}::tsquery) as m`, await estimatedRows(db, sql`select 1 from search_work_words where words @@ ${words}::tsquery`, plans));
  }
  const parts = async (nodes: QueryNode[]) => Promise.all(nodes.map((n) => condition(db, n, plans)));
  switch (node.kind) {
    case 'term': case 'phrase': return leafCondition(db, node, plans);
    case 'not': return sql<SqlBool>`not (${await condition(db, node.node, plans)})`;
    case 'and': return sql<SqlBool>`(${sql.join(await parts(node.nodes), sql` and `)})`;
    case 'or': return sql<SqlBool>`(${sql.join(await parts(node.nodes), sql` or `)})`;
  }
}

/** The planner's estimate of the rows a query reads (from the column's statistics; a millisecond). */
async function estimatedRows(db: Db, query: RawBuilder<unknown>, plans: Plans): Promise<number> {
  // A search asks for the same estimate to choose its condition and again to rank: asked once.
  const compiled = query.compile(db);
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  const known = estimates.get(plans) ?? new Map<string, Promise<number>>();
  estimates.set(plans, known);
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const estimate = sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) ${query}`.execute(db)
    .then(({ rows }) => rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY);
  known.set(key, estimate);
  estimate.catch(() => known.delete(key));
  return estimate;
}

/** Estimates by the plans of one parsed query; gone with them. */
const estimates = new WeakMap<Plans, Map<string, Promise<number>>>();

/** The words looked for, OR-ed into one tsquery, to score and highlight with. */
export function anyOf(node: QueryNode, textOnly = false): RawBuilder<unknown> | null {
  const leaves = positiveLeaves(node).filter((l): l is Leaf => (l.kind === 'term' || l.kind === 'phrase') && (!textOnly || inText(l)));
  if (leaves.length === 0) return null;
  return sql`(${sql.join(leaves.map(tsquery), sql` || `)})`;
}

/**
 * A word or phrase found in more works (or chunks) than this adds nothing to a work's rank from
 * its story text. Like bm25's inverse document frequency, a word most works hold tells them apart
 * by little; and scoring it means reading every matching chunk's stored vector, a second or more
 * for a common word. Title, tags and summary still rank (small vectors, read by work id).
 */
const RANKED_UP_TO = 200;

/** A leaf's matching chunks, when it is rare enough to score them (null otherwise). */
async function rareChunks(db: Db, leaf: Leaf, found: Found, plans: Plans): Promise<RawBuilder<unknown> | null> {
  if ('words' in found) {
    // Written as the condition writes a leaf, so a one-word query asks for one estimate, not two.
    if (await estimatedRows(db, sql`select 1 from search_work_words where words @@ ${`(${found.words})`}::tsquery`, plans) > RANKED_UP_TO) return null;
    return sql`select k from search_text_chunks(${tsquery(leaf)}) as k`;
  }
  return (await estimatedRows(db, found.estimate, plans)) > RANKED_UP_TO ? null : found.chunks;
}

/**
 * Best match first: where the words are (title over creators and tags over summary and notes,
 * then the story text for the rarer words), newest first among equals.
 */
export async function rankIds(db: Db, node: QueryNode, ids: number[]): Promise<number[]> {
  const meta = anyOf(node);
  if (meta === null || ids.length === 0) return ids;
  const plans = await plansOf(db, node);
  // Up to 2,000 ids, sent as one array literal: the driver would build it number by number, three times.
  const list = sql`${sql.val(`{${ids.join(',')}}`)}::int[]`;
  const rare: Array<{ leaf: Leaf; chunks: RawBuilder<unknown> }> = [];
  for (const leaf of positiveLeaves(node).filter(inText)) {
    const found = plans.get(leaf);
    const chunks = found === undefined ? null : await rareChunks(db, leaf, found, plans);
    if (chunks !== null) rare.push({ leaf, chunks });
  }
  // Scored on the matching chunks of these works alone; `offset 0` keeps ts_rank from reading any other.
  const textRank = rare.length === 0 ? sql`select null::int as work_id, 0::float4 as r where false` : sql`
    select k.work_id, max(ts_rank(k.tsv, (${sql.join(rare.map((r) => tsquery(r.leaf)), sql` || `)}))) as r
    from (select c.work_id, c.tsv from search_chunks c where c.work_id = any(${list})
      and c.id in (${sql.join(rare.map((r) => r.chunks), sql` union all `)}) offset 0) k group by k.work_id`;
  const { rows } = await sql<{ id: number }>`
    with meta_rank as (select sw.work_id, ts_rank('{0, 0.2, 0.4, 1.0}', sw.meta, ${meta}) as r from unnest(${list}) as i(id)
      join search_works sw on sw.work_id = i.id where ts_match_vq(sw.meta, ${meta})),
    text_rank as (${textRank})
    select w.id from unnest(${list}) as w(id)
      left join meta_rank m on m.work_id = w.id
      left join text_rank t on t.work_id = w.id
    order by coalesce(m.r, 0) * 2 + coalesce(t.r, 0) desc, w.id desc`.execute(db);
  return rows.map((r) => r.id);
}
