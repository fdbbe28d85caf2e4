// Subscriptions: a member follows a work (its new chapters), a creator (their new works) or a
// series (its new parts) and hears by email, with a link in each email that ends the subscription without logging in. Only a
// posted work is told of, and only to members (who may read registered-users-only works).
import type { Kysely } from 'kysely';
import { requireReadable, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences } from '../accounts/preferences.service.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { Database, Db } from '../db/database.js';
import { onWrite } from '../events/bus.js';
import { forbidden, invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { deliverMail } from '../mail/digest.js';
import { chapterForNotice, workForNotice } from '../works/reading.service.js';
import * as repo from './subscription.repository.js';
import type { SubscriptionKind, SubscriptionRow } from './subscription.repository.js';
import { updateMail } from './views/update-mail.js';
import { getSeriesForReader, seriesOfWork, seriesTitle } from '../series/series.service.js';

/** Follows a posted work the viewer may read. */
export async function subscribeToWork(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<void> {
  const user = requireUser(viewer, 'Log in to subscribe.');
  const { row } = await requireReadable(db, viewer, workId);
  if (row.posted !== 1) throw notFound('work_not_found');
  await repo.addSubscription(db, user.id, 'work', workId);
}

/** Follows a creator (never oneself). */
export async function subscribeToCreator(db: Kysely<Database>, viewer: Viewer, login: string): Promise<string> {
  const user = requireUser(viewer, 'Log in to subscribe.');
  const creator = await getUserByLogin(db, login);
  if (creator.id === user.id) throw invalid({ subscription: 'You can’t subscribe to yourself.' });
  await repo.addSubscription(db, user.id, 'creator', creator.id);
  return creator.login;
}

/** Follows a series the viewer may see. */
export async function subscribeToSeries(db: Kysely<Database>, viewer: Viewer, seriesId: number): Promise<string> {
  const user = requireUser(viewer, 'Log in to subscribe.');
  const series = await getSeriesForReader(db, viewer, seriesId);
  await repo.addSubscription(db, user.id, 'series', series.id);
  return series.title;
}

/** Ends one of the viewer's subscriptions. */
export async function unsubscribe(db: Db, viewer: Viewer, id: number): Promise<void> {
  const user = requireUser(viewer);
  if (!(await repo.removeSubscription(db, user.id, id))) throw notFound();
}

/** Ends a subscription from the link in its email (the signature proves it). */
export async function unsubscribeByLink(db: Db, userId: number, id: number): Promise<void> {
  await repo.removeSubscription(db, userId, id);
}

/** The viewer's own subscriptions (nobody sees another's). */
export async function subscriptionsOf(db: Db, viewer: Viewer, login: string): Promise<SubscriptionRow[]> {
  const user = requireUser(viewer);
  if (user.login !== login) throw forbidden('Subscriptions are for their owner alone.');
  return repo.listSubscriptions(db, user.id);
}

/** The viewer's subscription to a work or a creator, if any (for the Subscribe / Unsubscribe button). */
export async function subscriptionTo(db: Db, viewer: Viewer, kind: SubscriptionKind, targetId: number): Promise<number | null> {
  if (viewer.user === null) return null;
  return (await repo.findSubscription(db, viewer.user.id, kind, targetId)) ?? null;
}

type Update = { chapter: { number: number; title: string } | null; series?: string };

async function tellSubscribers(trx: Db, workId: number, subscribers: Array<{ id: number; user_id: number }>, what: Update): Promise<void> {
  const work = await workForNotice(trx, workId);
  // A work of an unrevealed collection, or one out of readers' sight, is told of to nobody until it shows.
  if (work?.tellable !== true) return;
  // Creators are not told of their own work; a member following both the work and its creator hears once.
  const told = new Map<number, number>();
  for (const s of subscribers) if (!work.creatorIds.includes(s.user_id) && !told.has(s.user_id)) told.set(s.user_id, s.id);
  const people = await mailPreferences(trx, [...told.keys()]);
  for (const [userId, subscriptionId] of told) {
    const person = people.get(userId);
    if (person === undefined) continue;
    await deliverMail(trx, { userId, digest: person.digest }, updateMail({ to: person.email, login: person.login, userId, subscriptionId, workId, workTitle: work.title, ...what }), nowIso());
  }
}

/** Tells the followers of a new work's series and of its creators (each member once). */
async function tellOfNewWork(trx: Db, workId: number): Promise<void> {
  const work = await workForNotice(trx, workId);
  if (work === undefined) return;
  // A new work that is also a new part of a followed series says so; each member hears once.
  const told = new Set<number>();
  const unheard = (subscribers: Array<{ id: number; user_id: number }>) => subscribers.filter((s) => !told.has(s.user_id));
  for (const series of await seriesOfWork(trx, workId)) {
    const followers = unheard(await repo.subscribersOf(trx, 'series', [series.id]));
    await tellSubscribers(trx, workId, followers, { chapter: null, series: series.title });
    for (const f of followers) told.add(f.user_id);
  }
  // Telling a creator's followers of a work of an anonymous collection would name its creator.
  if (!work.anonymous) await tellSubscribers(trx, workId, unheard(await repo.subscribersOf(trx, 'creator', work.creatorIds)), { chapter: null });
}

/** Called once by wiring.ts: new chapters and new works reach their subscribers' email. */
export function subscribeUpdates(): Array<() => void> {
  return [
    onWrite('chapter.posted', async (trx, event) => {
      const chapter = await chapterForNotice(trx, event.workId, event.chapterId);
      await tellSubscribers(trx, event.workId, await repo.subscribersOf(trx, 'work', [event.workId]), { chapter: chapter ?? null });
    }),
    onWrite('work.posted', (trx, event) => tellOfNewWork(trx, event.workId)),
    // A work kept back by its unrevealed collection is news to its followers when it is revealed.
    onWrite('work.revealed', (trx, event) => tellOfNewWork(trx, event.workId)),
    onWrite('series.extended', async (trx, event) => {
      const title = await seriesTitle(trx, event.seriesId);
      if (title !== undefined) await tellSubscribers(trx, event.workId, await repo.subscribersOf(trx, 'series', [event.seriesId]), { chapter: null, series: title });
    }),
  ];
}
