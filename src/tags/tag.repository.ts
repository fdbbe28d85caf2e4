// All SQL for tags and the tags on works.
import type { Db, TagRow, TagType } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { tagWords } from './tag-words.js';

export function findTagsByKeys(db: Db, keys: string[]): Promise<TagRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').selectAll().where('name_key', 'in', keys).execute();
}

export async function insertTag(db: Db, type: TagType, name: string, nameKey: string): Promise<TagRow> {
  const tag = await db.insertInto('tags').values({ type, name, name_key: nameKey, canonical: 0, merger_id: null, created_at: nowIso() })
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

export function findFixedTags(db: Db): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('type', 'in', ['rating', 'warning', 'category']).execute();
}
