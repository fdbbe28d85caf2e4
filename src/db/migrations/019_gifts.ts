// Gifts: a work given to a member (who may refuse it) or to a name without an account here, and
// each member's choice to accept gifts at all. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('gifts')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // A member (then the name is their login when given), or only a name.
    .addColumn('recipient_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gifts_work_recipient').on('gifts').columns(['work_id', 'recipient_key']).unique().execute();
  await db.schema.createIndex('gifts_recipient').on('gifts').columns(['recipient_id', 'refused', 'work_id']).execute();
  await db.schema.alterTable('user_preferences').addColumn('accept_gifts', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('user_preferences').dropColumn('accept_gifts').execute();
  await db.schema.dropTable('gifts').execute();
}
