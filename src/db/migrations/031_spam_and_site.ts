// Spam held for review, and what the archive says to everyone: members trusted to post without
// review, the queue of held works and comments, the announcement banner, the terms of service
// and privacy policy with the version each member accepted, and messages sent through the
// contact form. Frozen: never import app code here.
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const serial = isPg ? 'serial' : 'integer';
  // Set once a moderator approves something the member wrote; members who were here before holds existed are trusted.
  await db.schema.alterTable('users').addColumn('trusted_at', 'text').execute();
  await sql`update users set trusted_at = created_at`.execute(db);
  // The version of the terms of service the member last accepted (0: none yet).
  await db.schema.alterTable('users').addColumn('terms_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.createTable('held_items')
    .addColumn('id', serial, key)
    // work or comment
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('held_items_target', ['kind', 'target_id'])
    .execute();

  await db.schema.createTable('announcements')
    .addColumn('id', serial, key)
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();

  // terms and privacy: each saved version kept, so what a member accepted can be shown.
  await db.schema.createTable('site_pages')
    .addColumn('id', serial, key)
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('site_pages_version', ['slug', 'version'])
    .execute();

  await db.schema.createTable('contact_messages')
    .addColumn('id', serial, key)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // open or answered
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('contact_messages_status').on('contact_messages').columns(['status', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['contact_messages', 'site_pages', 'announcements', 'held_items']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('users').dropColumn('terms_version').execute();
  await db.schema.alterTable('users').dropColumn('trusted_at').execute();
}
