// Kudos: one per account per work, one per guest address per work when the archive allows guest
// kudos, never on one's own work, and only on a posted work the giver may read. The count is a
// counter (work-counter.service.ts), not content, added to once the kudos is stored (kudos-count.ts),
// so kudos on one work never queue on its counter.
import { blockedByCreatorsOf } from '../access/blocking.js';
import type { Kysely } from 'kysely';
import { requireReadable } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { archiveSettings } from '../accounts/settings.service.js';
import type { Database, Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { kudosCounter } from './kudos-count.js';
import { findKudosGivers, insertKudos, type KudosGivers } from './kudos.repository.js';
import { workCounters } from '../works/work-counter.service.js';

/** Names shown on the work page before "and N more users". */
export const KUDOS_NAMES_SHOWN = 50;
/** Names on each page of a work's full list of givers. */
export const KUDOS_PER_PAGE = 200;

export const KUDOS_MESSAGES = {
  left: 'Thank you for leaving kudos!',
  already: 'You have already left kudos here. :)',
  own: 'You can’t leave kudos on your own work.',
  blocked: 'You can’t leave kudos on this work: one of its creators has blocked you.',
  guests: 'Log in to leave kudos: on this archive only registered users can.',
} as const;

/** What leaving kudos did: left (with the work's new count), or not, because this giver already had. */
export type KudosOutcome = { left: true; count: number } | { left: false };

/** Leaves kudos as this viewer (a guest by the keyed hash of their address). */
export async function leaveKudos(db: Kysely<Database>, viewer: Viewer, workId: number, guestKey: string): Promise<KudosOutcome> {
  const { row, isCreator } = await requireReadable(db, viewer, workId);
  // Only its creators can open a draft, and they cannot leave kudos on it.
  if (row.posted !== 1 && !isCreator) throw notFound('work_not_found');
  if (isCreator) throw forbidden(KUDOS_MESSAGES.own);
  const user = viewer.user;
  if (user !== null && await blockedByCreatorsOf(db, workId, user.id)) throw forbidden(KUDOS_MESSAGES.blocked);
  if (user === null && !(await archiveSettings(db)).guestKudos) throw new AppError('unauthorized', KUDOS_MESSAGES.guests);
  const added = await insertKudos(db, workId, user === null ? { guestKey } : { userId: user.id });
  // The count is added to off this write (kudos-count.ts): the giver sees it once this resolves.
  return added ? { left: true, count: await kudosCounter(db).settle(workId) } : { left: false };
}

/** Who left kudos on a work the viewer may read, a page of account names at a time, with the work's title. */
export async function kudosGivers(db: Db, viewer: Viewer, workId: number, page: number): Promise<{ title: string; givers: KudosGivers }> {
  const { row } = await requireReadable(db, viewer, workId);
  return { title: row.title, givers: await findKudosGivers(db, workId, KUDOS_PER_PAGE, (Math.max(1, page) - 1) * KUDOS_PER_PAGE) };
}

/** The first givers of a work's kudos, for the line under the work (the work page decided who may see it). */
export function kudosLineGivers(db: Db, workId: number): Promise<KudosGivers> {
  return findKudosGivers(db, workId, KUDOS_NAMES_SHOWN);
}

/** A work's kudos count, as the work's stats show it. */
export async function kudosCount(db: Db, workId: number): Promise<number> {
  return (await workCounters(db, workId)).kudos;
}
