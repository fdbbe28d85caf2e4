// Kudos: one per account per work, and one per guest address per work (kept as a keyed hash of
// the address, never the address itself). The count stays in work_counters. Frozen: never
// import app code here.
import { PostgresAdapter, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('kudos')
    .addColumn('id', isPg ? 'serial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('guest_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // NULLs are distinct in both databases: the account index holds members, the address index guests.
  await db.schema.createIndex('kudos_work_user').on('kudos').columns(['work_id', 'user_id']).unique().execute();
  await db.schema.createIndex('kudos_work_guest').on('kudos').columns(['work_id', 'guest_key']).unique().execute();
  await db.schema.createIndex('kudos_user').on('kudos').column('user_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('kudos').execute();
}
