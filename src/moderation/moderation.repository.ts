// All SQL for reports and the log of moderators' actions.
import type { Db, HeldItemTable, ModerationActionTable, ReportTable, ReportTargetKind } from '../db/database.js';
import type { Insertable, Selectable } from 'kysely';

export type ReportRow = Selectable<ReportTable>;
export type ActionRow = Selectable<ModerationActionTable> & { actor_login: string | null; subject_login: string | null };

export async function insertReport(db: Db, row: Insertable<ReportTable>): Promise<number> {
  const { id } = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listReports(db: Db, status: 'open' | 'closed', limit: number): Promise<ReportRow[]> {
  const query = db.selectFrom('reports').selectAll();
  return (status === 'open' ? query.where('status', '=', 'open') : query.where('status', '!=', 'open')).orderBy('id', status === 'open' ? 'asc' : 'desc').limit(limit).execute();
}

/** Other reports of the same thing. */
export function reportsOf(db: Db, kind: ReportTargetKind, targetId: number): Promise<ReportRow[]> {
  return db.selectFrom('reports').selectAll().where('target_kind', '=', kind).where('target_id', '=', targetId).orderBy('id', 'desc').execute();
}

export async function closeReport(db: Db, id: number, status: 'resolved' | 'dismissed', by: number, at: string): Promise<void> {
  await db.updateTable('reports').set({ status, closed_by: by, closed_at: at }).where('id', '=', id).where('status', '=', 'open').execute();
}

export async function insertAction(db: Db, row: Insertable<ModerationActionTable>): Promise<number> {
  const { id } = await db.insertInto('moderation_actions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

function actions(db: Db) {
  return db.selectFrom('moderation_actions')
    .leftJoin('users as actor', 'actor.id', 'moderation_actions.actor_id')
    .leftJoin('users as subject', 'subject.id', 'moderation_actions.subject_id')
    .selectAll('moderation_actions').select(['actor.login as actor_login', 'subject.login as subject_login']);
}

export function findAction(db: Db, id: number): Promise<ActionRow | undefined> {
  return actions(db).where('moderation_actions.id', '=', id).executeTakeFirst();
}

/** The log, newest first; or the actions on one member's content and account. */
export function listActions(db: Db, limit: number, subjectId?: number): Promise<ActionRow[]> {
  const query = actions(db);
  return (subjectId === undefined ? query : query.where('moderation_actions.subject_id', '=', subjectId)).orderBy('moderation_actions.id', 'desc').limit(limit).execute();
}

export async function markUndone(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const result = await db.updateTable('moderation_actions').set({ undone_at: at, undone_by: by }).where('id', '=', id).where('undone_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type HeldRow = Selectable<HeldItemTable> & { login: string | null };

/** Puts a work or comment in the review queue (once: holding it again keeps the first reason). */
export async function insertHeld(db: Db, row: Insertable<HeldItemTable>): Promise<void> {
  await db.insertInto('held_items').values(row).onConflict((oc) => oc.columns(['kind', 'target_id']).doNothing()).execute();
}

/** The review queue, oldest first. */
export function listHeld(db: Db, limit: number): Promise<HeldRow[]> {
  return db.selectFrom('held_items').leftJoin('users', 'users.id', 'held_items.user_id').selectAll('held_items').select('users.login')
    .orderBy('held_items.id').limit(limit).execute();
}

export function findHeld(db: Db, id: number): Promise<HeldRow | undefined> {
  return db.selectFrom('held_items').leftJoin('users', 'users.id', 'held_items.user_id').selectAll('held_items').select('users.login')
    .where('held_items.id', '=', id).executeTakeFirst();
}

/** Takes an item out of the queue; false when another moderator already did. */
export async function deleteHeld(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('held_items').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
