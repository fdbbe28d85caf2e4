// Writing the synthetic archive into the database: batched multi-row inserts through Kysely in
// transactions, explicit ids (sequences moved past them on PostgreSQL), and a marker row saying
// which parameters made the data, so a later run can reuse it.
import { stat } from 'node:fs/promises';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { Dialect } from '../../src/db/connect.js';
import { tagWords } from '../../src/tags/tag-words.js';
import type { TagSpec } from './archive-registry.js';

/** SQLite allows 32,766 bound values a statement, PostgreSQL 65,535; stay well under both. */
const MAX_VALUES = 30_000;

/** Inserts rows of one table in as few statements as the bound-value limit allows. */
export async function insertRows<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const size = Math.max(1, Math.floor(MAX_VALUES / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) await trx.insertInto(table).values(rows.slice(i, i + size)).execute();
}

/** Inserts new tags with their autocomplete words. */
export async function insertTags(trx: Transaction<Database>, tags: TagSpec[], createdAt: string): Promise<void> {
  await insertRows(trx, 'tags', tags.map((t) => ({
    id: t.id, type: t.type, name: t.name, name_key: t.key, canonical: t.canonical, merger_id: t.mergerId, unwrangleable: t.unwrangleable, created_at: createdAt,
  })));
  await insertRows(trx, 'tag_words', tags.flatMap((t) => tagWords(t.name).map((word) => ({ word, tag_id: t.id }))));
}

export type CorpusParams = { generator: number; works: number; seed: number };

type MarkerTable = { bench_corpus: { params: string; summary: string } };

/** The parameters and summary the data was made with, or null when there is none (or an unfinished run). */
export async function readMarker(db: Kysely<Database>): Promise<{ params: CorpusParams; summary: unknown } | null> {
  try {
    const row = await db.withTables<MarkerTable>().selectFrom('bench_corpus').selectAll().executeTakeFirst();
    return row ? { params: JSON.parse(row.params) as CorpusParams, summary: JSON.parse(row.summary) } : null;
  } catch {
    return null;
  }
}

/** Records that the data is complete; the last thing a build writes. */
export async function writeMarker(db: Kysely<Database>, params: CorpusParams, summary: unknown): Promise<void> {
  await db.schema.createTable('bench_corpus').ifNotExists().addColumn('params', 'text', (c) => c.notNull()).addColumn('summary', 'text', (c) => c.notNull()).execute();
  const marked = db.withTables<MarkerTable>();
  await marked.deleteFrom('bench_corpus').execute();
  await marked.insertInto('bench_corpus').values({ params: JSON.stringify(params), summary: JSON.stringify(summary) }).execute();
}

/** Empties the connection's schema on PostgreSQL (drop and create), so migrations start afresh. */
export async function resetPostgresSchema(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await sql`create schema ${sql.id(schema)}`.execute(db);
}

/** Moves PostgreSQL's id sequences past the ids we chose, so the app's own inserts do not collide. */
export async function afterLoad(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    return;
  }
  for (const table of ['users', 'pseuds', 'tags', 'works', 'chapters']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
  }
  // Autovacuum would get here on its own a little after a bulk load (statistics, and the visibility
  // map that index-only scans need); a live archive has both, so the benchmark should too.
  await sql`vacuum analyze`.execute(db);
}

/** Bytes the database takes: the SQLite file and its WAL, or PostgreSQL's database size. */
export async function databaseBytes(db: Kysely<Database>, dialect: Dialect, file: string | null): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ bytes: number }>`select pg_database_size(current_database())::bigint as bytes`.execute(db);
    return rows[0]?.bytes ?? 0;
  }
  let total = 0;
  for (const path of file === null ? [] : [file, `${file}-wal`]) total += await stat(path).then((s) => s.size, () => 0);
  return total;
}
