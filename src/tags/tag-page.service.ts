// What a tag's page shows: what kind of tag it is and how it relates to others.
import type { Db, TagRow, TagType } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { scopeOf } from '../access/scope.js';
import * as w from './wrangling.repository.js';
import { getTagByName } from './tag.service.js';

export type TagPageData = {
  tag: TagRow;
  /** The canonical tag this one is a synonym of. */
  mergedInto: TagRow | null;
  synonyms: TagRow[];
  parents: TagRow[];
  metas: TagRow[];
  subs: TagRow[];
  /** For a fandom: its characters, relationships and additional tags. */
  children: Partial<Record<TagType, TagRow[]>>;
  /** The wrangling history, for wranglers only. */
  changes: w.ChangeRow[] | null;
};

const CHILD_TYPES: TagType[] = ['character', 'relationship', 'freeform'];

/** Everything a tag page shows, by the tag's name as it appears in the address. */
export async function getTagPage(db: Db, viewer: Viewer, name: string): Promise<TagPageData> {
  const scope = scopeOf(viewer);
  const tag = await getTagByName(db, scope, name);
  const children: TagPageData['children'] = {};
  if (tag.type === 'fandom') for (const type of CHILD_TYPES) children[type] = await w.findChildren(db, scope, tag.id, type, 200);
  return {
    tag, mergedInto: tag.merger_id === null ? null : (await w.findTagById(db, tag.merger_id)) ?? null,
    synonyms: await w.findSynonyms(db, tag.id, scope), parents: await w.findParents(db, tag.id, scope),
    metas: await w.findMetas(db, tag.id, scope), subs: await w.findSubs(db, tag.id, scope), children,
    changes: scope.wrangler ? await w.findChanges(db, tag.id, 50) : null,
  };
}
