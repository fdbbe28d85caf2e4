// A member's choices: whether comments on their works and replies to their comments also come by
// email (on by default; the inbox always has them), whether email comes one by one or gathered
// into a daily digest (one by one), whether a reading history is kept (on), and whether others may
// give them works as gifts (yes).
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export type Preferences = { emailComments: boolean; emailDigest: boolean; history: boolean; acceptGifts: boolean };

/** Members' email addresses and choices, by account id (members without a row have the defaults). */
export async function mailPreferences(db: Db, userIds: number[]): Promise<Map<number, { login: string; email: string; emailComments: boolean; digest: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').leftJoin('user_preferences', 'user_preferences.user_id', 'users.id')
    .select(['users.id', 'users.login', 'users.email', 'user_preferences.email_comments', 'user_preferences.email_digest']).where('users.id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, { login: r.login, email: r.email, emailComments: r.email_comments !== 0, digest: r.email_digest === 1 }]));
}

/** One member's choices. */
export async function preferencesOf(db: Db, userId: number): Promise<Preferences> {
  const row = await db.selectFrom('user_preferences').select(['email_comments', 'email_digest', 'history', 'accept_gifts']).where('user_id', '=', userId).executeTakeFirst();
  if (row === undefined) return { emailComments: true, emailDigest: false, history: true, acceptGifts: true };
  return { emailComments: row.email_comments === 1, emailDigest: row.email_digest === 1, history: row.history === 1, acceptGifts: row.accept_gifts === 1 };
}

/** Saves one member's choices. */
export async function savePreferences(db: Db, userId: number, changes: Partial<Preferences>): Promise<void> {
  const preferences = { ...(await preferencesOf(db, userId)), ...changes };
  const flag = (on: boolean) => (on ? 1 as const : 0 as const);
  const values = {
    email_comments: flag(preferences.emailComments), email_digest: flag(preferences.emailDigest), history: flag(preferences.history),
    accept_gifts: flag(preferences.acceptGifts), updated_at: nowIso(),
  };
  await db.insertInto('user_preferences').values({ user_id: userId, ...values }).onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
}
