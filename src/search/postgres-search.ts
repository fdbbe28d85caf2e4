// Search on PostgreSQL: tsvector + GIN with our `bindery` configuration (English stemming, no
// stop words, accents folded by unaccent). One row of metadata per work, weighted title (A) over
// creators and tags (B) over summary and notes (C); the story text in chunks of at most 8,000
// words, because a tsvector stops recording positions at 16,383 and late phrases would be missed.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { QueryNode, TextField } from './query-parser.js';
import { MARK_END, MARK_START, positiveLeaves, type SearchBackend, type Snippet } from './search-backend.js';
import type { WorkDocument } from './search-document.js';
import { markedHtml } from './snippets.js';
import { postedChapterTexts } from './search.repository.js';
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
  if (node.field === 'text') return sql<SqlBool>`works.id in (select work_id from search_chunks where tsv @@ ${q})`;
  const columns = node.field === null ? null : META_FIELDS[node.field];
  if (columns === undefined) return sql<SqlBool>`false`;
  if (columns === null) {
    return sql<SqlBool>`works.id in (select work_id from search_works where meta @@ ${q} union all select work_id from search_chunks where tsv @@ ${q})`;
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

async function rankIds(db: Db, node: QueryNode, ids: number[]): Promise<number[]> {
  const q = anyOf(node);
  if (q === null || ids.length === 0) return ids;
  const { rows } = await sql<{ id: number }>`select w.id from unnest(${sql.val(ids)}::int[]) as w(id)
    left join search_works sw on sw.work_id = w.id
    order by coalesce(ts_rank('{0, 0.2, 0.4, 1.0}', sw.meta, ${q}), 0) * 2
      + coalesce((select max(ts_rank(c.tsv, ${q})) from search_chunks c where c.work_id = w.id and c.tsv @@ ${q}), 0) desc, w.id desc`.execute(db);
  return rows.map((r) => r.id);
}

/** The tsvector search backend. */
export const postgresSearch: SearchBackend = {
  async indexWork(trx, workId, doc: WorkDocument | null) {
    await sql`delete from search_chunks where work_id = ${workId}`.execute(trx);
    await sql`delete from search_works where work_id = ${workId}`.execute(trx);
    if (doc === null) return;
    const tags = [doc.fandoms, doc.relationships, doc.characters, doc.freeforms, doc.otherTags].join('\n');
    const v = (text: string) => sql`to_tsvector('bindery', ${text})`;
    await sql`insert into search_works (work_id, meta, title, creators, fandoms, relationships, characters, freeforms, other_tags, summary, notes)
      values (${workId}, setweight(${v(doc.title)}, 'A') || setweight(${v(`${doc.creators}\n${tags}`)}, 'B') || setweight(${v(`${doc.summary}\n${doc.notes}`)}, 'C'),
      ${v(doc.title)}, ${v(doc.creators)}, ${v(doc.fandoms)}, ${v(doc.relationships)}, ${v(doc.characters)}, ${v(doc.freeforms)}, ${v(doc.otherTags)},
      ${v(doc.summary)}, ${v(doc.notes)})`.execute(trx);
    for (const chapter of doc.chapters) {
      for (const part of chunks(chapter.text)) {
        await sql`insert into search_chunks (work_id, chapter_id, start_at, end_at, tsv)
          values (${workId}, ${chapter.chapterId}, ${part.start}, ${part.end}, ${v(chapter.text.slice(part.start, part.end))})`.execute(trx);
      }
    }
  },

  matching(node) {
    return { where: (): Expression<SqlBool> => condition(node) };
  },

  rank: rankIds,

  async optimize(db) {
    await sql`analyze search_works`.execute(db);
    await sql`analyze search_chunks`.execute(db);
  },

  async snippets(db, node, ids) {
    const q = anyOf(node, true);
    const result = new Map<number, Snippet>();
    if (q === null || ids.length === 0) return result;
    const { rows: best } = await sql<{ work_id: number; chapter_id: number; start_at: number; end_at: number }>`
      select distinct on (work_id) work_id, chapter_id, start_at, end_at from search_chunks
      where work_id = any(${sql.val(ids)}::int[]) and tsv @@ ${q} order by work_id, ts_rank(tsv, ${q}) desc`.execute(db);
    const texts = new Map((await postedChapterTexts(db, best.map((b) => b.work_id))).map((c) => [c.id, c.content]));
    for (const chunk of best) {
      const text = htmlToText(texts.get(chunk.chapter_id) ?? '').slice(chunk.start_at, chunk.end_at);
      const { rows } = await sql<{ s: string }>`select ts_headline('bindery', ${text}, ${q},
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`}) as s`.execute(db);
      const passage = rows[0]?.s ?? '';
      if (passage.includes(MARK_START)) result.set(chunk.work_id, { chapterId: chunk.chapter_id, html: markedHtml(passage) });
    }
    return result;
  },

  async rawTop(db, node, limit) {
    const { rows } = await sql<{ id: number }>`select works.id from works where ${condition(node)} order by works.id desc limit 2000`.execute(db);
    return (await rankIds(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};
