// All SQL for contests: settings, votes and their counts.
import type { Selectable, Updateable } from 'kysely';
import type { ContestSettingTable, Db } from '../db/database.js';

export type ContestSettings = Selectable<ContestSettingTable>;

/** A contest's settings, made with the defaults the first time they are asked for. */
export async function contestSettingsOf(db: Db, collectionId: number): Promise<ContestSettings> {
  const row = await db.selectFrom('contest_settings').selectAll().where('collection_id', '=', collectionId).executeTakeFirst();
  if (row !== undefined) return row;
  await db.insertInto('contest_settings').values({ collection_id: collectionId, submissions_close_at: null, voting_closes_at: null })
    .onConflict((oc) => oc.column('collection_id').doNothing()).execute();
  return db.selectFrom('contest_settings').selectAll().where('collection_id', '=', collectionId).executeTakeFirstOrThrow();
}

export async function updateContestSettings(db: Db, collectionId: number, patch: Updateable<ContestSettingTable>): Promise<void> {
  await db.updateTable('contest_settings').set(patch).where('collection_id', '=', collectionId).execute();
}

/** The member's votes in a contest, by category. */
export async function votesOf(db: Db, collectionId: number, userId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('contest_votes').select(['category', 'work_id']).where('collection_id', '=', collectionId).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.category, r.work_id]));
}

/** Records a vote; false when the member already voted in that category (one vote each, kept by the primary key). */
export async function insertVote(db: Db, row: { collection_id: number; category: string; user_id: number; work_id: number; created_at: string }): Promise<boolean> {
  const inserted = await db.insertInto('contest_votes').values(row).onConflict((oc) => oc.columns(['collection_id', 'category', 'user_id']).doNothing()).returning('work_id').execute();
  return inserted.length === 1;
}

/** Votes by category and work, most first. */
export async function voteCounts(db: Db, collectionId: number): Promise<Array<{ category: string; work_id: number; votes: number }>> {
  const rows = await db.selectFrom('contest_votes').select(['category', 'work_id', (eb) => eb.fn.countAll<number | string>().as('votes')])
    .where('collection_id', '=', collectionId).groupBy(['category', 'work_id']).orderBy('category').orderBy('votes', 'desc').orderBy('work_id').execute();
  return rows.map((r) => ({ category: r.category, work_id: r.work_id, votes: Number(r.votes) }));
}

/** Every ballot, for the maintainers' audit: who voted for what, and when. */
export function ballots(db: Db, collectionId: number): Promise<Array<{ category: string; login: string; work_id: number; created_at: string }>> {
  return db.selectFrom('contest_votes').innerJoin('users', 'users.id', 'contest_votes.user_id')
    .select(['contest_votes.category', 'users.login', 'contest_votes.work_id', 'contest_votes.created_at'])
    .where('contest_votes.collection_id', '=', collectionId).orderBy('contest_votes.category').orderBy('contest_votes.created_at').execute();
}
