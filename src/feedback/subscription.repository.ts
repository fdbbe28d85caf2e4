// All SQL for subscriptions: who follows a work, a creator or a series, and a member's list.
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';

export type SubscriptionKind = 'work' | 'creator' | 'series';
export type SubscriptionRow = { id: number; kind: SubscriptionKind; target_id: number; created_at: string; label: string };

export async function addSubscription(db: Db, userId: number, kind: SubscriptionKind, targetId: number): Promise<void> {
  await db.insertInto('subscriptions').values({ user_id: userId, kind, target_id: targetId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'target_id']).doNothing()).execute();
}

export async function removeSubscription(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findSubscription(db: Db, userId: number, kind: SubscriptionKind, targetId: number): Promise<number | undefined> {
  return (await db.selectFrom('subscriptions').select('id').where('user_id', '=', userId).where('kind', '=', kind).where('target_id', '=', targetId).executeTakeFirst())?.id;
}

/** The members following these targets. */
export async function subscribersOf(db: Db, kind: SubscriptionKind, targetIds: number[]): Promise<Array<{ id: number; user_id: number }>> {
  if (targetIds.length === 0) return [];
  return db.selectFrom('subscriptions').select(['id', 'user_id']).where('kind', '=', kind).where('target_id', 'in', targetIds).execute();
}

/** A member's subscriptions, newest first, with what each names (a work's title, a creator's login). */
export async function listSubscriptions(db: Db, userId: number): Promise<SubscriptionRow[]> {
  const rows = await db.selectFrom('subscriptions')
    .leftJoin('works', (join) => join.onRef('works.id', '=', 'subscriptions.target_id').on('subscriptions.kind', '=', 'work'))
    .leftJoin('users', (join) => join.onRef('users.id', '=', 'subscriptions.target_id').on('subscriptions.kind', '=', 'creator'))
    .leftJoin('series', (join) => join.onRef('series.id', '=', 'subscriptions.target_id').on('subscriptions.kind', '=', 'series'))
    .select(['subscriptions.id', 'subscriptions.kind', 'subscriptions.target_id', 'subscriptions.created_at', 'works.title', 'users.login', 'series.title as series_title'])
    .where('subscriptions.user_id', '=', userId).orderBy('subscriptions.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, target_id: r.target_id, created_at: r.created_at, label: r.title ?? r.login ?? r.series_title ?? '' }));
}

/** How many members follow each of these works. */
export async function countWorkSubscribers(db: Db, workIds: number[]): Promise<Map<number, number>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom('subscriptions').select(['target_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('kind', '=', 'work').where('target_id', 'in', workIds).groupBy('target_id').execute();
  return new Map(rows.map((r) => [r.target_id, Number(r.n)]));
}
