// All SQL for the archive's own settings (chosen by administrators in the admin pages).
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

/** The stored values of these settings, by key (a setting never saved is missing). */
export async function findSettings(db: Db, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('archive_settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function saveSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('archive_settings').values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() })).execute();
}
