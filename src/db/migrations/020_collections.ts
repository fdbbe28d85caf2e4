// Collections: works gathered by a community under one name, with owners, moderators and members,
// open or closed, moderated or not, anonymous and unrevealed until the maintainers reveal them.
// A work in such a collection carries the flags on its own row (works.anonymous, works.unrevealed),
// so that every door decides with the work alone. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const flag = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await db.schema.createTable('collections')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed', 'integer', flag)
    .addColumn('moderated', 'integer', flag)
    .addColumn('anonymous', 'integer', flag)
    .addColumn('unrevealed', 'integer', flag)
    // When the works and the creators are to be revealed (null: by hand), and whether they were.
    .addColumn('reveal_works_at', 'text')
    .addColumn('reveal_creators_at', 'text')
    .addColumn('works_revealed', 'integer', flag)
    .addColumn('creators_revealed', 'integer', flag)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('collection_participants')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_participants_pk', ['collection_id', 'user_id'])
    .execute();
  await db.schema.createIndex('collection_participants_user').on('collection_participants').columns(['user_id', 'role']).execute();
  await db.schema.createTable('collection_items')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // 0 while it waits for a maintainer of a moderated collection.
    .addColumn('approved', 'integer', flag)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collection_items_place').on('collection_items').columns(['collection_id', 'work_id']).unique().execute();
  await db.schema.createIndex('collection_items_work').on('collection_items').columns(['work_id']).execute();
  await db.schema.alterTable('works').addColumn('anonymous', 'integer', flag).execute();
  await db.schema.alterTable('works').addColumn('unrevealed', 'integer', flag).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('works').dropColumn('unrevealed').execute();
  await db.schema.alterTable('works').dropColumn('anonymous').execute();
  await db.schema.dropTable('collection_items').execute();
  await db.schema.dropTable('collection_participants').execute();
  await db.schema.dropTable('collections').execute();
}
