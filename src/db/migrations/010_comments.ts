// Comments: on a chapter or on the whole work, threaded (each reply knows its parent, the root of
// its thread and its depth, so a page of threads is two indexed reads), from a member's pseud or a
// guest's name and email. A work can hold new comments for its creators' approval. Frozen: never
// import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('comments')
    .addColumn('id', isPg ? 'serial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_id', 'integer', (c) => c.references('chapters.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer')
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_email', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    // published | pending (waits for the creators' approval) | hidden (by the creators) | deleted (its text gone, its replies kept)
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  // Threads are pages of first comments in id order: partial indexes hold just those, with their
  // state, so a page and its count are read from the index alone. Without the state PostgreSQL
  // walked the primary key through every other work's comments to find a page.
  await db.schema.createIndex('comments_work_roots').on('comments').columns(['work_id', 'id', 'state']).where(sql.ref('parent_id'), 'is', null).execute();
  await db.schema.createIndex('comments_chapter_roots').on('comments').columns(['chapter_id', 'id', 'state']).where(sql.ref('parent_id'), 'is', null).execute();
  await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'id']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_user').on('comments').column('user_id').execute();
  await db.schema.alterTable('works').addColumn('comments_moderated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('works').dropColumn('comments_moderated').execute();
  await db.schema.dropTable('comments').execute();
}
