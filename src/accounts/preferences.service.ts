// A member's choices: whether comments on their works and replies to their comments also come by
// email (on by default; the inbox always has them), and whether a reading history is kept (on).
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export type Preferences = { emailComments: boolean; history: boolean };

/** Members' email addresses and choices, by account id (members without a row have the defaults). */
export async function mailPreferences(db: Db, userIds: number[]): Promise<Map<number, { login: string; email: string; emailComments: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').leftJoin('user_preferences', 'user_preferences.user_id', 'users.id')
    .select(['users.id', 'users.login', 'users.email', 'user_preferences.email_comments']).where('users.id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, { login: r.login, email: r.email, emailComments: r.email_comments !== 0 }]));
}

/** One member's choices. */
export async function preferencesOf(db: Db, userId: number): Promise<Preferences> {
  const row = await db.selectFrom('user_preferences').select(['email_comments', 'history']).where('user_id', '=', userId).executeTakeFirst();
  return { emailComments: row === undefined ? true : row.email_comments === 1, history: row === undefined ? true : row.history === 1 };
}

/** Saves one member's choices. */
export async function savePreferences(db: Db, userId: number, changes: Partial<Preferences>): Promise<void> {
  const preferences = { ...(await preferencesOf(db, userId)), ...changes };
  const values = { email_comments: preferences.emailComments ? 1 as const : 0 as const, history: preferences.history ? 1 as const : 0 as const, updated_at: nowIso() };
  await db.insertInto('user_preferences').values({ user_id: userId, ...values }).onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
}
