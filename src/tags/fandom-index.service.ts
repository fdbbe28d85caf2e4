// The fandoms index: every canonical fandom, A to Z, with how many works it holds (counting its
// synonyms and subtags, each work once), as the viewer may see them.
import type { Viewer } from '../access/viewer.js';
import { GUEST_SCOPE, MEMBER_SCOPE, scopeOf } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { foldKey } from '../lib/text.js';
import { findVisibleTaggings } from './tag.repository.js';
import { findMetaEdgesOfType, findTagsOfType } from './tag-graph.repository.js';

export type FandomEntry = { name: string; works: number };

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]); else list.push(value);
}

/** Canonical fandoms with their work counts, given the viewer's visible (work, fandom tag) pairs. */
export async function fandomIndex(db: Db, taggings: Array<{ work_id: number; tag_id: number }>): Promise<FandomEntry[]> {
  const tags = await findTagsOfType(db, 'fandom');
  const subsOf = new Map<number, number[]>();
  for (const e of await findMetaEdgesOfType(db, 'fandom')) push(subsOf, e.meta_id, e.sub_id);
  const synonymsOf = new Map<number, number[]>();
  for (const t of tags) if (t.merger_id !== null) push(synonymsOf, t.merger_id, t.id);
  const worksOf = new Map<number, number[]>();
  for (const p of taggings) push(worksOf, p.tag_id, p.work_id);
  const entries = tags.filter((t) => t.canonical === 1).map((t) => {
    const family = new Set([t.id]);
    const queue = [t.id];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const next of [...(subsOf.get(id) ?? []), ...(synonymsOf.get(id) ?? [])]) if (!family.has(next)) { family.add(next); queue.push(next); }
    }
    const works = new Set([...family].flatMap((id) => worksOf.get(id) ?? []));
    return { name: t.name, works: works.size };
  });
  return entries.sort((a, b) => foldKey(a.name).localeCompare(foldKey(b.name)));
}

const INDEX_TTL_MS = 60_000;
const cached = new WeakMap<Db, Map<'guest' | 'member', { at: number; fandoms: FandomEntry[] }>>();

/**
 * The fandoms index for guests or for logged-in readers, recounted at most once a minute per
 * database. Counts are of works in general listings, which are the same for every member.
 */
export async function fandomIndexFor(db: Db, viewer: Viewer): Promise<FandomEntry[]> {
  const key = scopeOf(viewer).member ? 'member' : 'guest';
  const byKey = cached.get(db) ?? new Map<'guest' | 'member', { at: number; fandoms: FandomEntry[] }>();
  cached.set(db, byKey);
  let entry = byKey.get(key);
  if (entry === undefined || Date.now() - entry.at > INDEX_TTL_MS) {
    entry = { at: Date.now(), fandoms: await fandomIndex(db, await findVisibleTaggings(db, key === 'member' ? MEMBER_SCOPE : GUEST_SCOPE, 'fandom')) };
    byKey.set(key, entry);
  }
  return entry.fandoms;
}
