// All SQL for browser sessions and API tokens.
import type { Db, UserRow } from '../db/database.js';

export type NewSession = { id: string; userId: number; remember: boolean; now: string; expiresAt: string };

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db.insertInto('sessions').values({
    id: s.id, user_id: s.userId, remember: s.remember ? 1 : 0, created_at: s.now, seen_at: s.now, expires_at: s.expiresAt,
  }).execute();
}

/** The session's user with their reading choices (the columns of user_preferences, null without a row): pages need both. */
export type SessionWithUser = {
  user: UserRow; remember: 0 | 1; seenAt: string;
  reading: { view_adult: number | null; hide_warnings: number | null; hide_freeforms: number | null; view_full_work: number | null; time_zone: string | null };
};

export async function findLiveSession(db: Db, id: string, now: string): Promise<SessionWithUser | undefined> {
  // The preferences ride along in the same query: a member's page costs no extra round trip for them.
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_preferences as p', 'p.user_id', 'sessions.user_id')
    .selectAll('users').select(['sessions.remember', 'sessions.seen_at', 'p.view_adult', 'p.hide_warnings', 'p.hide_freeforms', 'p.view_full_work', 'p.time_zone'])
    .where('sessions.id', '=', id).where('sessions.expires_at', '>', now).executeTakeFirst();
  if (!row) return undefined;
  const { remember, seen_at, view_adult, hide_warnings, hide_freeforms, view_full_work, time_zone, ...user } = row;
  return { user, remember, seenAt: seen_at, reading: { view_adult, hide_warnings, hide_freeforms, view_full_work, time_zone } };
}

export async function touchSession(db: Db, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(db: Db, userId: number, tokenHash: string, name: string, now: string): Promise<void> {
  await db.insertInto('api_tokens').values({ user_id: userId, token_hash: tokenHash, name, created_at: now }).execute();
}

/** The token's user, and when the token was last used. */
export async function findUserByTokenHash(db: Db, tokenHash: string): Promise<{ user: UserRow; lastUsedAt: string | null } | undefined> {
  const row = await db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users').select('api_tokens.last_used_at as token_last_used_at').where('api_tokens.token_hash', '=', tokenHash).executeTakeFirst();
  if (row === undefined) return undefined;
  const { token_last_used_at: lastUsedAt, ...user } = row;
  return { user, lastUsedAt };
}

export async function markTokenUsed(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('token_hash', '=', tokenHash).execute();
}
