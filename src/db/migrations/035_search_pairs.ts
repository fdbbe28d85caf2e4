// PostgreSQL's search gets an index of words by work: GIN over each work's words (story text and
// metadata) without their positions, plus the pairs of common words that stand next to each
// other ("_she said"). A query of words, with AND, OR, NOT and prefixes, is one lookup there,
// without reading a stored vector or decoding a position (RUM decodes every position of "the" to
// find the chunks holding it: a second), and so is a phrase of two common words, through its
// pair; a longer phrase starts from its rarer words or its pairs and is checked on the chunks
// they leave (docs/decisions/049). Only pairs of common words: pairs of every word made the index
// ten times slower to build than the 15 minutes a reindex may take. The chunks' positions index
// (RUM, or GIN without the package) stays for phrases of rarer words.
// SQLite: nothing. Frozen: never import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

/** The commonest English words, whose pairs are indexed: as typed here, stemmed by the `bindery` configuration below. */
const COMMON_WORDS = `a about above after again against all also am an and any are around as at away back be been before
being below between both but by came can come could did do does doing down each even ever every few
for from get go going got had has have having he her here hers herself him himself his how i if in
into is it its itself just know like made make many may me might more most much must my myself
never no nor not now of off on once one only or other our ours out over own said same say says see
she should so some still such than that the their theirs them then there these they thing think
this those though through to too under until up upon us very was way we well went were what when
where which while who whom why will with would yes yet you your yours`;

/** Runs a query that returns sets of rows through bitmap index scans only (no sequential scan, no walk in another order). */
const INDEX_ONLY = 'set enable_seqscan = off set enable_indexscan = off';

export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const { rows } = await sql<{ lexemes: string }>`select array_agg(distinct lexeme order by lexeme)::text as lexemes from unnest(to_tsvector('bindery', ${COMMON_WORDS}))`.execute(db);
  const common = (rows[0]?.lexemes ?? '{}').replace(/'/g, "''");
  // Written into the functions as a constant: an index's expression must not read a table.
  await sql.raw(`create function search_common_lexemes() returns text[] language sql immutable parallel safe as $$ select '${common}'::text[] $$`).execute(db);
  // Pairs come from positions, exactly as PostgreSQL's own phrase search reads them: a lexeme at p
  // and one at p + 1. The leading underscore keeps them apart from words (no lexeme starts with one)
  // and out of prefix searches. Only built-in functions inside: an index's expression is also
  // evaluated by autovacuum, whose search path holds nothing of ours.
  await sql.raw(`create function search_words(v tsvector) returns tsvector language sql immutable parallel safe as $$
    with t as materialized (select lexeme as l, unnest(positions) as p from unnest(v) where lexeme = any('${common}'::text[]))
    select strip(v) || coalesce((select array_to_tsvector(array_agg(distinct '_' || a.l || ' ' || b.l)) from t a join t b on b.p = a.p + 1), ''::tsvector)
  $$`).execute(db);
  // One row per work: the words of its story text and of its title, creators, tags, summary and
  // notes, with their common pairs. A query of words (AND, OR, NOT, prefixes, common pairs) is one
  // lookup here, exact, whatever chunk or field each word is in.
  await sql`create aggregate search_union(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '')`.execute(db);
  await db.schema.createTable('search_work_words')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('words', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`insert into search_work_words (work_id, words)
    select m.work_id, search_words(m.meta) || coalesce(t.words, '') from search_works m
    left join (select work_id, search_union(search_words(tsv)) as words from search_chunks group by work_id) t on t.work_id = m.work_id`.execute(db);
  await sql`create index search_work_words_idx on search_work_words using gin (words)`.execute(db);
  // The planner's estimate of a word's works decides how the search reads them (decision 049):
  // with the default statistics it knows the 1,000 commonest words, and takes a word held by a
  // fifth of the works for a rare one. Ten times as many.
  await sql`alter table search_work_words alter column words set statistics 1000`.execute(db);
  // Seen from outside, the planner may guess a query matches as often as its commonest word and read
  // every stored vector; a function with its own settings is planned alone, where only the index remains.
  await sql.raw(`create function search_word_works(q tsquery) returns setof integer language sql stable ${INDEX_ONLY}
    as 'select work_id from search_work_words where words @@ q'`).execute(db);
  await sql.raw(`create function search_text_chunks(q tsquery) returns setof integer language sql stable ${INDEX_ONLY}
    as 'select id from search_chunks where tsv @@ q'`).execute(db);
  await sql`analyze search_work_words`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.dropTable('search_work_words').execute();
  await sql`drop aggregate search_union(tsvector)`.execute(db);
  for (const fn of ['search_text_chunks(tsquery)', 'search_word_works(tsquery)', 'search_words(tsvector)', 'search_common_lexemes()']) {
    await sql.raw(`drop function ${fn}`).execute(db);
  }
}
