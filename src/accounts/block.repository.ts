// All SQL for blocks a member makes (the checks that read them are in access/blocking.ts).
import type { Db } from '../db/database.js';

export async function insertBlock(db: Db, blockerId: number, blockedId: number, now: string): Promise<void> {
  await db.insertInto('blocks').values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing()).execute();
}

export async function deleteBlock(db: Db, blockerId: number, blockedId: number): Promise<void> {
  await db.deleteFrom('blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute();
}

export function listBlocked(db: Db, blockerId: number): Promise<Array<{ login: string; created_at: string }>> {
  return db.selectFrom('blocks').innerJoin('users', 'users.id', 'blocks.blocked_id').select(['users.login', 'blocks.created_at'])
    .where('blocks.blocker_id', '=', blockerId).orderBy('users.login_key').execute();
}
