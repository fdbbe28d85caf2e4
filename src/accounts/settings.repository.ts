// All SQL for the archive's own settings (chosen by administrators in the admin pages).
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export function findSetting(db: Db, key: string): Promise<{ value: string } | undefined> {
  return db.selectFrom('archive_settings').select('value').where('key', '=', key).executeTakeFirst();
}

export async function saveSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('archive_settings').values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() })).execute();
}
