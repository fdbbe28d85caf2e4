// All SQL for a member's mutes.
import type { Db } from '../db/database.js';

export async function insertMute(db: Db, userId: number, kind: 'user' | 'tag', targetId: number, now: string): Promise<void> {
  await db.insertInto('mutes').values({ user_id: userId, kind, target_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'target_id']).doNothing()).execute();
}

export async function deleteMute(db: Db, userId: number, kind: 'user' | 'tag', targetId: number): Promise<void> {
  await db.deleteFrom('mutes').where('user_id', '=', userId).where('kind', '=', kind).where('target_id', '=', targetId).execute();
}

export function findMutes(db: Db, userId: number): Promise<Array<{ kind: 'user' | 'tag'; target_id: number }>> {
  return db.selectFrom('mutes').select(['kind', 'target_id']).where('user_id', '=', userId).execute();
}

/** The member's mutes with the names they show under. */
export async function listNamedMutes(db: Db, userId: number): Promise<Array<{ kind: 'user' | 'tag'; id: number; name: string }>> {
  const users = await db.selectFrom('mutes').innerJoin('users', 'users.id', 'mutes.target_id').select(['users.id', 'users.login as name'])
    .where('mutes.user_id', '=', userId).where('mutes.kind', '=', 'user').orderBy('users.login_key').execute();
  const tags = await db.selectFrom('mutes').innerJoin('tags', 'tags.id', 'mutes.target_id').select(['tags.id', 'tags.name'])
    .where('mutes.user_id', '=', userId).where('mutes.kind', '=', 'tag').orderBy('tags.name_key').execute();
  return [...users.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name })), ...tags.map((t) => ({ kind: 'tag' as const, id: t.id, name: t.name }))];
}
