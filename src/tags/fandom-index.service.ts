// The fandoms index: every canonical fandom, A to Z, with how many works it holds (counting its
// synonyms and subtags, each work once), as the viewer may see them; and the fandoms no one has
// wrangled yet, with their works, so a new archive's index is never empty.
import type { Viewer } from '../access/viewer.js';
import { GUEST_SCOPE, MEMBER_SCOPE, scopeOf } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { foldKey } from '../lib/text.js';
import { afterCommit } from '../events/bus.js';
import { findVisibleTaggings } from './tag.repository.js';
import { findMetaEdgesOfType, findTagsOfType } from './tag-graph.repository.js';

/** A fandom in the index; `canonical` false for one wranglers have not made canonical (or a synonym) yet. */
export type FandomEntry = { name: string; works: number; canonical: boolean };

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]); else list.push(value);
}

/** Canonical fandoms with their work counts, then unwrangled ones that tag a visible work, given the viewer's visible (work, fandom tag) pairs. */
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
    return { name: t.name, works: works.size, canonical: true };
  });
  const unwrangled = tags.filter((t) => t.canonical === 0 && t.merger_id === null && (worksOf.get(t.id)?.length ?? 0) > 0)
    .map((t) => ({ name: t.name, works: new Set(worksOf.get(t.id)).size, canonical: false }));
  return [...entries, ...unwrangled].sort((a, b) => foldKey(a.name).localeCompare(foldKey(b.name)));
}

const INDEX_TTL_MS = 60_000;
const cached = new WeakMap<Db, Map<'guest' | 'member', { at: number; generation: number; fandoms: FandomEntry[] }>>();
/** Moves when tags are created or wrangled: every kept index is then counted again. */
let generation = 0;

/** Counts the index again after tags are created or wrangled (in this process); returns the unsubscribe. */
export function subscribeFandomIndex(): () => void {
  return afterCommit('tags.changed', () => { generation += 1; });
}

/**
 * The fandoms index for guests or for logged-in readers, recounted at most once a minute per
 * database and at once after wrangling. Counts are of works in general listings, which are the
 * same for every member.
 */
export async function fandomIndexFor(db: Db, viewer: Viewer): Promise<FandomEntry[]> {
  const key = scopeOf(viewer).member ? 'member' : 'guest';
  const byKey = cached.get(db) ?? new Map<'guest' | 'member', { at: number; generation: number; fandoms: FandomEntry[] }>();
  cached.set(db, byKey);
  let entry = byKey.get(key);
  if (entry === undefined || entry.generation !== generation || Date.now() - entry.at > INDEX_TTL_MS) {
    const counted = generation;
    entry = { at: Date.now(), generation: counted, fandoms: await fandomIndex(db, await findVisibleTaggings(db, key === 'member' ? MEMBER_SCOPE : GUEST_SCOPE, 'fandom')) };
    byKey.set(key, entry);
  }
  return entry.fandoms;
}
