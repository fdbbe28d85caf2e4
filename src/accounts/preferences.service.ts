// A member's choices: whether comments on their works and replies to their comments also come by
// email (on by default; the inbox always has them), whether email comes one by one or gathered
// into a daily digest (one by one), whether a reading history is kept (on), whether others may
// give them works as gifts (yes), and how they read (READING_DEFAULTS: as a guest does).
import { READING_DEFAULTS, type ReadingChoices } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { isTimeZone } from '../lib/time-zones.js';

export type Preferences = { emailComments: boolean; emailDigest: boolean; history: boolean; acceptGifts: boolean } & ReadingChoices;

/** The choices on the preferences page (the reading history is switched on its own page). */
export type FormPreferences = Omit<Preferences, 'history'>;

const DEFAULTS: Preferences = { emailComments: true, emailDigest: false, history: true, acceptGifts: true, ...READING_DEFAULTS };

const READING_COLUMNS = ['view_adult', 'hide_warnings', 'hide_freeforms', 'view_full_work', 'time_zone'] as const;

/** The reading columns of a user_preferences row; all null for a member who has no row (see session.repository.ts). */
export type ReadingColumns = { view_adult: number | null; hide_warnings: number | null; hide_freeforms: number | null; view_full_work: number | null; time_zone: string | null };

/** A member's reading choices from their user_preferences row. */
export function readingChoices(row: ReadingColumns): ReadingChoices {
  return {
    showAdult: row.view_adult === 1, hideWarnings: row.hide_warnings === 1, hideFreeforms: row.hide_freeforms === 1,
    fullWork: row.view_full_work === 1, timeZone: row.time_zone ?? READING_DEFAULTS.timeZone,
  };
}

/** Members' email addresses and choices, by account id (members without a row have the defaults). */
export async function mailPreferences(db: Db, userIds: number[]): Promise<Map<number, { login: string; email: string; emailComments: boolean; digest: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').leftJoin('user_preferences', 'user_preferences.user_id', 'users.id')
    .select(['users.id', 'users.login', 'users.email', 'user_preferences.email_comments', 'user_preferences.email_digest']).where('users.id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, { login: r.login, email: r.email, emailComments: r.email_comments !== 0, digest: r.email_digest === 1 }]));
}

/** One member's choices. */
export async function preferencesOf(db: Db, userId: number): Promise<Preferences> {
  const row = await db.selectFrom('user_preferences').select(['email_comments', 'email_digest', 'history', 'accept_gifts', ...READING_COLUMNS]).where('user_id', '=', userId).executeTakeFirst();
  if (row === undefined) return DEFAULTS;
  return {
    emailComments: row.email_comments === 1, emailDigest: row.email_digest === 1, history: row.history === 1, acceptGifts: row.accept_gifts === 1,
    ...readingChoices(row),
  };
}

/** Saves one member's choices; a time zone not on the list is refused. */
export async function savePreferences(db: Db, userId: number, changes: Partial<Preferences>): Promise<void> {
  if (changes.timeZone !== undefined && !isTimeZone(changes.timeZone)) throw invalid({ time_zone: 'Choose a time zone from the list.' });
  const preferences = { ...(await preferencesOf(db, userId)), ...changes };
  const flag = (on: boolean) => (on ? 1 as const : 0 as const);
  const values = {
    email_comments: flag(preferences.emailComments), email_digest: flag(preferences.emailDigest), history: flag(preferences.history),
    accept_gifts: flag(preferences.acceptGifts), view_adult: flag(preferences.showAdult), hide_warnings: flag(preferences.hideWarnings),
    hide_freeforms: flag(preferences.hideFreeforms), view_full_work: flag(preferences.fullWork),
    time_zone: preferences.timeZone === READING_DEFAULTS.timeZone ? null : preferences.timeZone, updated_at: nowIso(),
  };
  await db.insertInto('user_preferences').values({ user_id: userId, ...values }).onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
}
