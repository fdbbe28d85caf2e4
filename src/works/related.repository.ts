// All SQL for related works.
import type { Insertable, Selectable } from 'kysely';
import type { Db, WorkRelationTable } from '../db/database.js';

export type RelationRow = Selectable<WorkRelationTable>;

export async function insertRelation(db: Db, row: Insertable<WorkRelationTable>): Promise<void> {
  await db.insertInto('work_relations').values(row).execute();
}

export function findRelation(db: Db, id: number): Promise<RelationRow | undefined> {
  return db.selectFrom('work_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a work was inspired by or translates. */
export function parentsOf(db: Db, workId: number): Promise<RelationRow[]> {
  return db.selectFrom('work_relations').selectAll().where('work_id', '=', workId).orderBy('id').execute();
}

/** The works inspired by this one: approved ones, or (for its creators' review) all. */
export function childrenOf(db: Db, parentId: number, approvedOnly: boolean): Promise<RelationRow[]> {
  let query = db.selectFrom('work_relations').selectAll().where('parent_id', '=', parentId);
  if (approvedOnly) query = query.where('approved', '=', 1);
  return query.orderBy('id').execute();
}

export async function hasRelation(db: Db, workId: number, parent: { id: number | null; url: string | null }): Promise<boolean> {
  let query = db.selectFrom('work_relations').select('id').where('work_id', '=', workId);
  query = parent.id !== null ? query.where('parent_id', '=', parent.id) : query.where('parent_url', '=', parent.url);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function approveRelation(db: Db, id: number): Promise<void> {
  await db.updateTable('work_relations').set({ approved: 1 }).where('id', '=', id).execute();
}

export async function deleteRelation(db: Db, id: number): Promise<void> {
  await db.deleteFrom('work_relations').where('id', '=', id).execute();
}
