// Counters apart from content: kudos, comments, bookmarks and hits live in their own table, so
// they can change many times a second without touching a work's row, and `works.version` is
// renamed `content_version`: it keys cached pages, downloads and the search document, and only
// a change of what the work says moves it. Frozen: never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('works').renameColumn('version', 'content_version').execute();
  await db.schema.createTable('work_counters')
    .addColumn('work_id', 'integer', (c) => c.primaryKey().references('works.id').onDelete('cascade'))
    .addColumn('kudos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bookmarks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('work_counters').execute();
  await db.schema.alterTable('works').renameColumn('content_version', 'version').execute();
}
