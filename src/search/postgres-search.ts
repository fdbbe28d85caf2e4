// Search on PostgreSQL: tsvector + GIN with our `bindery` configuration (English stemming, no
// stop words, accents folded by unaccent). One row of metadata per work, weighted title (A) over
// creators and tags (B) over summary and notes (C); the story text in chunks of at most 8,000
// words, because a tsvector stops recording positions at 16,383 and late phrases would be missed.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { QueryNode, TextField } from './query-parser.js';
import { MARK_END, MARK_START, positiveLeaves, type SearchBackend, type Snippet } from './search-backend.js';
import type { WorkDocument } from './search-document.js';
import { markedHtml, textLeaves, typedPassages } from './snippets.js';
import { htmlToText } from '../lib/word-count.js';

const CHUNK_WORDS = 8000;
const META_FIELDS: Partial<Record<TextField, string[]>> = {
  title: ['title'], creator: ['creators'], summary: ['summary'], notes: ['notes'], fandom: ['fandoms'],
  character: ['characters'], relationship: ['relationships'], freeform: ['freeforms'],
  tag: ['fandoms', 'relationships', 'characters', 'freeforms', 'other_tags'],
};

/** A leaf as a tsquery expression (phrases keep word order; `word*` is a prefix). */
function tsquery(node: QueryNode & { kind: 'term' | 'phrase' }): RawBuilder<unknown> {
  if (node.kind === 'term' && node.prefix) {
    const stem = node.text.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
    return stem === '' ? sql`''::tsquery` : sql`to_tsquery('bindery', ${`${stem}:*`})`;
  }
  return sql`phraseto_tsquery('bindery', ${node.text})`;
}

function leafCondition(node: QueryNode & { kind: 'term' | 'phrase' }): RawBuilder<SqlBool> {
  const q = tsquery(node);
  if (node.field === 'text') return sql<SqlBool>`works.id in (select search_text_matches(${q}))`;
  const columns = node.field === null ? null : META_FIELDS[node.field];
  if (columns === undefined) return sql<SqlBool>`false`;
  if (columns === null) {
    return sql<SqlBool>`works.id in (select work_id from search_works where meta @@ ${q} union all select search_text_matches(${q}))`;
  }
  const any = sql.join(columns.map((c) => sql`${sql.ref(c)} @@ ${q}`), sql` or `);
  return sql<SqlBool>`works.id in (select work_id from search_works where ${any})`;
}

/** The whole query as one condition on works: every part is "this work has ...", so words may sit in different chunks. */
function condition(node: QueryNode): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'term': case 'phrase': return leafCondition(node);
    case 'not': return sql<SqlBool>`not (${condition(node.node)})`;
    case 'and': return sql<SqlBool>`(${sql.join(node.nodes.map(condition), sql` and `)})`;
    case 'or': return sql<SqlBool>`(${sql.join(node.nodes.map(condition), sql` or `)})`;
  }
}

/** Below this many estimated chunks, the rarest part of an AND is the start and the rest are tested work by work. */
const FEW_CHUNKS = 5000;

/** The planner's estimate of the chunks a leaf's words are in (from the column's statistics; a millisecond). */
async function estimatedChunks(db: Db, leaf: QueryNode & { kind: 'term' | 'phrase' }): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) select 1 from search_chunks where tsv @@ ${tsquery(leaf)}`.execute(db);
  return rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

/**
 * The condition for a query, with an AND of words started from its rarest part: each part read
 * through the index on its own would gather every work holding a common word (a second or more
 * for "what" in "what zamgrauausks"), where testing the few works the rare word found costs little.
 */
async function rarestFirst(db: Db, node: QueryNode): Promise<RawBuilder<SqlBool>> {
  if (node.kind !== 'and') return condition(node);
  const inText = (n: QueryNode): n is QueryNode & { kind: 'term' | 'phrase' } => (n.kind === 'term' || n.kind === 'phrase') && (n.field === null || n.field === 'text');
  const leaves = node.nodes.filter(inText);
  if (leaves.length < 2) return condition(node);
  const estimates = new Map(await Promise.all(leaves.map(async (leaf) => [leaf, await estimatedChunks(db, leaf)] as const)));
  const [rarest] = [...estimates].sort((a, b) => a[1] - b[1]);
  if (rarest === undefined || rarest[1] >= FEW_CHUNKS) return condition(node);
  const rest = node.nodes.filter((n) => n !== rarest[0]);
  return sql<SqlBool>`(${condition(rarest[0])} and ${sql.join(rest.map((n) => (inText(n) ? conditionEach(n) : condition(n))), sql` and `)})`;
}

/** The same condition tested work by work: each leaf looks up the work's own rows by its id. */
function conditionEach(node: QueryNode): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'term': case 'phrase': return leafConditionEach(node);
    case 'not': return sql<SqlBool>`not (${conditionEach(node.node)})`;
    case 'and': return sql<SqlBool>`(${sql.join(node.nodes.map(conditionEach), sql` and `)})`;
    case 'or': return sql<SqlBool>`(${sql.join(node.nodes.map(conditionEach), sql` or `)})`;
  }
}

function leafConditionEach(node: QueryNode & { kind: 'term' | 'phrase' }): RawBuilder<SqlBool> {
  const q = tsquery(node);
  const inText = sql<SqlBool>`exists (select 1 from search_chunks c where c.work_id = works.id and c.tsv @@ ${q})`;
  if (node.field === 'text') return inText;
  const columns = node.field === null ? ['meta'] : META_FIELDS[node.field];
  if (columns === undefined) return sql<SqlBool>`false`;
  const inMeta = sql<SqlBool>`exists (select 1 from search_works m where m.work_id = works.id and (${sql.join(columns.map((c) => sql`${sql.ref(`m.${c}`)} @@ ${q}`), sql` or `)}))`;
  return node.field === null ? sql<SqlBool>`(${inMeta} or ${inText})` : inMeta;
}

/** The words looked for, OR-ed into one tsquery, to score and highlight with. */
function anyOf(node: QueryNode, textOnly = false): RawBuilder<unknown> | null {
  const leaves = positiveLeaves(node).filter((l): l is QueryNode & { kind: 'term' | 'phrase' } => (l.kind === 'term' || l.kind === 'phrase') && (!textOnly || l.field === null || l.field === 'text'));
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

/** Chunks ranked from the RUM index for one search: enough for a page of results from the newest 2,000 matches. */
const RANKED_CHUNKS = 2000;

/** Whether the story text has its RUM index (migration 034): a catalogue lookup, a fraction of a millisecond. */
export async function usesRum(db: Db): Promise<boolean> {
  const { rows } = await sql<{ rum: boolean }>`select to_regclass('search_chunks_rum_idx') is not null as rum`.execute(db);
  return rows[0]?.rum === true;
}

/** Whether this connection may use RUM: added already, or installed on the server and ours to add (a superuser). */
async function rumAvailable(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'rum')
    or (exists (select 1 from pg_available_extensions where name = 'rum') and (select rolsuper from pg_roles where rolname = current_user)) as ok`.execute(db);
  return rows[0]?.ok === true;
}

async function rankIds(db: Db, node: QueryNode, ids: number[]): Promise<number[]> {
  const q = anyOf(node);
  if (q === null || ids.length === 0) return ids;
  if (await usesRum(db)) return rankFromIndex(db, q, ids);
  const { rows } = await sql<{ id: number }>`select w.id from unnest(${sql.val(ids)}::int[]) as w(id)
    left join search_works sw on sw.work_id = w.id
    order by coalesce(ts_rank('{0, 0.2, 0.4, 1.0}', sw.meta, ${q}), 0) * 2
      + coalesce((select max(ts_rank(c.tsv, ${q})) from search_chunks c where c.work_id = w.id and c.tsv @@ ${q}), 0) desc, w.id desc`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Ranking with RUM: the index hands over the best-ranked chunks of the whole archive in order,
 * reading positions it keeps itself; a work among them ranks by its best chunk, the others by
 * their metadata alone (title, tags, summary: small vectors), newest first among equals.
 */
async function rankFromIndex(db: Db, q: RawBuilder<unknown>, ids: number[]): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with best as (select work_id, row_number() over () as place from
      (select work_id from search_chunks where tsv @@ ${q} order by tsv operator(public.<=>) ${q} limit ${RANKED_CHUNKS}) c),
    text_rank as (select work_id, min(place) as place from best group by work_id)
    select w.id from unnest(${sql.val(ids)}::int[]) as w(id)
      left join search_works sw on sw.work_id = w.id
      left join text_rank t on t.work_id = w.id
    order by coalesce(ts_rank('{0, 0.2, 0.4, 1.0}', sw.meta, ${q}), 0) * 2 + coalesce(1.0 - t.place::float8 / ${RANKED_CHUNKS + 1}, 0) desc, w.id desc`.execute(db);
  return rows.map((r) => r.id);
}

/** The tsvector search backend. */
export const postgresSearch: SearchBackend = {
  async indexWorks(trx, docs) {
    const ids = [...docs.keys()];
    await sql`delete from search_chunks where work_id = any(${sql.val(ids)}::int[])`.execute(trx);
    await sql`delete from search_works where work_id = any(${sql.val(ids)}::int[])`.execute(trx);
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
    if (parts.length === 0) return;
    await sql`insert into search_chunks (work_id, chapter_id, start_at, end_at, tsv)
      select d.w, d.c, d.s, d.e, to_tsvector('bindery', d.t)
      from unnest(${sql.val(parts.map((p) => p.workId))}::int[], ${sql.val(parts.map((p) => p.chapterId))}::int[], ${sql.val(parts.map((p) => p.start))}::int[],
        ${sql.val(parts.map((p) => p.end))}::int[], ${sql.val(parts.map((p) => p.text))}::text[]) as d(w, c, s, e, t)`.execute(trx);
  },

  async matching(db, node) {
    const planned = await rarestFirst(db, node);
    return { where: (): Expression<SqlBool> => planned };
  },

  matchingEach(node) {
    return { where: (): Expression<SqlBool> => conditionEach(node) };
  },

  rank: rankIds,

  async beginRebuild(db) {
    // Emptied, the per-work deletes find nothing; the text index is built once at the end, many
    // times faster than kept up chunk by chunk (RUM has no pending list like GIN's).
    await sql`truncate search_chunks, search_works`.execute(db);
    await sql`drop index if exists search_chunks_rum_idx`.execute(db);
    await sql`drop index if exists search_chunks_tsv_idx`.execute(db);
  },

  async optimize(db) {
    if (await rumAvailable(db)) {
      await sql`create extension if not exists rum schema public`.execute(db);
      await sql`create index if not exists search_chunks_rum_idx on search_chunks using rum (tsv public.rum_tsvector_ops)`.execute(db);
      await sql`drop index if exists search_chunks_tsv_idx`.execute(db);
    } else if (!(await usesRum(db))) {
      await sql`create index if not exists search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
    }
    await sql`analyze search_works`.execute(db);
    await sql`analyze search_chunks`.execute(db);
  },

  async warning(db) {
    if (await usesRum(db)) return null;
    const fix = (await rumAvailable(db)) ? 'run `npm run bindery -- reindex` to build it' : 'install PostgreSQL\'s RUM extension (Debian: postgresql-15-rum), `create extension rum` as a superuser, then run `npm run bindery -- reindex`';
    return `Search runs on a GIN index: phrases and ranking read the stored text vectors and are several times slower at scale (docs/decisions/047). To use RUM, ${fix}.`;
  },

  async snippets(db, node, ids) {
    const q = anyOf(node, true);
    if (q === null || ids.length === 0) return new Map<number, Snippet>();
    // Cut in JavaScript where the words are there as typed; ts_headline, which parses a whole chunk
    // of up to 8,000 words for each result, only for the rest (stems, an accent typed differently).
    const { found, rest, chapters } = await typedPassages(db, textLeaves(node), ids);
    if (rest.length === 0) return found;
    const { rows: best } = await sql<{ work_id: number; chapter_id: number; start_at: number; end_at: number }>`
      select distinct on (work_id) work_id, chapter_id, start_at, end_at from search_chunks
      where work_id = any(${sql.val(rest)}::int[]) and tsv @@ ${q} order by work_id, ts_rank(tsv, ${q}) desc`.execute(db);
    const texts = new Map([...chapters.values()].flat().map((c) => [c.id, c.content]));
    for (const chunk of best) {
      const text = htmlToText(texts.get(chunk.chapter_id) ?? '').slice(chunk.start_at, chunk.end_at);
      const { rows } = await sql<{ s: string }>`select ts_headline('bindery', ${text}, ${q},
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`}) as s`.execute(db);
      const passage = rows[0]?.s ?? '';
      if (passage.includes(MARK_START)) found.set(chunk.work_id, { chapterId: chunk.chapter_id, html: markedHtml(passage) });
    }
    return found;
  },

  async rawTop(db, node, limit) {
    const { rows } = await sql<{ id: number }>`select works.id from works where ${await rarestFirst(db, node)} order by works.id desc limit 2000`.execute(db);
    return (await rankIds(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};
