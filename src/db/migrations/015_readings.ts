// Reading history: the works a member read (when last, how often, how many chapters the work had
// then, so an update since shows), and "Mark for Later". A member can turn history off. Frozen:
// never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('readings')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('last_read_at', 'text', (c) => c.notNull())
    .addColumn('chapters_then', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('later', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('readings_pk', ['user_id', 'work_id'])
    .execute();
  await db.schema.createIndex('readings_recent').on('readings').columns(['user_id', 'last_read_at']).execute();
  await db.schema.alterTable('user_preferences').addColumn('history', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('user_preferences').dropColumn('history').execute();
  await db.schema.dropTable('readings').execute();
}
