// Tag wrangling (synonyms, metatags, fandom parents, unwrangleable, history), the wrangler
// role, autocomplete words, and the work columns listings sort and filter on. Frozen.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('users').addColumn('is_wrangler', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('tags').addColumn('merger_id', 'integer', (c) => c.references('tags.id').onDelete('set null')).execute();
  await db.schema.alterTable('tags').addColumn('unwrangleable', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('tags_merger_idx').on('tags').column('merger_id').execute();

  await db.schema.createTable('tag_parents')
    .addColumn('parent_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('tag_parents_pk', ['parent_id', 'child_id'])
    .execute();
  await db.schema.createIndex('tag_parents_child_idx').on('tag_parents').columns(['child_id', 'parent_id']).execute();

  await db.schema.createTable('meta_tags')
    .addColumn('meta_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('sub_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meta_tags_pk', ['meta_id', 'sub_id'])
    .execute();
  await db.schema.createIndex('meta_tags_sub_idx').on('meta_tags').columns(['sub_id', 'meta_id']).execute();

  await db.schema.createTable('tag_words')
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('tag_words_pk', ['word', 'tag_id'])
    .execute();
  await db.schema.createIndex('tag_words_tag_idx').on('tag_words').column('tag_id').execute();

  const id = isPg ? 'serial' : 'integer';
  await db.schema.createTable('tag_changes')
    .addColumn('id', id, (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('tag_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tag_changes_tag_idx').on('tag_changes').columns(['tag_id', 'created_at']).execute();

  await db.schema.alterTable('works').addColumn('title_sort', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('works').addColumn('creator_sort', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('works').addColumn('crossover', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update works set title_sort = lower(title)`.execute(db);
  await sql`update works set creator_sort = coalesce((select lower(p.name) from work_creators wc join pseuds p on p.id = wc.pseud_id
    where wc.work_id = works.id order by wc.position limit 1), '')`.execute(db);

  await db.schema.dropIndex('works_listing_idx').execute();
  await db.schema.createIndex('works_updated_idx').on('works').columns(['posted', 'revised_at', 'id']).execute();
  await db.schema.createIndex('works_published_idx').on('works').columns(['posted', 'published_on', 'id']).execute();
  await db.schema.createIndex('works_words_idx').on('works').columns(['posted', 'word_count', 'id']).execute();
  await db.schema.createIndex('works_title_idx').on('works').columns(['posted', 'title_sort', 'id']).execute();
  await db.schema.createIndex('works_creator_idx').on('works').columns(['posted', 'creator_sort', 'id']).execute();

  await backfillTagWords(db);
}

/** Autocomplete words for tags that exist already (the fixed ratings, warnings, categories and any typed ones). */
async function backfillTagWords(db: AnyDb): Promise<void> {
  const tags = await db.selectFrom('tags').select(['id', 'name']).execute() as Array<{ id: number; name: string }>;
  const rows = tags.flatMap((t) => [...new Set(t.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))]
    .map((word) => ({ word, tag_id: t.id })));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('tag_words').values(rows.slice(i, i + 500)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of ['works_updated_idx', 'works_published_idx', 'works_words_idx', 'works_title_idx', 'works_creator_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.createIndex('works_listing_idx').on('works').columns(['posted', 'revised_at']).execute();
  for (const column of ['title_sort', 'creator_sort', 'crossover']) await db.schema.alterTable('works').dropColumn(column).execute();
  for (const table of ['tag_changes', 'tag_words', 'meta_tags', 'tag_parents']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('tags_merger_idx').execute();
  await db.schema.alterTable('tags').dropColumn('unwrangleable').execute();
  await db.schema.alterTable('tags').dropColumn('merger_id').execute();
  await db.schema.alterTable('users').dropColumn('is_wrangler').execute();
}
