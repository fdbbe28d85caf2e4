// Reports and moderation: reports from readers, the roles of the archive's volunteers, works and
// comments hidden by moderators, members marked as spam, suspended or banned, and the log of
// every action. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  // Roles besides the administrator's (who has them all), comma-separated: policy_abuse, support, tag_wrangling.
  await db.schema.alterTable('users').addColumn('admin_roles', 'text', (c) => c.notNull().defaultTo('')).execute();
  // active, spam, suspended (until suspended_until), banned.
  await db.schema.alterTable('users').addColumn('standing', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await db.schema.alterTable('users').addColumn('suspended_until', 'text').execute();

  // A work hidden by moderators: only its creators see it, with the reason; the action that hid it, so undoing it unhides only what it hid.
  await db.schema.alterTable('works').addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('works').addColumn('hidden_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('works').addColumn('hidden_by_action', 'integer').execute();
  await db.schema.alterTable('comments').addColumn('removed_by_action', 'integer').execute();

  await db.schema.createTable('reports')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    // work, chapter, comment, bookmark, user
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_address', 'text', (c) => c.notNull())
    // open, resolved, dismissed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('reports_status').on('reports').columns(['status', 'id']).execute();
  await db.schema.createIndex('reports_target').on('reports').columns(['target_kind', 'target_id']).execute();

  await db.schema.createTable('moderation_actions')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // hide_work, unhide_work, delete_work, hide_comment, unhide_comment, delete_comment, spam, suspend, ban, restore_user
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    // The member whose content or account it was, to show their history.
    .addColumn('subject_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('moderation_actions_subject').on('moderation_actions').columns(['subject_id', 'id']).execute();
  await db.schema.createIndex('moderation_actions_target').on('moderation_actions').columns(['target_kind', 'target_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('moderation_actions').execute();
  await db.schema.dropTable('reports').execute();
  await db.schema.alterTable('comments').dropColumn('removed_by_action').execute();
  for (const column of ['hidden_by_action', 'hidden_reason', 'hidden']) await db.schema.alterTable('works').dropColumn(column).execute();
  for (const column of ['suspended_until', 'standing', 'admin_roles']) await db.schema.alterTable('users').dropColumn(column).execute();
}
