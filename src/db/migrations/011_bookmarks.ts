// Bookmarks: a member's note on a work here or a work elsewhere (an external work: its address,
// title, creator, fandom, rating and summary), with their own tags, a rec flag and a private
// flag. A work's public bookmarks are counted in work_counters. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = isPg ? 'serial' : 'integer';
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('external_works')
    .addColumn('id', id, key)
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('creator', 'text', (c) => c.notNull())
    .addColumn('fandoms', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('bookmarks')
    .addColumn('id', id, key)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('cascade'))
    .addColumn('external_work_id', 'integer', (c) => c.references('external_works.id').onDelete('cascade'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('rec', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookmarks_user_work').on('bookmarks').columns(['user_id', 'work_id']).unique().execute();
  await db.schema.createIndex('bookmarks_work').on('bookmarks').columns(['work_id', 'id']).execute();
  await db.schema.createIndex('bookmarks_user').on('bookmarks').columns(['user_id', 'id']).execute();
  await db.schema.createTable('bookmark_tags')
    .addColumn('bookmark_id', 'integer', (c) => c.notNull().references('bookmarks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bookmark_tags_pk', ['bookmark_id', 'position'])
    .execute();
  await db.schema.createIndex('bookmark_tags_key').on('bookmark_tags').columns(['name_key', 'bookmark_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('bookmark_tags').execute();
  await db.schema.dropTable('bookmarks').execute();
  await db.schema.dropTable('external_works').execute();
}
