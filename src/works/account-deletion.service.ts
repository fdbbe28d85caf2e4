// Deleting an account: the member chooses what becomes of their works. Orphaned, a posted work
// stays on the archive under the orphan account (co-created works simply lose their pseuds);
// deleted, it goes (a co-created one stays with its other creators). Drafts are always deleted:
// nobody else could post them. Each work is handed on in a transaction of its own, so an
// interrupted deletion is finished by asking again; the account itself goes last.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { invalid } from '../http/errors.js';
import { confirmOwnPassword, removeAccount } from '../accounts/user.service.js';
import { orphanWork } from './orphan.service.js';
import * as works from './work.repository.js';
import { changeWork, deleteWork } from './work.service.js';

export type WorksChoice = 'orphan' | 'delete';

/** Deletes the viewer's account after their password, handing on or deleting their works as chosen. */
export async function deleteOwnAccount(db: Kysely<Database>, viewer: Viewer, input: { password: string; works: string; confirmed: boolean }): Promise<void> {
  const user = requireUser(viewer);
  const fields: Record<string, string> = {};
  if (input.works !== 'orphan' && input.works !== 'delete') fields.works = 'Choose what becomes of your works.';
  if (!input.confirmed) fields.confirm = 'Tick the box to say you understand this cannot be undone.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const row = await confirmOwnPassword(db, user.id, input.password, 'deletePassword');
  if (row.is_admin === 1) throw invalid({ deletePassword: 'An administrator\'s account cannot be deleted from here: another administrator must take the role away first.' });
  for (const workId of await works.workIdsOfUser(db, user.id)) {
    const work = await works.findWork(db, workId);
    if (work === undefined) continue;
    const others = (await works.findCreatorsOfWorks(db, [workId])).some((c) => c.user_id !== user.id);
    if (others) await changeWork(db, workId, (trx) => works.replaceOwnCreators(trx, workId, user.id, []));
    else if (input.works === 'orphan' && work.posted === 1) await orphanWork(db, viewer, workId, false);
    else await deleteWork(db, viewer, workId);
  }
  await removeAccount(db, user.id);
}
