// A creator's statistics: for each of their posted works its hits, kudos, comments, bookmarks and
// subscriptions, with totals, and their works' hits by day for a chart. For the creator alone.
import { requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { forbidden } from '../http/errors.js';
import { listWorksForReader } from '../works/reading.service.js';
import { emptyFilter } from '../works/work-filter.js';
import { hitsByDay } from './hit.repository.js';
import { countWorkSubscribers } from './subscription.repository.js';

export const STAT_COLUMNS = ['hits', 'kudos', 'comments', 'bookmarks', 'subscriptions', 'words'] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];
export const PERIODS = { month: 30, year: 365, all: null } as const;
export type Period = keyof typeof PERIODS;

export type WorkStats = { id: number; title: string } & Record<StatColumn, number>;
export type CreatorStats = { works: WorkStats[]; totals: Record<StatColumn, number>; days: Array<{ day: string; hits: number }> };

/** Every posted work of the viewer's with its figures (a creator has at most a few thousand works). */
async function ownPostedWorks(db: Db, viewer: Viewer, userId: number) {
  const page = await listWorksForReader(db, viewer, { userId }, emptyFilter(), 1, 10_000);
  return page.items.filter((w) => w.posted);
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Fills the days with no hits, so the chart shows time as it passed. */
function everyDay(rows: Array<{ day: string; hits: number }>, from: string, to: string): Array<{ day: string; hits: number }> {
  const byDay = new Map<string, number>();
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.hits);
  const days: Array<{ day: string; hits: number }> = [];
  for (let at = new Date(`${from}T00:00:00Z`); day(at) <= to; at = new Date(at.getTime() + 86_400_000)) days.push({ day: day(at), hits: byDay.get(day(at)) ?? 0 });
  return days;
}

/** The viewer's own statistics (nobody sees another's), over a period for the chart. */
export async function creatorStats(db: Db, viewer: Viewer, login: string, period: Period, now = new Date()): Promise<CreatorStats> {
  const user = requireUser(viewer);
  if (user.login !== login) throw forbidden('Statistics are for their creator alone.');
  const works = await ownPostedWorks(db, viewer, user.id);
  const ids = works.map((w) => w.id);
  const subscribers = await countWorkSubscribers(db, ids);
  const rows: WorkStats[] = works.map((w) => ({
    id: w.id, title: w.title, hits: w.counters.hits, kudos: w.counters.kudos, comments: w.counters.comments, bookmarks: w.counters.bookmarks,
    subscriptions: subscribers.get(w.id) ?? 0, words: w.wordCount,
  }));
  const totals = Object.fromEntries(STAT_COLUMNS.map((c) => [c, rows.reduce((n, r) => n + r[c], 0)])) as Record<StatColumn, number>;
  const span = PERIODS[period];
  const hitRows = await hitsByDay(db, ids, span === null ? '0000-00-00' : day(new Date(now.getTime() - (span - 1) * 86_400_000)));
  const first = span === null ? hitRows[0]?.day ?? day(now) : day(new Date(now.getTime() - (span - 1) * 86_400_000));
  return { works: rows, totals, days: everyDay(hitRows, first, day(now)) };
}
