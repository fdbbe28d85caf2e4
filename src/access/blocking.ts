// Who has blocked whom, asked where an action reaches another member: a comment on their work or
// a reply to their comment, kudos, a gift, an invitation to co-create. Decided here, for every
// door that lets one member reach another.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** True when any creator of the work has blocked the account. */
export async function blockedByCreatorsOf(db: Db, workId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('blocks').select('blocks.blocker_id')
    .where('blocks.blocked_id', '=', userId)
    .where(sql<boolean>`exists (select 1 from work_creators bc inner join pseuds bp on bp.id = bc.pseud_id where bc.work_id = ${workId} and bp.user_id = blocks.blocker_id)`)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when `blockerId` has blocked `userId`. */
export async function blockedBy(db: Db, blockerId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', blockerId).where('blocked_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The accounts a member has blocked (whose comments they no longer see). */
export async function blockedIdsOf(db: Db, blockerId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('blocks').select('blocked_id').where('blocker_id', '=', blockerId).execute();
  return new Set(rows.map((r) => r.blocked_id));
}

/** The refusal a blocked member gets: it says what happened, not who. */
export function blockedError(what: string): AppError {
  return new AppError('forbidden', `You cannot ${what}: you have been blocked by someone it would reach.`);
}
