// All SQL for the crossover flag.
import type { Db } from '../db/database.js';

export function findFandomTaggings(db: Db, workIds: number[]): Promise<Array<{ work_id: number; tag_id: number }>> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('work_tags').innerJoin('tags', 'tags.id', 'work_tags.tag_id')
    .select(['work_tags.work_id', 'work_tags.tag_id']).where('tags.type', '=', 'fandom').where('work_tags.work_id', 'in', workIds).execute();
}

export async function findWorkIdsTaggedWith(db: Db, tagIds: number[]): Promise<number[]> {
  if (tagIds.length === 0) return [];
  const rows = await db.selectFrom('work_tags').select('work_id').distinct().where('tag_id', 'in', tagIds).execute();
  return rows.map((r) => r.work_id);
}

export async function setCrossoverFlags(db: Db, workIds: number[], flag: 0 | 1): Promise<void> {
  for (let i = 0; i < workIds.length; i += 500) {
    await db.updateTable('works').set({ crossover: flag }).where('id', 'in', workIds.slice(i, i + 500)).execute();
  }
}
