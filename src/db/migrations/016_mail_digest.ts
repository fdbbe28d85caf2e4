// A daily digest instead of one email per event: a member's choice, and the mail waiting to be
// gathered into their next digest. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.alterTable('user_preferences').addColumn('email_digest', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createTable('mail_digest_items')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // One line naming the event (the subject it would have had), then its part of the digest.
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_digest_items_user').on('mail_digest_items').columns(['user_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('mail_digest_items').execute();
  await db.schema.alterTable('user_preferences').dropColumn('email_digest').execute();
}
