// Related works: a work inspired by (or translating) another, here or elsewhere. The link shows on
// the new work at once, and on the original once its creators approve. Frozen: never import app code.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('work_relations')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // A work here, or (null) one elsewhere described by its address, title and creator.
    .addColumn('parent_id', 'integer', (c) => c.references('works.id').onDelete('cascade'))
    .addColumn('parent_url', 'text')
    .addColumn('parent_title', 'text')
    .addColumn('parent_creator', 'text')
    .addColumn('translation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_relations_work').on('work_relations').columns(['work_id']).execute();
  await db.schema.createIndex('work_relations_parent').on('work_relations').columns(['parent_id', 'approved']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('work_relations').execute();
}
