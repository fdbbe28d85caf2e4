// All SQL for walking synonyms and metatags.
import type { Db, TagType } from '../db/database.js';

export async function findMergers(db: Db, tagIds: number[]): Promise<Map<number, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db.selectFrom('tags').select(['id', 'merger_id']).where('id', 'in', tagIds).where('merger_id', 'is not', null).execute();
  return new Map(rows.flatMap((r) => (r.merger_id === null ? [] : [[r.id, r.merger_id] as const])));
}

export async function findSynonymsOf(db: Db, canonicalIds: number[]): Promise<number[]> {
  if (canonicalIds.length === 0) return [];
  return (await db.selectFrom('tags').select('id').where('merger_id', 'in', canonicalIds).execute()).map((r) => r.id);
}

export function findSubtagEdges(db: Db, metaIds: number[]): Promise<Array<{ meta_id: number; sub_id: number }>> {
  if (metaIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meta_tags').select(['meta_id', 'sub_id']).where('meta_id', 'in', metaIds).execute();
}

export function findMetaEdges(db: Db, subIds: number[]): Promise<Array<{ meta_id: number; sub_id: number }>> {
  if (subIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meta_tags').select(['meta_id', 'sub_id']).where('sub_id', 'in', subIds).execute();
}

export function findTagsOfType(db: Db, type: TagType): Promise<Array<{ id: number; name: string; canonical: 0 | 1; merger_id: number | null }>> {
  return db.selectFrom('tags').select(['id', 'name', 'canonical', 'merger_id']).where('type', '=', type).execute();
}

export function findMetaEdgesOfType(db: Db, type: TagType): Promise<Array<{ meta_id: number; sub_id: number }>> {
  return db.selectFrom('meta_tags').innerJoin('tags', 'tags.id', 'meta_tags.sub_id').select(['meta_tags.meta_id', 'meta_tags.sub_id'])
    .where('tags.type', '=', type).execute();
}
