// Contests: a collection with a submission window, categories, and members' votes (one per member
// per category), counted when voting closes. Frozen: never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('contest_settings')
    .addColumn('collection_id', 'integer', (c) => c.primaryKey().references('collections.id').onDelete('cascade'))
    .addColumn('submissions_close_at', 'text')
    .addColumn('voting_closes_at', 'text')
    // One category a line.
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('Best work'))
    .execute();
  await db.schema.createTable('contest_votes')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_votes_pk', ['collection_id', 'category', 'user_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('contest_votes').execute();
  await db.schema.dropTable('contest_settings').execute();
}
