// Editing and deleting a pseud, with its works: a renamed pseud's works show the new name at
// once (their pages and sort keys are refreshed); a deleted pseud's works move to the member's
// default pseud, as its comments and bookmarks do.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { requireSelf } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { invalid } from '../http/errors.js';
import { dropPseud, editPseud, getPseud, listPseudsOf } from '../accounts/user.service.js';
import { inTransaction } from '../events/bus.js';
import { creatorSortKey } from './sort-keys.js';
import { refreshWorkPages } from './work.service.js';

const OWN_PSEUDS = { guest: 'Log in to change your pseuds.', other: 'You can only change your own pseuds.' };

async function worksOfPseud(db: Db, pseudId: number): Promise<number[]> {
  return (await db.selectFrom('work_creators').select('work_id').where('pseud_id', '=', pseudId).execute()).map((r) => r.work_id);
}

/** Each work's creator sort key from its first creator's pseud, as it is now (sort-keys.ts). */
async function resortCreators(trx: Db, workIds: number[]): Promise<void> {
  for (const workId of workIds) {
    const first = await trx.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id').select('pseuds.name')
      .where('work_creators.work_id', '=', workId).orderBy('work_creators.position').executeTakeFirst();
    await trx.updateTable('works').set({ creator_sort: creatorSortKey(first?.name) }).where('id', '=', workId).execute();
  }
}

export async function renamePseud(db: Kysely<Database>, viewer: Viewer, login: string, pseudName: string, input: { name: string; description: string }): Promise<void> {
  const user = requireSelf(viewer, login, OWN_PSEUDS);
  await inTransaction(db, async (trx) => {
    const pseud = await editPseud(trx, user, pseudName, input);
    const ids = await worksOfPseud(trx, pseud.id);
    await resortCreators(trx, ids);
    await refreshWorkPages(trx, ids);
  });
}

/** Deletes a pseud; its works move to the default pseud (a work that has both keeps one). */
export async function deletePseud(db: Kysely<Database>, viewer: Viewer, login: string, pseudName: string): Promise<void> {
  const user = requireSelf(viewer, login, OWN_PSEUDS);
  const pseud = await getPseud(db, user.id, pseudName);
  const fallback = (await listPseudsOf(db, user.id)).find((p) => p.is_default === 1);
  if (fallback === undefined || pseud.id === fallback.id) throw invalid({ name: 'Your default pseud cannot be deleted.' });
  await inTransaction(db, async (trx) => {
    const ids = await worksOfPseud(trx, pseud.id);
    for (const workId of ids) {
      const hasDefault = await trx.selectFrom('work_creators').select('pseud_id').where('work_id', '=', workId).where('pseud_id', '=', fallback.id).executeTakeFirst();
      if (hasDefault === undefined) await trx.updateTable('work_creators').set({ pseud_id: fallback.id }).where('work_id', '=', workId).where('pseud_id', '=', pseud.id).execute();
      else await trx.deleteFrom('work_creators').where('work_id', '=', workId).where('pseud_id', '=', pseud.id).execute();
    }
    await dropPseud(trx, user, pseud);
    await resortCreators(trx, ids);
    await refreshWorkPages(trx, ids);
  });
}
