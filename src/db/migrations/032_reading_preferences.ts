// How a member likes to read: adult works without the notice, archive warnings and additional tags
// folded until clicked, the entire work on one page, and the time zone their dates are shown in
// (null: UTC). Frozen: never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const FLAGS = ['view_adult', 'hide_warnings', 'hide_freeforms', 'view_full_work'] as const;

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite adds only one at a time.
  for (const flag of FLAGS) await db.schema.alterTable('user_preferences').addColumn(flag, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('user_preferences').addColumn('time_zone', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of [...FLAGS, 'time_zone']) await db.schema.alterTable('user_preferences').dropColumn(column).execute();
}
