// Bookmarks of series: a bookmark keeps a work here, a work elsewhere, or a series. Frozen: never
// import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // No foreign key: a deleted series' bookmarks simply show nowhere (a series is seen through its works).
  await db.schema.alterTable('bookmarks').addColumn('series_id', 'integer').execute();
  await db.schema.createIndex('bookmarks_user_series').on('bookmarks').columns(['user_id', 'series_id']).unique().execute();
  await db.schema.createIndex('bookmarks_series').on('bookmarks').columns(['series_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('bookmarks_series').execute();
  await db.schema.dropIndex('bookmarks_user_series').execute();
  await db.schema.alterTable('bookmarks').dropColumn('series_id').execute();
}
