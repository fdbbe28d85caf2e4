// Tags on works: find the tag a writer typed, or create it (not yet canonical).
import type { Db, TagRow, TagType } from '../db/database.js';
import { scopeOf, type Scope } from '../access/scope.js';
import type { Viewer } from '../access/viewer.js';
import { archiveSettings } from '../accounts/settings.service.js';
import { emit } from '../events/bus.js';
import { notFound } from '../http/errors.js';
import { foldKey } from '../lib/text.js';
import { expandTag } from './tag-graph.js';
import { findTagsByIds } from './wrangling.repository.js';
import { CATEGORIES, RATINGS, WARNINGS } from './fixed-tags.js';
import {
  countVisibleWorksTagged, findFixedTags, findTagsByKeys, findTagsOfWorks, findVisibleTagByKey, findVisibleTagsByKeys, insertTag, replaceWorkTags, type WorkCondition, type WorkTag,
} from './tag.repository.js';

export type TypedNames = { type: TagType; names: string[] };

/** The tag types the "canonical on first use" setting makes canonical (additional tags stay for wranglers). */
const FIRST_USE_CANONICAL: readonly TagType[] = ['fandom', 'character', 'relationship'];

/** Tags grouped by type, each in the order the writer gave. */
export type TagsByType = Record<TagType, string[]>;

export function emptyTagsByType(): TagsByType {
  return { rating: [], warning: [], category: [], fandom: [], relationship: [], character: [], freeform: [] };
}

/**
 * Finds or creates the tags named, in order, and makes them the work's tags.
 * A name that already exists keeps its own type (as on AO3, a tag is one thing wherever it is typed).
 */
export async function setWorkTags(trx: Db, workId: number, groups: TypedNames[]): Promise<void> {
  const wanted = groups.flatMap((g) => g.names.map((name) => ({ type: g.type, name, key: foldKey(name) })));
  const existing = new Map((await findTagsByKeys(trx, [...new Set(wanted.map((w) => w.key))])).map((t) => [t.name_key, t.id]));
  const ids: number[] = [];
  const created: number[] = [];
  let canonicalOnFirstUse: boolean | undefined;
  for (const tag of wanted) {
    let id = existing.get(tag.key);
    if (id === undefined) {
      // An archive without wranglers may have its new fandoms, characters and relationships canonical at once.
      canonicalOnFirstUse ??= (await archiveSettings(trx)).canonicalOnFirstUse;
      const canonical = canonicalOnFirstUse && FIRST_USE_CANONICAL.includes(tag.type);
      id = (await insertTag(trx, tag.type, tag.name, tag.key, canonical)).id;
      existing.set(tag.key, id);
      created.push(id);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  await replaceWorkTags(trx, workId, ids);
  if (created.length > 0) await emit(trx, { type: 'tags.changed', tagIds: created });
}

/** The tags of several works, grouped per work and type. */
export async function tagsOfWorks(db: Db, workIds: number[]): Promise<Map<number, TagsByType>> {
  const result = new Map<number, TagsByType>(workIds.map((id) => [id, emptyTagsByType()]));
  const rows: WorkTag[] = await findTagsOfWorks(db, workIds);
  for (const row of rows) result.get(row.work_id)?.[row.type].push(row.name);
  return result;
}

/** A tag by its name (case- and accent-insensitive), if the scope may see it; 404 otherwise, as if there were none. */
export async function getTagByName(db: Db, scope: Scope, name: string): Promise<TagRow> {
  const tag = await findVisibleTagByKey(db, scope, foldKey(name));
  if (!tag) throw notFound();
  return tag;
}

/** Tags by name (case- and accent-insensitive) that the scope may see, keyed by folded name; other names are absent. */
export async function tagsNamed(db: Db, scope: Scope, names: string[]): Promise<Map<string, TagRow>> {
  const rows = await findVisibleTagsByKeys(db, scope, [...new Set(names.map(foldKey))]);
  return new Map(rows.map((t) => [t.name_key, t]));
}

/** How many works the scope may see carry a tag, its synonyms or its subtags (a tag page's count). */
export async function countWorksTagged(db: Db, viewer: Viewer, tagId: number): Promise<number> {
  const [family = []] = await expandTags(db, [tagId]);
  return countVisibleWorksTagged(db, scopeOf(viewer), family, await muteCondition(db, viewer));
}

type MuteCondition = (db: Db, viewer: Viewer) => Promise<WorkCondition | null>;
let muteCondition: MuteCondition = () => Promise.resolve(null);

/** Called once through wiring.ts by the works domain, which owns mutes: a tag page's count leaves out what the reader muted, as its listing does. */
export function provideMuteCondition(condition: MuteCondition): void {
  muteCondition = condition;
}

/** Tags by id; unknown ids are absent. */
export async function tagsWithIds(db: Db, ids: number[]): Promise<TagRow[]> {
  return findTagsByIds(db, ids);
}

/** For each tag: itself, its synonyms and its subtags (tag-graph.ts), as a list of ids. */
export async function expandTags(db: Db, ids: number[]): Promise<number[][]> {
  const groups: number[][] = [];
  for (const id of ids) groups.push(await expandTag(db, id));
  return groups;
}

export type FixedTag = { id: number; name: string };

/** The ratings, warnings and categories with their ids, in the order DESIGN.md lists them. */
export async function fixedTags(db: Db): Promise<Record<'rating' | 'warning' | 'category', FixedTag[]>> {
  const rows = await findFixedTags(db);
  const order = (type: 'rating' | 'warning' | 'category', names: readonly string[]) =>
    names.flatMap((name) => rows.filter((r) => r.type === type && r.name === name).map((r) => ({ id: r.id, name: r.name })));
  return { rating: order('rating', RATINGS), warning: order('warning', WARNINGS), category: order('category', CATEGORIES) };
}

/** A tag by id; 404 when there is none. */
export async function getTagById(db: Db, id: number): Promise<TagRow> {
  const [tag] = await findTagsByIds(db, [id]);
  if (!tag) throw notFound();
  return tag;
}
