// Full-text search over works: SQLite FTS5 (one row per work), or PostgreSQL tsvector + GIN
// (one row of metadata per work, the story text in chunks small enough for tsvector's positions).
// Frozen: never import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const META_COLUMNS = ['title', 'creators', 'fandoms', 'relationships', 'characters', 'freeforms', 'other_tags', 'summary', 'notes'];

async function upSqlite(db: AnyDb): Promise<void> {
  await sql.raw(`create virtual table search_works using fts5(${[...META_COLUMNS, 'body'].join(', ')}, tokenize = 'porter unicode61 remove_diacritics 2')`).execute(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  // unaccent is a trusted extension: any role that may create objects in the database can add it.
  await sql`create extension if not exists unaccent schema public`.execute(db);
  await sql`create text search dictionary bindery_stem (template = snowball, language = english)`.execute(db);
  await sql`create text search configuration bindery (copy = english)`.execute(db);
  await sql`alter text search configuration bindery alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with public.unaccent, bindery_stem`.execute(db);
  let table = db.schema.createTable('search_works')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('meta', sql`tsvector`, (c) => c.notNull());
  for (const column of META_COLUMNS) table = table.addColumn(column, sql`tsvector`, (c) => c.notNull());
  await table.execute();
  for (const column of ['meta', ...META_COLUMNS]) {
    await sql.raw(`create index search_works_${column}_idx on search_works using gin (${column})`).execute(db);
  }
  await db.schema.createTable('search_chunks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_id', 'integer', (c) => c.notNull().references('chapters.id').onDelete('cascade'))
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('end_at', 'integer', (c) => c.notNull())
    .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
  await db.schema.createIndex('search_chunks_work_idx').on('search_chunks').column('work_id').execute();
}

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropTable('search_chunks').execute();
    await db.schema.dropTable('search_works').execute();
    await sql`drop text search configuration bindery`.execute(db);
    await sql`drop text search dictionary bindery_stem`.execute(db);
  } else {
    await sql`drop table search_works`.execute(db);
  }
}
