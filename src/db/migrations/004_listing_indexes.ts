// Faster listings at 100,000 works: each work's rating on the row, and indexes that lead with
// what a guest may see (posted, not restricted) before the sort column. Frozen.
import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const SORT_COLUMNS = ['revised_at', 'published_on', 'word_count', 'title_sort', 'creator_sort'];
const FILTERED = ['rating_id', 'complete', 'crossover', 'word_count', 'language'];

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('works').addColumn('rating_id', 'integer', (c) => c.references('tags.id')).execute();
  await sql`update works set rating_id = (select wt.tag_id from work_tags wt join tags t on t.id = wt.tag_id
    where wt.work_id = works.id and t.type = 'rating' order by wt.position limit 1)`.execute(db);
  await db.schema.createIndex('works_visible_idx').on('works').columns(['posted', 'restricted', 'rating_id', 'id']).execute();
  // In sort order, then the columns filters test, so a filtered page reads only the index.
  for (const column of SORT_COLUMNS) {
    await db.schema.createIndex(`works_guest_${column}_idx`).on('works').columns(['posted', 'restricted', column, 'id', ...FILTERED.filter((c) => c !== column)]).execute();
  }
  // By id with everything listings filter and sort on (but text titles): the rows of a tag's works, without the rows.
  await db.schema.createIndex('works_listing_cover_idx').on('works').columns(['id', 'posted', 'restricted', ...FILTERED, 'revised_at', 'published_on']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('works_listing_cover_idx').execute();
  for (const column of SORT_COLUMNS) await db.schema.dropIndex(`works_guest_${column}_idx`).execute();
  await db.schema.dropIndex('works_visible_idx').execute();
  await db.schema.alterTable('works').dropColumn('rating_id').execute();
}
