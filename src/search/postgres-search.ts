// Search on PostgreSQL: tsvector + GIN with our `bindery` configuration (English stemming, no
// stop words, accents folded by unaccent). One row of metadata per work, weighted title (A) over
// creators and tags (B) over summary and notes (C); the story text in chunks of at most 8,000
// words, because a tsvector stops recording positions at 16,383 and late phrases would be missed.
// Words by work (migration 035: each work's words and pairs of common words, text and metadata
// together, without positions) answer queries of words from their index alone; the chunks'
// positions index (RUM where the server has it) answers phrases of rarer words. Reading stored
// vectors is what made search slow: each plan reads as few as it can (docs/decisions/049).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { SearchBackend } from './search-backend.js';
import type { WorkDocument } from './search-document.js';
import { postgresPassages } from './postgres-passages.js';
import { condition, plansOf, rankIds } from './postgres-query.js';

const CHUNK_WORDS = 8000;

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

  // No matchingEach: each part of the query is a set of works read from an index (tens of
  // milliseconds for the commonest word), where testing works one by one would read their stored vectors.

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

  snippets: postgresPassages,

  async rawTop(db, node, limit) {
    const { rows } = await sql<{ id: number }>`select works.id from works where ${await condition(db, node, await plansOf(db, node))} order by works.id desc limit 2000`.execute(db);
    return (await rankIds(db, node, rows.map((r) => r.id))).slice(0, limit);
  },
};
