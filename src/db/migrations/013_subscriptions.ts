// Subscriptions: a member follows a work (new chapters) or a creator (new works) and hears by
// email. Frozen: never import app code here.
import { PostgresAdapter, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('subscriptions')
    .addColumn('id', isPg ? 'serial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // work (its new chapters) | creator (their new works)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscriptions_unique').on('subscriptions').columns(['user_id', 'kind', 'target_id']).unique().execute();
  await db.schema.createIndex('subscriptions_target').on('subscriptions').columns(['kind', 'target_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('subscriptions').execute();
}
