// All SQL for wrangling tags: canonical status, synonyms, fandom parents, metatags, history.
import { sql } from 'kysely';
import type { Db, TagRow, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { tagVisibleTo } from '../access/visibility.js';

export async function updateTag(db: Db, tagId: number, patch: Partial<Pick<TagRow, 'canonical' | 'merger_id' | 'unwrangleable' | 'name'>>): Promise<void> {
  await db.updateTable('tags').set(patch).where('id', '=', tagId).execute();
}

export function findTagById(db: Db, id: number): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTagsByIds(db: Db, ids: number[]): Promise<TagRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').selectAll().where('id', 'in', ids).orderBy('name_key').execute();
}

/** A canonical tag's synonyms; with a scope, only those whose names it may see. */
export function findSynonyms(db: Db, tagId: number, scope?: Scope): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('merger_id', '=', tagId).$if(scope !== undefined, (q) => q.where(tagVisibleTo(scope as Scope)))
    .orderBy('name_key').execute();
}

export async function insertParent(db: Db, parentId: number, childId: number): Promise<void> {
  await db.insertInto('tag_parents').values({ parent_id: parentId, child_id: childId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteParent(db: Db, parentId: number, childId: number): Promise<void> {
  await db.deleteFrom('tag_parents').where('parent_id', '=', parentId).where('child_id', '=', childId).execute();
}

/** The fandoms a tag belongs to; with a scope, only those whose names it may see. */
export function findParents(db: Db, childId: number, scope?: Scope): Promise<TagRow[]> {
  return db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.parent_id').selectAll('tags')
    .where('tag_parents.child_id', '=', childId).$if(scope !== undefined, (q) => q.where(tagVisibleTo(scope as Scope)))
    .orderBy('tags.name_key').execute();
}

/** A fandom's characters, relationships or additional tags whose names the scope may see. */
export function findChildren(db: Db, scope: Scope, parentId: number, type: TagType, limit: number): Promise<TagRow[]> {
  return db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.child_id').selectAll('tags')
    .where('tag_parents.parent_id', '=', parentId).where('tags.type', '=', type).where(tagVisibleTo(scope))
    .orderBy('tags.name_key').limit(limit).execute();
}

export async function insertMeta(db: Db, metaId: number, subId: number): Promise<void> {
  await db.insertInto('meta_tags').values({ meta_id: metaId, sub_id: subId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteMeta(db: Db, metaId: number, subId: number): Promise<void> {
  await db.deleteFrom('meta_tags').where('meta_id', '=', metaId).where('sub_id', '=', subId).execute();
}

/** A tag's metatags; with a scope, only those whose names it may see. */
export function findMetas(db: Db, subId: number, scope?: Scope): Promise<TagRow[]> {
  return db.selectFrom('meta_tags').innerJoin('tags', 'tags.id', 'meta_tags.meta_id').selectAll('tags')
    .where('meta_tags.sub_id', '=', subId).$if(scope !== undefined, (q) => q.where(tagVisibleTo(scope as Scope)))
    .orderBy('tags.name_key').execute();
}

/** A tag's subtags; with a scope, only those whose names it may see. */
export function findSubs(db: Db, metaId: number, scope?: Scope): Promise<TagRow[]> {
  return db.selectFrom('meta_tags').innerJoin('tags', 'tags.id', 'meta_tags.sub_id').selectAll('tags')
    .where('meta_tags.meta_id', '=', metaId).$if(scope !== undefined, (q) => q.where(tagVisibleTo(scope as Scope)))
    .orderBy('tags.name_key').execute();
}

/** Whether a fandom has tags attached to it (any type). */
export async function hasChildren(db: Db, parentId: number): Promise<boolean> {
  return (await db.selectFrom('tag_parents').select('child_id').where('parent_id', '=', parentId).limit(1).executeTakeFirst()) !== undefined;
}

export type NewChange = { tagId: number; tagName: string; userId: number | null; action: string; detail: string; at: string };

export async function insertChange(db: Db, c: NewChange): Promise<void> {
  await db.insertInto('tag_changes').values({ tag_id: c.tagId, tag_name: c.tagName, user_id: c.userId, action: c.action, detail: c.detail, created_at: c.at }).execute();
}

export type ChangeRow = { tag_name: string; action: string; detail: string; created_at: string; login: string | null };

export function findChanges(db: Db, tagId: number, limit: number): Promise<ChangeRow[]> {
  return db.selectFrom('tag_changes').leftJoin('users', 'users.id', 'tag_changes.user_id')
    .select(['tag_changes.tag_name', 'tag_changes.action', 'tag_changes.detail', 'tag_changes.created_at', 'users.login'])
    .where('tag_changes.tag_id', '=', tagId).orderBy('tag_changes.id', 'desc').limit(limit).execute();
}

/**
 * Tags that still need a wrangler's decision (not canonical, not a synonym, not unwrangleable),
 * used on works in the given fandoms, with how many works use each.
 */
export function findUnwrangled(db: Db, fandomIds: number[], type: TagType, limit: number): Promise<Array<TagRow & { uses: number }>> {
  return db.selectFrom('tags').selectAll('tags')
    .select((eb) => eb.selectFrom('work_tags').select((e) => e.fn.countAll<number>().as('n')).whereRef('work_tags.tag_id', '=', 'tags.id').as('uses'))
    .where('tags.type', '=', type).where('tags.canonical', '=', 0).where('tags.merger_id', 'is', null).where('tags.unwrangleable', '=', 0)
    .where((eb) => eb.exists(eb.selectFrom('work_tags as mine').innerJoin('work_tags as fandom', 'fandom.work_id', 'mine.work_id')
      .whereRef('mine.tag_id', '=', 'tags.id').where('fandom.tag_id', 'in', fandomIds).select(sql`1`.as('one'))))
    .orderBy('tags.name_key').limit(limit).execute() as Promise<Array<TagRow & { uses: number }>>;
}
