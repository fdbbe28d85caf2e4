// Registration by invitation: codes (from the queue, or given to members to share) and the queue
// of addresses waiting for one. Frozen: never import app code here.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('invitations')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // The member it was given to, to share; null for one sent from the queue.
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_owner').on('invitations').columns(['owner_id']).execute();
  await db.schema.createTable('invite_requests')
    .addColumn('id', isPg ? 'serial' : 'integer', key)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'integer', (c) => c.references('invitations.id').onDelete('set null'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('invite_requests').execute();
  await db.schema.dropTable('invitations').execute();
}
