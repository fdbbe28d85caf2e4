// All SQL for tags and the tags on works.
import type { Expression, SqlBool } from 'kysely';
import type { Db, TagRow, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { tagVisibleTo, workVisibleTo } from '../access/visibility.js';
import { nowIso } from '../lib/clock.js';
import { tagWords } from './tag-words.js';

export function findTagsByKeys(db: Db, keys: string[]): Promise<TagRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').selectAll().where('name_key', 'in', keys).execute();
}

export async function insertTag(db: Db, type: TagType, name: string, nameKey: string, canonical = false): Promise<TagRow> {
  const tag = await db.insertInto('tags').values({ type, name, name_key: nameKey, canonical: canonical ? 1 : 0, merger_id: null, created_at: nowIso() })
    .returningAll().executeTakeFirstOrThrow();
  await replaceTagWords(db, tag.id, name);
  return tag;
}

/** Keeps the autocomplete words of a tag in step with its name. */
export async function replaceTagWords(db: Db, tagId: number, name: string): Promise<void> {
  await db.deleteFrom('tag_words').where('tag_id', '=', tagId).execute();
  const words = tagWords(name);
  if (words.length > 0) await db.insertInto('tag_words').values(words.map((word) => ({ word, tag_id: tagId }))).execute();
}

export async function replaceWorkTags(db: Db, workId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('work_tags').where('work_id', '=', workId).execute();
  if (tagIds.length === 0) return;
  await db.insertInto('work_tags').values(tagIds.map((tagId, position) => ({ work_id: workId, tag_id: tagId, position }))).execute();
}

export type WorkTag = { work_id: number; id: number; type: TagType; name: string };

export async function findTagsOfWorks(db: Db, workIds: number[]): Promise<WorkTag[]> {
  if (workIds.length === 0) return [];
  // Two plain lookups by key: PostgreSQL otherwise tends to hash-join the whole tags table.
  const links = await db.selectFrom('work_tags').select(['work_id', 'tag_id', 'position']).where('work_id', 'in', workIds).orderBy('position').execute();
  const ids = [...new Set(links.map((l) => l.tag_id))];
  const tags = ids.length === 0 ? [] : await db.selectFrom('tags').select(['id', 'type', 'name']).where('id', 'in', ids).execute();
  const byId = new Map(tags.map((t) => [t.id, t]));
  return links.flatMap((l) => {
    const tag = byId.get(l.tag_id);
    return tag === undefined ? [] : [{ work_id: l.work_id, id: tag.id, type: tag.type, name: tag.name }];
  });
}

export function findTagByKey(db: Db, key: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('name_key', '=', key).executeTakeFirst();
}

/** A tag by folded name, if the scope may see its name. */
export function findVisibleTagByKey(db: Db, scope: Scope, key: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('name_key', '=', key).where(tagVisibleTo(scope)).executeTakeFirst();
}

/** Tags by folded name, those the scope may see. */
export function findVisibleTagsByKeys(db: Db, scope: Scope, keys: string[]): Promise<TagRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').selectAll().where('name_key', 'in', keys).where(tagVisibleTo(scope)).execute();
}

/** How many works the scope may see carry any of these tags (each work once). */
export async function countVisibleWorksTagged(db: Db, scope: Scope, tagIds: number[], notMuted: WorkCondition | null = null): Promise<number> {
  if (tagIds.length === 0) return 0;
  let query = db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('works.id', 'in', (eb) => eb.selectFrom('work_tags').select('work_tags.work_id').where('work_tags.tag_id', 'in', tagIds))
    .where(workVisibleTo(scope));
  if (notMuted !== null) query = query.where((eb) => notMuted(eb.ref('works.id')));
  const row = await query.executeTakeFirstOrThrow();
  return row.n;
}

/** A condition on a column of work ids (a reader's mutes, which the works domain owns). */
export type WorkCondition = (workId: Expression<number>) => Expression<SqlBool>;

/** Pairs of (work, tag) for every tag of one type on the works a scope may see (general listings: no drafts). */
export function findVisibleTaggings(db: Db, scope: Scope, type: TagType): Promise<Array<{ work_id: number; tag_id: number }>> {
  return db.selectFrom('work_tags').innerJoin('tags', 'tags.id', 'work_tags.tag_id').innerJoin('works', 'works.id', 'work_tags.work_id')
    .select(['work_tags.work_id', 'work_tags.tag_id']).where('tags.type', '=', type).where(workVisibleTo(scope)).execute();
}

export function findFixedTags(db: Db): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('type', 'in', ['rating', 'warning', 'category']).execute();
}
