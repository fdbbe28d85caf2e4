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
  // RUM is not a trusted extension: adding it takes a superuser, unless someone already did.
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'rum')
    or (exists (select 1 from pg_available_extensions where name = 'rum') and (select rolsuper from pg_roles where rolname = current_user)) as ok`.execute(db);
  if (rows[0]?.ok !== true) return;
  await sql`create extension if not exists rum`.execute(db);
  await sql`create index if not exists search_chunks_rum_idx on search_chunks using rum (tsv rum_tsvector_ops)`.execute(db);
  await sql`drop index if exists search_chunks_tsv_idx`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index if not exists search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
  await sql`drop index if exists search_chunks_rum_idx`.execute(db);
}
