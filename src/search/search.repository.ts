// SQL the search index reads from the archive's own tables (it writes only its own).
import type { Db } from '../db/database.js';
import { MEMBER_SCOPE } from '../access/scope.js';
import { chapterVisibleTo } from '../access/visibility.js';

/** Every work id, oldest first, for a full rebuild. */
export async function allWorkIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('works').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** The HTML of the chapters every member may read (what the index holds) of some works, to find which chapter a matching passage is in. */
export function postedChapterTexts(db: Db, workIds: number[]): Promise<Array<{ id: number; work_id: number; content: string }>> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('chapters').select(['id', 'work_id', 'content']).where('work_id', 'in', workIds).where(chapterVisibleTo(MEMBER_SCOPE))
    .orderBy('position').orderBy('id').execute();
}

/** The first such chapter's HTML of some works: where a passage is looked for first, before reading whole works. */
export function firstPostedChapterTexts(db: Db, workIds: number[]): Promise<Array<{ id: number; work_id: number; content: string }>> {
  if (workIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('chapters as c').select(['c.id', 'c.work_id', 'c.content']).where('c.work_id', 'in', workIds).where(chapterVisibleTo(MEMBER_SCOPE, 'c'))
    .where('c.position', '=', (eb) => eb.selectFrom('chapters as f').select((f) => f.fn.min('f.position').as('p'))
      .whereRef('f.work_id', '=', 'c.work_id').where(chapterVisibleTo(MEMBER_SCOPE, 'f')))
    .execute();
}
