// Series: works gathered in order under one title, with a description and notes. A work may be in
// several series; two works never share a position in one. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('series')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
    // Who began it: with the creators of its works, they may change it.
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('series_works')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    // No foreign key: when a work is deleted, the series upkeep first tells the works beside it
    // (their pages link to it), then removes its places, in the deletion's own transaction.
    .addColumn('work_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_works_pk', ['series_id', 'work_id'])
    .addUniqueConstraint('series_works_position', ['series_id', 'position'])
    .execute();
  await db.schema.createIndex('series_works_work').on('series_works').columns(['work_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('series_works').execute();
  await db.schema.dropTable('series').execute();
}
