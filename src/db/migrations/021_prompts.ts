// Prompt memes: a collection takes prompts (a request, with tags, optionally anonymous); members
// claim them; works posted in response fill them. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  // What kind of challenge a collection runs, if any: prompt_meme, gift_exchange or contest.
  await db.schema.alterTable('collections').addColumn('challenge', 'text').execute();
  await db.schema.createTable('prompts')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Kept up to date with prompt_fills, so "unfilled" is an index away.
    .addColumn('filled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prompts_listing').on('prompts').columns(['collection_id', 'filled', 'id']).execute();
  await db.schema.createTable('prompt_tags')
    .addColumn('prompt_id', 'integer', (c) => c.notNull().references('prompts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_tags_pk', ['prompt_id', 'name_key'])
    .execute();
  await db.schema.createIndex('prompt_tags_key').on('prompt_tags').columns(['name_key', 'prompt_id']).execute();
  await db.schema.createTable('prompt_claims')
    .addColumn('prompt_id', 'integer', (c) => c.notNull().references('prompts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_claims_pk', ['prompt_id', 'user_id'])
    .execute();
  await db.schema.createTable('prompt_fills')
    .addColumn('prompt_id', 'integer', (c) => c.notNull().references('prompts.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_fills_pk', ['prompt_id', 'work_id'])
    .execute();
  await db.schema.createIndex('prompt_fills_work').on('prompt_fills').columns(['work_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('prompt_fills').execute();
  await db.schema.dropTable('prompt_claims').execute();
  await db.schema.dropTable('prompt_tags').execute();
  await db.schema.dropTable('prompts').execute();
  await db.schema.alterTable('collections').dropColumn('challenge').execute();
}
