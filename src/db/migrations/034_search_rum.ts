// PostgreSQL's story-text index becomes a RUM index when the server has the extension (Debian's
// postgresql-15-rum): it keeps each word's positions, so phrases are checked inside the index and
// results are ranked from it, without reading the stored vectors (docs/decisions/047). Without
// the extension, or without the right to add it, the GIN index stays and search works, slower;
// `reindex` makes the change later. SQLite: nothing. Frozen: never import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The works whose text matches, always read through the text index. Seen from outside, the
  // planner guesses a phrase of common words matches as often as its words, and then reads every
  // chunk's stored vector in a sequential scan or walks the chunks newest first testing each one
  // (4-10 s at 100,000 works for a phrase that matches 146); a function with its own settings is
  // planned alone, where only the index remains.
  await sql.raw(`create function search_text_matches(q tsquery) returns setof integer language sql stable
    set enable_seqscan = off set enable_indexscan = off
    as 'select work_id from search_chunks where tsv @@ q'`).execute(db);
  // RUM is not a trusted extension: adding it takes a superuser, unless someone already did. It lives in
  // public (like unaccent), where every schema of the database finds its operators.
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'rum')
    or (exists (select 1 from pg_available_extensions where name = 'rum') and (select rolsuper from pg_roles where rolname = current_user)) as ok`.execute(db);
  if (rows[0]?.ok !== true) return;
  await sql`create extension if not exists rum schema public`.execute(db);
  await sql`create index if not exists search_chunks_rum_idx on search_chunks using rum (tsv public.rum_tsvector_ops)`.execute(db);
  await sql`drop index if exists search_chunks_tsv_idx`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists search_text_matches(tsquery)`.execute(db);
  await sql`create index if not exists search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
  await sql`drop index if exists search_chunks_rum_idx`.execute(db);
}
