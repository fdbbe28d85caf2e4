// A member's reading history and "Mark for Later": their own alone, each work as they may see it
// now, with "Updated since you last read" where chapters were posted since.
import { requireReadable, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { preferencesOf, savePreferences } from '../accounts/preferences.service.js';
import type { Db } from '../db/database.js';
import { forbidden, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { PER_PAGE, worksInOrder, type Page } from '../works/reading.service.js';
import type { ShownWork } from '../works/work.model.js';
import * as repo from './reading.repository.js';

export type ReadingEntry = { work: ShownWork; lastReadAt: string; visits: number; later: boolean; updatedSince: boolean };

function ownUser(viewer: Viewer, login: string) {
  const user = requireUser(viewer);
  if (user.login !== login) throw forbidden('A reading history is for its owner alone.');
  return user;
}

/** A page of the viewer's history (or what they marked for later), and whether history is kept. */
export async function readingsOf(db: Db, viewer: Viewer, login: string, laterOnly: boolean, page: number): Promise<{ page: Page<ReadingEntry>; history: boolean }> {
  const user = ownUser(viewer, login);
  const total = await repo.countReadings(db, user.id, laterOnly);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await repo.listReadings(db, user.id, laterOnly, PER_PAGE, (current - 1) * PER_PAGE);
  // Works the reader may no longer see (made a draft, say) drop out of the page.
  const works = new Map((await worksInOrder(db, viewer, rows.map((r) => r.work_id))).map((w) => [w.id, w]));
  const items = rows.flatMap((r): ReadingEntry[] => {
    const work = works.get(r.work_id);
    return work === undefined ? [] : [{ work, lastReadAt: r.last_read_at, visits: r.visits, later: r.later === 1, updatedSince: r.visits > 0 && r.chapters_now > r.chapters_then }];
  });
  return { page: { items, total, page: current, pages }, history: (await preferencesOf(db, user.id)).history };
}

/** Which of these works (as the viewer sees them) gained chapters since the viewer last read them. */
export async function updatedSinceRead(db: Db, viewer: Viewer, works: ReadonlyArray<{ id: number; chapterCount: number }>): Promise<Set<number>> {
  if (viewer.user === null || works.length === 0) return new Set();
  const then = await repo.chaptersWhenRead(db, viewer.user.id, works.map((w) => w.id));
  return new Set(works.filter((w) => w.chapterCount > (then.get(w.id) ?? Infinity)).map((w) => w.id));
}

/** Marks a posted work the viewer may read for later, or takes the mark off; returns the new state. */
export async function toggleLater(db: Db, viewer: Viewer, workId: number): Promise<boolean> {
  const user = requireUser(viewer, 'Log in to mark works for later.');
  const { row } = await requireReadable(db, viewer, workId);
  if (row.posted !== 1) throw notFound('work_not_found');
  const later = (await repo.findReading(db, user.id, workId))?.later !== 1;
  await repo.setLater(db, user.id, workId, later, nowIso());
  return later;
}

/** Whether the viewer marked a work for later (false for guests). */
export async function markedForLater(db: Db, viewer: Viewer, workId: number): Promise<boolean> {
  if (viewer.user === null) return false;
  return (await repo.findReading(db, viewer.user.id, workId))?.later === 1;
}

/** Forgets one work, or the whole history (works marked for later stay marked). */
export async function clearHistory(db: Db, viewer: Viewer, login: string, workId: number | null): Promise<void> {
  await repo.clearReadings(db, ownUser(viewer, login).id, workId);
}

/** Turns the viewer's reading history on or off. */
export async function setHistory(db: Db, viewer: Viewer, login: string, on: boolean): Promise<void> {
  await savePreferences(db, ownUser(viewer, login).id, { history: on });
}
