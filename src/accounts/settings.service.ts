// The archive's settings that administrators choose in the admin pages, with their defaults.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { emit, inTransaction } from '../events/bus.js';
import { requireAdmin } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { findSetting, saveSetting } from './settings.repository.js';

/** The settings and their defaults. */
export type ArchiveSettings = {
  /** New fandom, character and relationship tags are canonical when first used: for an archive without wranglers. */
  canonicalOnFirstUse: boolean;
  /** Guests may leave kudos (one per work per address), as on AO3. */
  guestKudos: boolean;
};

const DEFAULTS: ArchiveSettings = { canonicalOnFirstUse: false, guestKudos: true };

/** Each setting's key in the settings table. */
const KEYS: Record<keyof ArchiveSettings, string> = { canonicalOnFirstUse: 'canonical_on_first_use', guestKudos: 'guest_kudos' };

async function flag(db: Db, name: keyof ArchiveSettings): Promise<boolean> {
  const row = await findSetting(db, KEYS[name]);
  return row === undefined ? DEFAULTS[name] : row.value === 'true';
}

/** The archive's settings as they stand. */
export async function archiveSettings(db: Db): Promise<ArchiveSettings> {
  return { canonicalOnFirstUse: await flag(db, 'canonicalOnFirstUse'), guestKudos: await flag(db, 'guestKudos') };
}

/** Whether guests may leave kudos, alone: read once a second by the work page cache. */
export function guestKudosAllowed(db: Db): Promise<boolean> {
  return flag(db, 'guestKudos');
}

/** Saves the settings an administrator chose. */
export async function saveArchiveSettings(db: Kysely<Database>, viewer: Viewer, settings: ArchiveSettings): Promise<void> {
  requireAdmin(viewer);
  await inTransaction(db, async (trx) => {
    for (const name of Object.keys(KEYS) as Array<keyof ArchiveSettings>) await saveSetting(trx, KEYS[name], String(settings[name]));
    await emit(trx, { type: 'settings.changed' });
  });
}
