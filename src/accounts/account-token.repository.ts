// All SQL for one-time account tokens: only a token's SHA-256 is kept.
import type { AccountTokenTable, Db } from '../db/database.js';

export type TokenPurpose = AccountTokenTable['purpose'];

export async function insertToken(db: Db, row: { hash: string; userId: number; purpose: TokenPurpose; data: string; now: string; expiresAt: string }): Promise<void> {
  await db.insertInto('account_tokens').values({
    token_hash: row.hash, user_id: row.userId, purpose: row.purpose, data: row.data, created_at: row.now, expires_at: row.expiresAt, used_at: null,
  }).execute();
}

/** A live token (unused, unexpired) of one of these purposes, or undefined. */
export function findLiveToken(db: Db, hash: string, purposes: TokenPurpose[], now: string): Promise<{ user_id: number; purpose: TokenPurpose; data: string } | undefined> {
  return db.selectFrom('account_tokens').select(['user_id', 'purpose', 'data'])
    .where('token_hash', '=', hash).where('purpose', 'in', purposes).where('used_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a live token used, once: of two requests with the same token, only one gets the row. */
export function useToken(db: Db, hash: string, purposes: TokenPurpose[], now: string): Promise<{ user_id: number; purpose: TokenPurpose; data: string } | undefined> {
  return db.updateTable('account_tokens').set({ used_at: now })
    .where('token_hash', '=', hash).where('purpose', 'in', purposes).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning(['user_id', 'purpose', 'data'])
    .executeTakeFirst();
}

/** Drops a member's tokens of a purpose (a new reset link makes the older ones worthless). */
export async function deleteTokens(db: Db, userId: number, purpose: TokenPurpose): Promise<void> {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
}

export async function deleteSpentTokens(db: Db, now: string): Promise<void> {
  await db.deleteFrom('account_tokens').where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)])).execute();
}

/** The data of a member's newest live token of a purpose (the address a change waits on), or undefined. */
export async function findPendingData(db: Db, userId: number, purpose: TokenPurpose, now: string): Promise<string | undefined> {
  const row = await db.selectFrom('account_tokens').select('data').where('user_id', '=', userId).where('purpose', '=', purpose)
    .where('used_at', 'is', null).where('expires_at', '>', now).orderBy('created_at', 'desc').executeTakeFirst();
  return row?.data;
}
