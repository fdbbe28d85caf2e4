// Invented fandoms in order of popularity, with franchise metatags over a few of them, synonyms
// for some, and each one's characters and relationships attached to it as a wrangler would.
import type { Random } from './corpus.js';
import type { TagRegistry } from './archive-registry.js';
import { between, pick, shuffled, weighted, Zipf } from './sampling.js';
import {
  FANDOM_ADJECTIVES, FANDOM_NOUNS, FANDOM_PLACES, FANDOM_SERIES, FIRST_NAMES, LAST_NAMES, MEDIA, NAME_ENDS, NAME_STARTS, NOVELISTS,
  SURNAME_ENDS,
} from './archive-words.js';

export type Relationship = { id: number; members: number[] };

export type Fandom = {
  id: number; name: string; rank: number;
  /** Synonym tags writers sometimes use instead of this one. */
  synonyms: number[];
  /** Other fandoms of the same franchise (the metatag and its subtags), by rank. */
  family: number[];
  characters: number[]; characterZipf: Zipf;
  relationships: Relationship[]; relationshipZipf: Zipf;
};

export type FandomSet = {
  fandoms: Fandom[]; zipf: Zipf;
  parents: Array<[parent: number, child: number]>;
  metas: Array<[meta: number, sub: number]>;
  /** For every fandom tag, canonical or synonym: the top metatags above it (itself when it has none). */
  roots: Map<number, number[]>;
};

export const FANDOM_COUNT = 1500;
const FRANCHISES = 35;

function baseName(random: Random): string {
  return weighted<() => string>(random, [
    [() => `${pick(random, FANDOM_ADJECTIVES)} ${pick(random, FANDOM_NOUNS)}`, 4],
    [() => `The ${pick(random, FANDOM_NOUNS)} ${pick(random, FANDOM_SERIES)}`, 2],
    [() => `${pick(random, FANDOM_PLACES)}: ${pick(random, FANDOM_ADJECTIVES)} ${pick(random, FANDOM_NOUNS)}`, 2],
    [() => `${pick(random, FANDOM_NOUNS)} & ${pick(random, FANDOM_NOUNS)}`, 1],
    [() => `${pick(random, FANDOM_PLACES)} ${pick(random, FANDOM_SERIES)}`, 1],
  ])();
}

function withMedium(random: Random, base: string): string {
  const roll = random();
  if (roll < 0.4) return base;
  if (roll < 0.55) return `${base} - ${pick(random, NOVELISTS)}`;
  return `${base} (${pick(random, MEDIA)})`;
}

/** Ranks of the franchise groups: the metatag's rank first, then its 2-4 subtags' ranks. */
function franchiseRanks(random: Random): number[][] {
  const taken = new Set<number>();
  const free = (draw: () => number) => {
    let rank = draw();
    while (taken.has(rank)) rank = draw();
    taken.add(rank);
    return rank;
  };
  return Array.from({ length: FRANCHISES }, () => {
    const meta = free(() => Math.floor(random() * random() * 600));
    return [meta, ...Array.from({ length: between(random, 2, 4) }, () => free(() => Math.floor(random() * FANDOM_COUNT)))];
  });
}

function makeFandomTags(random: Random, registry: TagRegistry): { names: string[]; ids: number[]; groups: number[][] } {
  const planned: Array<string | undefined> = Array.from({ length: FANDOM_COUNT }, () => undefined);
  const groups = franchiseRanks(random);
  for (const group of groups) {
    const base = baseName(random);
    const media = shuffled(random, MEDIA);
    group.forEach((rank, i) => {
      planned[rank] = i === 0 ? `${base} (Franchise)` : i === 1 && random() < 0.5 ? `${base} - ${pick(random, NOVELISTS)}` : `${base} (${media[i] ?? 'TV'})`;
    });
  }
  const names: string[] = [];
  const ids: number[] = [];
  for (const given of planned) {
    let name = given ?? withMedium(random, baseName(random));
    let id = registry.add('fandom', name);
    for (let tries = 1; id === undefined; tries++) {
      name = withMedium(random, baseName(random)) + (tries > 20 ? ` ${tries}` : '');
      id = registry.add('fandom', name);
    }
    names.push(name);
    ids.push(id);
  }
  return { names, ids, groups };
}

function synonymNames(random: Random, name: string): string[] {
  const plain = name.replace(/ \([^)]*\)$| - .*$/, '');
  const initials = plain.split(/[\s:&]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const cut = 1 + Math.floor(random() * (plain.length - 2));
  return [
    initials.length >= 2 ? initials : `${plain} Fandom`, plain === name ? `${name} (${2005 + between(random, 0, 18)})` : plain,
    `${plain.slice(0, cut)}${plain.slice(cut + 1)}`, `${name} - All Media`,
  ];
}

function addSynonyms(random: Random, registry: TagRegistry, canonical: number, name: string, rank: number): number[] {
  if (random() >= (rank < 40 ? 0.5 : 0.03)) return [];
  const wanted = between(random, 1, 3);
  const ids: number[] = [];
  for (const synonym of shuffled(random, synonymNames(random, name))) {
    const id = ids.length < wanted ? registry.add('fandom', synonym, { canonical: false, mergerId: canonical }) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** A familiar or an invented given name, then (usually) a surname; a few characters go by one name. */
function characterName(random: Random): string {
  const given = random() < 0.5 ? pick(random, FIRST_NAMES) : `${pick(random, NAME_STARTS)}${pick(random, NAME_ENDS)}`;
  if (random() < 0.1) return given;
  return `${given} ${random() < 0.4 ? pick(random, LAST_NAMES) : `${pick(random, NAME_STARTS)}${pick(random, SURNAME_ENDS)}`}`;
}

function addCharacters(random: Random, registry: TagRegistry, fandomName: string, count: number): number[] {
  const short = fandomName.replace(/ \([^)]*\)$| - .*$/, '');
  const ids: number[] = [];
  for (let tries = 0; ids.length < count && tries < count * 10; tries++) {
    const name = characterName(random);
    const id = registry.add('character', name) ?? registry.add('character', `${name} (${short})`);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Pairs (now and then trios) of the fandom's characters, the popular characters most often, romantic or friendly. */
function addRelationships(random: Random, registry: TagRegistry, characters: number[], zipf: Zipf): Relationship[] {
  const wanted = Math.max(1, Math.min(120, Math.round(characters.length * 0.8)));
  const relationships: Relationship[] = [];
  for (let tries = 0; relationships.length < wanted && tries < wanted * 6; tries++) {
    const members = zipf.drawDistinct(random, random() < 0.05 ? 3 : 2).map((i) => characters[i] ?? 0);
    if (members.length < 2) break;
    const name = members.map((m) => registry.get(m)?.name ?? '').join(random() < 0.75 ? '/' : ' & ');
    const id = registry.add('relationship', name);
    if (id !== undefined) relationships.push({ id, members });
  }
  return relationships;
}

function rootsOf(ids: number[], groups: number[][], fandoms: Fandom[]): Map<number, number[]> {
  const roots = new Map<number, number[]>(ids.map((id) => [id, [id]]));
  for (const group of groups) {
    const meta = ids[group[0] ?? 0] ?? 0;
    for (const rank of group) roots.set(ids[rank] ?? 0, [meta]);
  }
  for (const fandom of fandoms) for (const synonym of fandom.synonyms) roots.set(synonym, roots.get(fandom.id) ?? [fandom.id]);
  return roots;
}

/** Makes the fandoms with their synonyms, metatags, characters and relationships, most popular first. */
export function makeFandoms(random: Random, registry: TagRegistry): FandomSet {
  const { names, ids, groups } = makeFandomTags(random, registry);
  const familyOf = new Map<number, number[]>(groups.flatMap((group) => group.map((rank) => [rank, group] as const)));
  const fandoms = ids.map((id, rank): Fandom => ({
    id, name: names[rank] ?? '', rank, synonyms: addSynonyms(random, registry, id, names[rank] ?? '', rank),
    family: (familyOf.get(rank) ?? []).filter((r) => r !== rank),
    characters: [], characterZipf: new Zipf(1, 1), relationships: [], relationshipZipf: new Zipf(1, 1),
  }));
  for (const fandom of fandoms) {
    // Big fandoms have many characters (150 for the biggest), the smallest a handful.
    fandom.characters = addCharacters(random, registry, fandom.name, Math.max(3, Math.min(150, Math.round(150 / Math.sqrt(fandom.rank + 1)))));
    fandom.characterZipf = new Zipf(fandom.characters.length, 1.0, 1);
    fandom.relationships = addRelationships(random, registry, fandom.characters, fandom.characterZipf);
    fandom.relationshipZipf = new Zipf(Math.max(1, fandom.relationships.length), 1.0, 1);
  }
  const parents = fandoms.flatMap((f) => [...f.characters, ...f.relationships.map((r) => r.id)].map((child): [number, number] => [f.id, child]));
  const metas = groups.flatMap((group) => group.slice(1).map((rank): [number, number] => [ids[group[0] ?? 0] ?? 0, ids[rank] ?? 0]));
  return { fandoms, zipf: new Zipf(FANDOM_COUNT, 1.0, 0.5), parents, metas, roots: rootsOf(ids, groups, fandoms) };
}
