// All SQL for kudos: who left them on a work, one per account and one per guest address.
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

/** Who left kudos on a work: the newest accounts first (up to a limit), and how many accounts and guests in all. */
export type KudosGivers = { logins: string[]; members: number; guests: number };

/** Records one kudos; false when this account or address had already left one on the work. */
export async function insertKudos(db: Db, workId: number, giver: { userId: number } | { guestKey: string }): Promise<boolean> {
  const member = 'userId' in giver;
  const result = await db.insertInto('kudos')
    .values({ work_id: workId, user_id: member ? giver.userId : null, guest_key: member ? null : giver.guestKey, created_at: nowIso(), counted: 0 })
    .onConflict((oc) => oc.columns(member ? ['work_id', 'user_id'] : ['work_id', 'guest_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Marks a work's uncounted kudos counted; answers how many it marked, for the count to add in the same transaction. */
export async function markKudosCounted(db: Db, workId: number): Promise<number> {
  const result = await db.updateTable('kudos').set({ counted: 1 }).where('work_id', '=', workId).where('counted', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Works with kudos their count does not include yet (a process stopped before counting them), lowest id first. */
export async function worksWithUncountedKudos(db: Db, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('kudos').select('work_id').distinct().where('counted', '=', 0).orderBy('work_id').limit(limit).execute();
  return rows.map((r) => r.work_id);
}

/** The givers of a work's kudos, `limit` logins from `offset`, newest first. */
export async function findKudosGivers(db: Db, workId: number, limit: number, offset = 0): Promise<KudosGivers> {
  const counts = await db.selectFrom('kudos')
    .select((eb) => [eb.fn.count<number | string>('user_id').as('members'), eb.fn.count<number | string>('guest_key').as('guests')])
    .where('work_id', '=', workId).executeTakeFirstOrThrow();
  const rows = limit === 0 ? [] : await db.selectFrom('kudos').innerJoin('users', 'users.id', 'kudos.user_id')
    .select('users.login').where('kudos.work_id', '=', workId)
    .orderBy('kudos.id', 'desc').limit(limit).offset(offset).execute();
  return { logins: rows.map((r) => r.login), members: Number(counts.members), guests: Number(counts.guests) };
}

/** True when this account has left kudos on the work. */
export async function hasLeftKudos(db: Db, workId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('kudos').select('id').where('work_id', '=', workId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
