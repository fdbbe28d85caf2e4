// The archive's settings that administrators choose in the admin pages, with their defaults.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { emit, inTransaction } from '../events/bus.js';
import { requireAdmin } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { invalid } from '../http/errors.js';
import { findSettings, saveSetting } from './settings.repository.js';

/** The settings and their defaults. */
export type ArchiveSettings = {
  /** New fandom, character and relationship tags are canonical when first used: for an archive without wranglers. */
  canonicalOnFirstUse: boolean;
  /** Guests may leave kudos (one per work per address), as on AO3. */
  guestKudos: boolean;
  /** Who may make an account: anyone, only someone with an invitation, or nobody. */
  registration: Registration;
  /** Invitations sent from the queue each day (0: only by hand). */
  invitationsPerDay: number;
  /** New members' works and comments wait for a moderator until one of them is approved. */
  holdNewAccounts: boolean;
  /** Words, phrases and domains (one per line) that send a work or comment to the moderators before anyone sees it. */
  bannedWords: string;
};

export const REGISTRATIONS = ['open', 'invitation', 'closed'] as const;
export type Registration = (typeof REGISTRATIONS)[number];

const DEFAULTS: ArchiveSettings = { canonicalOnFirstUse: false, guestKudos: true, registration: 'open', invitationsPerDay: 0, holdNewAccounts: false, bannedWords: '' };

/** The longest banned-words list kept. */
export const BANNED_WORDS_MAX = 20_000;

/** Each setting's key in the settings table. */
const KEYS: Record<keyof ArchiveSettings, string> = {
  canonicalOnFirstUse: 'canonical_on_first_use', guestKudos: 'guest_kudos', registration: 'registration', invitationsPerDay: 'invitations_per_day',
  holdNewAccounts: 'hold_new_accounts', bannedWords: 'banned_words',
};

/**
 * How long this process trusts the settings it read. Kudos and work pages read them on every
 * request; a change made here is seen at once, one made on another app server within a second.
 */
const FRESH_MS = 1000;
const read = new WeakMap<Db, { at: number; settings: Promise<ArchiveSettings> }>();

async function readSettings(db: Db): Promise<ArchiveSettings> {
  const rows = await findSettings(db, Object.values(KEYS));
  const flag = (name: 'canonicalOnFirstUse' | 'guestKudos' | 'holdNewAccounts') => {
    const value = rows.get(KEYS[name]);
    return value === undefined ? DEFAULTS[name] : value === 'true';
  };
  const registration = REGISTRATIONS.find((r) => r === rows.get(KEYS.registration)) ?? DEFAULTS.registration;
  const perDay = Number(rows.get(KEYS.invitationsPerDay) ?? DEFAULTS.invitationsPerDay);
  return {
    canonicalOnFirstUse: flag('canonicalOnFirstUse'), guestKudos: flag('guestKudos'), registration, invitationsPerDay: Number.isInteger(perDay) && perDay >= 0 ? perDay : 0,
    holdNewAccounts: flag('holdNewAccounts'), bannedWords: rows.get(KEYS.bannedWords) ?? DEFAULTS.bannedWords,
  };
}

/** The archive's settings as they stand (at most a second old when changed on another app server). */
export function archiveSettings(db: Db): Promise<ArchiveSettings> {
  const now = performance.now();
  const known = read.get(db);
  if (known !== undefined && now - known.at < FRESH_MS) return known.settings;
  const settings = readSettings(db);
  read.set(db, { at: now, settings });
  settings.catch(() => read.delete(db));
  return settings;
}

/** Whether guests may leave kudos. */
export async function guestKudosAllowed(db: Db): Promise<boolean> {
  return (await archiveSettings(db)).guestKudos;
}

/** Saves the settings an administrator chose. */
export async function saveArchiveSettings(db: Kysely<Database>, viewer: Viewer, settings: ArchiveSettings): Promise<void> {
  requireAdmin(viewer);
  if (settings.bannedWords.length > BANNED_WORDS_MAX) throw invalid({ bannedWords: `The list can be at most ${BANNED_WORDS_MAX.toLocaleString('en-US')} characters long.` });
  await inTransaction(db, async (trx) => {
    for (const name of Object.keys(KEYS) as Array<keyof ArchiveSettings>) await saveSetting(trx, KEYS[name], String(settings[name]));
    await emit(trx, { type: 'settings.changed' });
  });
  read.delete(db);
}
