// The archive's settings that administrators choose in the admin pages, with their defaults.
import type { Db } from '../db/database.js';
import { requireAdmin } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { findSetting, saveSetting } from './settings.repository.js';

/** The settings and their defaults. */
export type ArchiveSettings = {
  /** New fandom, character and relationship tags are canonical when first used: for an archive without wranglers. */
  canonicalOnFirstUse: boolean;
};

const DEFAULTS: ArchiveSettings = { canonicalOnFirstUse: false };

/** The archive's settings as they stand. */
export async function archiveSettings(db: Db): Promise<ArchiveSettings> {
  const row = await findSetting(db, 'canonical_on_first_use');
  return { canonicalOnFirstUse: row === undefined ? DEFAULTS.canonicalOnFirstUse : row.value === 'true' };
}

/** Saves the settings an administrator chose. */
export async function saveArchiveSettings(db: Db, viewer: Viewer, settings: ArchiveSettings): Promise<void> {
  requireAdmin(viewer);
  await saveSetting(db, 'canonical_on_first_use', String(settings.canonicalOnFirstUse));
}
