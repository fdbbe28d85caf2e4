// `fandom:"Harbour Town"` naming a real tag becomes a tag filter, so search honours wrangling:
// synonyms and subtags count, exactly as on tag listings. Anything else stays a text search.
import type { Db, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { expandTags, tagsNamed } from '../tags/tag.service.js';
import { foldKey } from '../lib/text.js';
import type { QueryNode, TextField } from './query-parser.js';

const TAG_FIELDS: Partial<Record<TextField, TagType | 'any'>> = {
  fandom: 'fandom', character: 'character', relationship: 'relationship', freeform: 'freeform', tag: 'any',
};

type Leaf = QueryNode & { kind: 'term' | 'phrase' };

function tagLeaf(node: QueryNode): Leaf | null {
  return (node.kind === 'term' || node.kind === 'phrase') && node.field !== null && TAG_FIELDS[node.field] !== undefined && !(node.kind === 'term' && node.prefix) ? node : null;
}

/** Splits tag-naming parts off the top level of a query into include and exclude tag sets. */
export async function tagFilters(db: Db, scope: Scope, node: QueryNode | null): Promise<{ include: number[][]; exclude: number[]; rest: QueryNode | null }> {
  if (node === null) return { include: [], exclude: [], rest: null };
  const parts = node.kind === 'and' ? node.nodes : [node];
  const candidates = parts.map((p) => tagLeaf(p.kind === 'not' ? p.node : p)).filter((l): l is Leaf => l !== null);
  const named = await tagsNamed(db, scope, candidates.map((c) => c.text));
  const include: number[][] = [];
  const exclude: number[] = [];
  const rest: QueryNode[] = [];
  for (const part of parts) {
    const leaf = tagLeaf(part.kind === 'not' ? part.node : part);
    const tag = leaf === null ? undefined : named.get(foldKey(leaf.text));
    const wanted = leaf?.field === undefined || leaf.field === null ? undefined : TAG_FIELDS[leaf.field];
    if (tag === undefined || (wanted !== 'any' && tag.type !== wanted)) {
      rest.push(part);
      continue;
    }
    const [group = []] = await expandTags(db, [tag.id]);
    if (part.kind === 'not') exclude.push(...group); else include.push(group);
  }
  const restNode = rest.length === 0 ? null : rest.length === 1 ? rest[0] ?? null : { kind: 'and' as const, nodes: rest };
  return { include, exclude, rest: restNode };
}
