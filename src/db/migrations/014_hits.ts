// Hits: one per visitor per work per day. The visitors already counted today (kept two days, so
// the count survives a restart and is shared by app servers) and each work's hits by day (for
// the creator's statistics). The total stays in work_counters. Frozen: never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('work_hit_visitors')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_hit_visitors_pk', ['work_id', 'day', 'visitor'])
    .execute();
  await db.schema.createIndex('work_hit_visitors_day').on('work_hit_visitors').column('day').execute();
  await db.schema.createTable('work_hit_days')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_hit_days_pk', ['work_id', 'day'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('work_hit_days').execute();
  await db.schema.dropTable('work_hit_visitors').execute();
}
