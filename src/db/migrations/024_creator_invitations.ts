// Co-creators by invitation: a creator invites another member's pseud; it becomes a creator of the
// work only when that member accepts. Frozen: never import app code here.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('creator_invitations')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id').onDelete('cascade'))
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('creator_invitations_pk', ['work_id', 'pseud_id'])
    .execute();
  await db.schema.createIndex('creator_invitations_pseud').on('creator_invitations').columns(['pseud_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('creator_invitations').execute();
}
