// Gift exchanges: a sign-up window, each participant's request and offer as tags, the rules the
// matching follows, and the assignments it makes (sent, fulfilled, defaulted, pinch-hit).
// Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('exchange_settings')
    .addColumn('collection_id', 'integer', (c) => c.primaryKey().references('collections.id').onDelete('cascade'))
    .addColumn('signups_open_at', 'text')
    .addColumn('signups_close_at', 'text')
    .addColumn('due_at', 'text')
    // How many fandoms a request or an offer may name.
    .addColumn('fandoms_max', 'integer', (c) => c.notNull().defaultTo(3))
    // Which tag types must match between an offer and a request (comma-separated), and how many tags of each.
    .addColumn('match_types', 'text', (c) => c.notNull().defaultTo('fandom'))
    .addColumn('match_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assignments_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('exchange_signups')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('request_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_signups_member').on('exchange_signups').columns(['collection_id', 'user_id']).unique().execute();
  await db.schema.createTable('exchange_tags')
    .addColumn('signup_id', 'integer', (c) => c.notNull().references('exchange_signups.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_tags_pk', ['signup_id', 'side', 'type', 'name_key'])
    .execute();
  await db.schema.createTable('exchange_assignments')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('giver_id', 'integer', (c) => c.notNull().references('exchange_signups.id').onDelete('cascade'))
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('exchange_signups.id').onDelete('cascade'))
    // Who writes it now: the giver, or the pinch hitter who took it over.
    .addColumn('writer_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('set null'))
    .addColumn('defaulted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinch_hit', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('exchange_assignments_collection').on('exchange_assignments').columns(['collection_id', 'giver_id']).execute();
  await db.schema.createIndex('exchange_assignments_writer').on('exchange_assignments').columns(['writer_user_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('exchange_assignments').execute();
  await db.schema.dropTable('exchange_tags').execute();
  await db.schema.dropTable('exchange_signups').execute();
  await db.schema.dropTable('exchange_settings').execute();
}
