// Orphaning: a creator hands a work to the archive's shared orphan account, so the story stays
// after its writer leaves. They choose whether their pseud's name stays on it (as a pseud of the
// orphan account) or it is signed "orphan_account". On a co-created work only their own pseuds go;
// the work goes to the orphan account only when no other creator remains. It cannot be undone.
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { orphanPseud } from '../accounts/user.service.js';
import type { Database } from '../db/database.js';
import * as works from './work.repository.js';
import { changeWork } from './work.service.js';

/** Orphans the viewer's part of a work; returns whether the work went to the orphan account. */
export async function orphanWork(db: Kysely<Database>, viewer: Viewer, workId: number, keepPseud: boolean): Promise<boolean> {
  await requireCreator(db, viewer, workId);
  const user = requireUser(viewer);
  return changeWork(db, workId, async (trx) => {
    const creators = await works.findCreatorsOfWorks(trx, [workId]);
    const mine = creators.filter((c) => c.user_id === user.id);
    const others = creators.filter((c) => c.user_id !== user.id);
    const alone = others.length === 0;
    const orphans: number[] = [];
    if (alone) for (const c of mine) orphans.push(await orphanPseud(trx, keepPseud ? c.pseud : null));
    await works.replaceOwnCreators(trx, workId, user.id, [...new Set(orphans)]);
    await works.bumpVersions(trx, [workId]);
    return alone;
  });
}
