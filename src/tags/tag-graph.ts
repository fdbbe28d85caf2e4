// How tags relate when readers look for works: a tag stands for itself, its synonyms and,
// through metatags, every subtag below it (and their synonyms). Fandom roots decide crossovers.
import type { Db } from '../db/database.js';
import { findMergers, findMetaEdges, findSynonymsOf, findSubtagEdges } from './tag-graph.repository.js';

/** The canonical tag a tag stands for: its merger if it is a synonym, otherwise itself. */
export async function canonicalIds(db: Db, tagIds: number[]): Promise<Map<number, number>> {
  const mergers = await findMergers(db, tagIds);
  return new Map(tagIds.map((id) => [id, mergers.get(id) ?? id]));
}

/** Every tag id whose works count as works "of" the given tag. */
export async function expandTag(db: Db, tagId: number): Promise<number[]> {
  const start = (await canonicalIds(db, [tagId])).get(tagId) ?? tagId;
  const found = new Set<number>([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next = (await findSubtagEdges(db, frontier)).map((e) => e.sub_id).filter((id) => !found.has(id));
    for (const id of next) found.add(id);
    frontier = next;
  }
  for (const synonym of await findSynonymsOf(db, [...found])) found.add(synonym);
  return [...found];
}

/** A tag with all its metatags, up to the top (after resolving synonyms). */
async function withAncestors(db: Db, tagId: number): Promise<Set<number>> {
  const seen = new Set<number>([tagId]);
  let level = [tagId];
  while (level.length > 0) {
    level = (await findMetaEdges(db, level)).map((e) => e.meta_id).filter((id) => !seen.has(id));
    for (const id of level) seen.add(id);
  }
  return seen;
}

/**
 * How many unrelated families the given fandoms come from: fandoms related through a shared
 * metatag (or being synonyms) are one family. More than one family makes a work a crossover.
 */
export async function fandomFamilyCount(db: Db, fandomIds: number[]): Promise<number> {
  const canonical = [...new Set((await canonicalIds(db, fandomIds)).values())];
  const families: Array<Set<number>> = [];
  for (const id of canonical) {
    const mine = await withAncestors(db, id);
    const related = families.filter((family) => [...mine].some((t) => family.has(t)));
    const merged = new Set([...mine, ...related.flatMap((f) => [...f])]);
    for (const family of related) families.splice(families.indexOf(family), 1);
    families.push(merged);
  }
  return families.length;
}
