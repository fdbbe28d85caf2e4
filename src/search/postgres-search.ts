// Search on PostgreSQL: tsvector + GIN with our `bindery` configuration (English stemming, no
// stop words, accents folded by unaccent). One row of metadata per work, weighted title (A) over
// creators and tags (B) over summary and notes (C); the story text in chunks of at most 8,000
// words, because a tsvector stops recording positions at 16,383 and late phrases would be missed.
// Words by work (migration 035: each work's words and pairs of common words, text and metadata
// together, without positions) answer queries of words from their index alone; the chunks'
// positions index (RUM where the server has it) answers phrases of rarer words. Reading stored
// vectors is what made search slow: each plan reads as few as it can (docs/decisions/049).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { QueryNode, TextField } from './query-parser.js';
import { MARK_END, MARK_START, positiveLeaves, type SearchBackend, type Snippet } from './search-backend.js';
import type { WorkDocument } from './search-document.js';
import { markedHtml, textLeaves, typedPassages, type WorkChapter } from './snippets.js';
import { postedChaptersByIds } from './search.repository.js';
import { htmlToText } from '../lib/word-count.js';

const CHUNK_WORDS = 8000;
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
async function plansOf(db: Db, node: QueryNode): Promise<Plans> {
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
    const estimate = await estimatedRows(db, found.estimate);
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
async function condition(db: Db, node: QueryNode, plans: Plans): Promise<RawBuilder<SqlBool>> {
  const words = asWords(node, plans);
  if (words !== null) {
    return inSet(sql`select m from search_word_works(${words}::tsquery) as m`, await estimatedRows(db, sql`select 1 from search_work_words where words @@ ${words}::tsquery`));
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
async function estimatedRows(db: Db, query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) ${query}`.execute(db);
  return rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

/** The words looked for, OR-ed into one tsquery, to score and highlight with. */
function anyOf(node: QueryNode, textOnly = false): RawBuilder<unknown> | null {
  const leaves = positiveLeaves(node).filter((l): l is Leaf => (l.kind === 'term' || l.kind === 'phrase') && (!textOnly || inText(l)));
  if (leaves.length === 0) return null;
  return sql`(${sql.join(leaves.map(tsquery), sql` || `)})`;
}

function chunks(text: string): Array<{ start: number; end: number }> {
  const result: Array<{ start: number; end: number }> = [];
  const words = /\S+/g;
  let start = 0;
  let count = 0;
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    if (count === CHUNK_WORDS) {
      result.push({ start, end: match.index });
      start = match.index;
      count = 0;
    }
    count += 1;
  }
  if (count > 0) result.push({ start, end: text.length });
  return result;
}

/**
 * A word or phrase found in more works (or chunks) than this adds nothing to a work's rank from
 * its story text. Like bm25's inverse document frequency, a word most works hold tells them apart
 * by little; and scoring it means reading every matching chunk's stored vector, a second or more
 * for a common word. Title, tags and summary still rank (small vectors, read by work id).
 */
const RANKED_UP_TO = 200;

/** A leaf's matching chunks, when it is rare enough to score them (null otherwise). */
async function rareChunks(db: Db, leaf: Leaf, found: Found): Promise<RawBuilder<unknown> | null> {
  if ('words' in found) {
    if (await estimatedRows(db, sql`select 1 from search_work_words where words @@ ${found.words}::tsquery`) > RANKED_UP_TO) return null;
    return sql`select k from search_text_chunks(${tsquery(leaf)}) as k`;
  }
  return (await estimatedRows(db, found.estimate)) > RANKED_UP_TO ? null : found.chunks;
}

/**
 * Best match first: where the words are (title over creators and tags over summary and notes,
 * then the story text for the rarer words), newest first among equals.
 */
async function rankIds(db: Db, node: QueryNode, ids: number[]): Promise<number[]> {
  const meta = anyOf(node);
  if (meta === null || ids.length === 0) return ids;
  const plans = await plansOf(db, node);
  const rare: Array<{ leaf: Leaf; chunks: RawBuilder<unknown> }> = [];
  for (const leaf of positiveLeaves(node).filter(inText)) {
    const found = plans.get(leaf);
    const chunks = found === undefined ? null : await rareChunks(db, leaf, found);
    if (chunks !== null) rare.push({ leaf, chunks });
  }
  // Scored on the matching chunks of these works alone; `offset 0` keeps ts_rank from reading any other.
  const textRank = rare.length === 0 ? sql`select null::int as work_id, 0::float4 as r where false` : sql`
    select k.work_id, max(ts_rank(k.tsv, (${sql.join(rare.map((r) => tsquery(r.leaf)), sql` || `)}))) as r
    from (select c.work_id, c.tsv from search_chunks c where c.work_id = any(${sql.val(ids)}::int[])
      and c.id in (${sql.join(rare.map((r) => r.chunks), sql` union all `)}) offset 0) k group by k.work_id`;
  const { rows } = await sql<{ id: number }>`
    with meta_rank as (select sw.work_id, ts_rank('{0, 0.2, 0.4, 1.0}', sw.meta, ${meta}) as r from unnest(${sql.val(ids)}::int[]) as i(id)
      join search_works sw on sw.work_id = i.id where ts_match_vq(sw.meta, ${meta})),
    text_rank as (${textRank})
    select w.id from unnest(${sql.val(ids)}::int[]) as w(id)
      left join meta_rank m on m.work_id = w.id
      left join text_rank t on t.work_id = w.id
    order by coalesce(m.r, 0) * 2 + coalesce(t.r, 0) desc, w.id desc`.execute(db);
  return rows.map((r) => r.id);
}

/** The search's indexes on PostgreSQL: the chunks' positions (RUM, or GIN where the server lacks it) and the words by work (migration 035). */
const TEXT_INDEXES = ['search_chunks_rum_idx', 'search_chunks_tsv_idx', 'search_work_words_idx'];

/** Which of the story text's indexes exist: a catalogue lookup, a fraction of a millisecond. */
async function textIndexes(db: Db): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`select name from unnest(${sql.val(TEXT_INDEXES)}::text[]) as name where to_regclass(name) is not null`.execute(db);
  return new Set(rows.map((r) => r.name));
}

/** Whether this connection may use RUM: added already, or installed on the server and ours to add (a superuser). */
async function rumAvailable(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'rum')
    or (exists (select 1 from pg_available_extensions where name = 'rum') and (select rolsuper from pg_roles where rolname = current_user)) as ok`.execute(db);
  return rows[0]?.ok === true;
}

/** Where a work's first matching chunk is, and the position of the first of the query's words in it. */
type Hit = { chapter_id: number; start_at: number; end_at: number; at: number | null };

/** Words kept on either side of a match's position when a passage is cut by ts_headline. */
const AROUND_TOKENS = 200;

/**
 * The text around its `at`-th word (PostgreSQL's count, which a hyphenated word or an address
 * can push a little ahead of this one): the whole text when there is no position.
 */
function aroundToken(text: string, at: number | null): string {
  if (at === null) return text;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const i = Math.min(tokens.length - 1, Math.max(0, at - 1));
  const first = tokens[Math.max(0, i - AROUND_TOKENS)];
  const last = tokens[Math.min(tokens.length - 1, i + AROUND_TOKENS)];
  return first === undefined || last === undefined ? text : text.slice(first.index, last.index + last[0].length);
}

/** ts_headline's passages of some texts, in one statement. */
async function headlines(db: Db, q: RawBuilder<unknown>, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const { rows } = await sql<{ s: string }>`select ts_headline('bindery', t, ${q},
    ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`}) as s
    from unnest(${sql.val(texts)}::text[]) with ordinality as x(t, i) order by i`.execute(db);
  return rows.map((r) => r.s);
}

/** The tsvector search backend. */
export const postgresSearch: SearchBackend = {
  async indexWorks(trx, docs) {
    const ids = [...docs.keys()];
    await sql`delete from search_chunks where work_id = any(${sql.val(ids)}::int[])`.execute(trx);
    await sql`delete from search_works where work_id = any(${sql.val(ids)}::int[])`.execute(trx);
    await sql`delete from search_work_words where work_id = any(${sql.val(ids)}::int[])`.execute(trx);
    const kept = [...docs.values()].filter((d): d is WorkDocument => d !== null);
    if (kept.length === 0) return;
    // One statement per table for the whole batch: the text goes over as arrays and PostgreSQL makes the vectors.
    const column = (pick: (d: WorkDocument) => string) => sql.val(kept.map(pick));
    const v = (name: string) => sql`to_tsvector('bindery', ${sql.ref(`d.${name}`)})`;
    await sql`insert into search_works (work_id, meta, title, creators, fandoms, relationships, characters, freeforms, other_tags, summary, notes)
      select d.id, setweight(${v('title')}, 'A') || setweight(to_tsvector('bindery', d.creators || E'\n' || d.tags), 'B') || setweight(to_tsvector('bindery', d.summary || E'\n' || d.notes), 'C'),
        ${v('title')}, ${v('creators')}, ${v('fandoms')}, ${v('relationships')}, ${v('characters')}, ${v('freeforms')}, ${v('other_tags')}, ${v('summary')}, ${v('notes')}
      from unnest(${sql.val(kept.map((d) => d.workId))}::int[], ${column((d) => d.title)}::text[], ${column((d) => d.creators)}::text[],
        ${column((d) => [d.fandoms, d.relationships, d.characters, d.freeforms, d.otherTags].join('\n'))}::text[],
        ${column((d) => d.fandoms)}::text[], ${column((d) => d.relationships)}::text[], ${column((d) => d.characters)}::text[], ${column((d) => d.freeforms)}::text[],
        ${column((d) => d.otherTags)}::text[], ${column((d) => d.summary)}::text[], ${column((d) => d.notes)}::text[])
        as d(id, title, creators, tags, fandoms, relationships, characters, freeforms, other_tags, summary, notes)`.execute(trx);
    const parts = kept.flatMap((d) => d.chapters.flatMap((c) => chunks(c.text).map((part) => ({ workId: d.workId, chapterId: c.chapterId, ...part, text: c.text.slice(part.start, part.end) }))));
    if (parts.length > 0) {
      await sql`insert into search_chunks (work_id, chapter_id, start_at, end_at, tsv)
        select d.w, d.c, d.s, d.e, to_tsvector('bindery', d.t)
        from unnest(${sql.val(parts.map((p) => p.workId))}::int[], ${sql.val(parts.map((p) => p.chapterId))}::int[], ${sql.val(parts.map((p) => p.start))}::int[],
          ${sql.val(parts.map((p) => p.end))}::int[], ${sql.val(parts.map((p) => p.text))}::text[]) as d(w, c, s, e, t)`.execute(trx);
    }
    // The words by work, from the vectors just made: the metadata's and every chunk's, with their common pairs.
    const keptIds = sql.val(kept.map((d) => d.workId));
    await sql`insert into search_work_words (work_id, words)
      select m.work_id, search_words(m.meta) || coalesce(t.words, '') from search_works m
      left join (select work_id, search_union(search_words(tsv)) as words from search_chunks where work_id = any(${keptIds}::int[]) group by work_id) t on t.work_id = m.work_id
      where m.work_id = any(${keptIds}::int[])`.execute(trx);
  },

  async matching(db, node) {
    const planned = await condition(db, node, await plansOf(db, node));
    return { where: (): Expression<SqlBool> => planned };
  },

  // Each part of the query is a set of works read from an index (tens of milliseconds for the
  // commonest word); testing works one by one would read their stored vectors instead.
  matchingEach(db, node) {
    return this.matching(db, node);
  },

  rank: rankIds,

  async beginRebuild(db) {
    // Emptied, the per-work deletes find nothing; the text indexes are built once at the end, many
    // times faster than kept up chunk by chunk.
    await sql`truncate search_chunks, search_works, search_work_words`.execute(db);
    for (const name of TEXT_INDEXES) await sql`drop index if exists ${sql.ref(name)}`.execute(db);
  },

  async optimize(db) {
    // The two text indexes are built at once, each on its own connection (PostgreSQL 15 builds a
    // GIN or RUM index on one core), and each table's statistics refreshed as soon as it is ready.
    const positions = async () => {
      if (await rumAvailable(db)) {
        await sql`create extension if not exists rum schema public`.execute(db);
        await sql`create index if not exists search_chunks_rum_idx on search_chunks using rum (tsv public.rum_tsvector_ops)`.execute(db);
      } else {
        await sql`create index if not exists search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
      }
      await sql`analyze search_chunks`.execute(db);
    };
    const words = async () => {
      await sql`create index if not exists search_work_words_idx on search_work_words using gin (words)`.execute(db);
      await sql`analyze search_work_words`.execute(db);
      await sql`analyze search_works`.execute(db);
    };
    await Promise.all([positions(), words()]);
  },

  async warning(db) {
    const present = await textIndexes(db);
    if (!present.has('search_work_words_idx') || !(present.has('search_chunks_rum_idx') || present.has('search_chunks_tsv_idx'))) {
      return 'The story text is missing an index (a reindex stopped before its end?), and search reads every stored vector: run `npm run bindery -- reindex`.';
    }
    if (present.has('search_chunks_rum_idx')) return null;
    const fix = (await rumAvailable(db)) ? 'run `npm run bindery -- reindex` to build it' : 'install PostgreSQL\'s RUM extension (Debian: postgresql-15-rum), `create extension rum` as a superuser, then run `npm run bindery -- reindex`';
    return `Phrases of rarer words run on a GIN index, which reads the stored text vectors: several times slower at scale (docs/decisions/049). To use RUM, ${fix}.`;
  },

  async snippets(db, node, ids) {
    const q = anyOf(node, true);
    if (q === null || ids.length === 0) return new Map<number, Snippet>();
    // Cut in JavaScript where the words are there as typed. Past a work's first chapter, only the
    // chapter of its first matching chunk is read (not the whole work); ts_headline is left for
    // stems and the like, on a window of that chunk around the first of the query's words.
    const leaves = textLeaves(node);
    const words = leaves.filter((l) => !(l.kind === 'term' && l.prefix)).map((l) => l.text).join(' ');
    const hits = new Map<number, Hit>();
    const chaptersOfRest = async (rest: number[]) => {
      const { rows } = await sql<Hit & { work_id: number }>`
        select w.id as work_id, h.chapter_id, h.start_at, h.end_at, h.at from unnest(${sql.val(rest)}::int[]) as w(id)
        cross join lateral (select c.chapter_id, c.start_at, c.end_at,
            (select min(p) from unnest(c.tsv) u, unnest(u.positions) p where u.lexeme = any(tsvector_to_array(to_tsvector('bindery', ${words})))) as at
          from search_chunks c where c.work_id = w.id and ts_match_vq(c.tsv, ${q}) order by c.id limit 1) h`.execute(db);
      for (const row of rows) hits.set(row.work_id, row);
      const chapters = new Map<number, WorkChapter[]>();
      for (const c of await postedChaptersByIds(db, rows.map((r) => r.chapter_id))) chapters.set(c.work_id, [c]);
      return chapters;
    };
    const { found, rest, chapters } = await typedPassages(db, leaves, ids, chaptersOfRest);
    const texts = rest.flatMap((workId) => {
      const hit = hits.get(workId);
      const chapter = chapters.get(workId)?.[0];
      return hit === undefined || chapter === undefined ? [] : [{ workId, hit, text: htmlToText(chapter.content).slice(hit.start_at, hit.end_at) }];
    });
    // A window first (parsing 400 words, not up to 8,000); the whole chunk where the window missed.
    const windowed = await headlines(db, q, texts.map((t) => aroundToken(t.text, t.hit.at)));
    const missed = texts.filter((_, i) => !(windowed[i] ?? '').includes(MARK_START));
    const whole = await headlines(db, q, missed.map((t) => t.text));
    const passages = new Map(texts.map((t, i) => [t, windowed[i] ?? '']));
    missed.forEach((t, i) => passages.set(t, whole[i] ?? ''));
    for (const [t, passage] of passages) if (passage.includes(MARK_START)) found.set(t.workId, { chapterId: t.hit.chapter_id, html: markedHtml(passage) });
    return found;
  },

  async rawTop(db, node, limit) {
    const { rows } = await sql<{ id: number }>`select works.id from works where ${await condition(db, node, await plansOf(db, node))} order by works.id desc limit 2000`.execute(db);
    return (await rankIds(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};
