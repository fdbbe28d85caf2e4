// The tags of one synthetic work, in the order the app stores them: rating, warnings, categories,
// fandoms, relationships, characters, freeforms; 5-30 in all, as on real archives.
import type { Random } from './corpus.js';
import type { FandomSet, Fandom } from './archive-fandoms.js';
import type { FreeformPool } from './archive-freeforms.js';
import type { People } from './archive-people.js';
import type { FixedTags, TagRegistry } from './archive-registry.js';
import { CATEGORIES, RATINGS, WARNINGS } from '../../src/tags/fixed-tags.js';
import { CHARACTER_TAG_TEMPLATES, CHATTY_TAGS } from './archive-words.js';
import { between, logNormal, pick, weighted } from './sampling.js';

export type Universe = { registry: TagRegistry; fixed: FixedTags; fandoms: FandomSet; freeforms: FreeformPool; people: People };

export type WorkTags = { ids: number[]; crossover: 0 | 1 };

const MIN_TAGS = 5;
const MAX_TAGS = 30;

const RATING_SHARES: ReadonlyArray<readonly [typeof RATINGS[number], number]> = [
  ['General Audiences', 25], ['Teen And Up Audiences', 30], ['Mature', 17], ['Explicit', 20], ['Not Rated', 8],
];
const WARNING_SHARES: ReadonlyArray<readonly [typeof WARNINGS[number], number]> = [
  ['No Archive Warnings Apply', 52], ['Creator Chose Not To Use Archive Warnings', 27], ['Graphic Depictions Of Violence', 11],
  ['Major Character Death', 6], ['Rape/Non-Con', 2], ['Underage Sex', 2],
];
const CATEGORY_SHARES: ReadonlyArray<readonly [typeof CATEGORIES[number], number]> = [
  ['M/M', 30], ['Gen', 25], ['F/M', 22], ['F/F', 9], ['Multi', 8], ['Other', 6],
];

function idIn(map: Map<string, number>, name: string): number {
  const id = map.get(name);
  if (id === undefined) throw new Error(`no fixed tag "${name}"`);
  return id;
}

/** One rating, one or two warnings (never "No Archive Warnings Apply" with another), zero to two categories. */
function requiredTags(random: Random, fixed: FixedTags): number[] {
  const warning = weighted(random, WARNING_SHARES);
  const warnings = new Set([warning]);
  if (warning !== 'No Archive Warnings Apply' && random() < 0.35) warnings.add(weighted(random, WARNING_SHARES.filter(([w]) => w !== 'No Archive Warnings Apply')));
  const categories = new Set<string>();
  const categoryCount = weighted(random, [[0, 12], [1, 75], [2, 13]]);
  while (categories.size < categoryCount) categories.add(weighted(random, CATEGORY_SHARES));
  return [
    idIn(fixed.ratings, weighted(random, RATING_SHARES)), ...[...warnings].map((w) => idIn(fixed.warnings, w)),
    ...[...categories].map((c) => idIn(fixed.categories, c)),
  ];
}

/** The work's fandoms: mostly one (often the writer's favourite); 8% are crossovers of two or three. */
function chooseFandoms(random: Random, set: FandomSet, favourite: number): Fandom[] {
  const ranks = new Set([random() < 0.5 ? favourite : set.zipf.draw(random)]);
  const wanted = random() < 0.08 ? (random() < 0.75 ? 2 : 3) : 1;
  for (let tries = 0; ranks.size < wanted && tries < 20; tries++) {
    const family = set.fandoms[[...ranks][0] ?? 0]?.family ?? [];
    ranks.add(family.length > 0 && random() < 0.2 ? pick(random, family) : set.zipf.draw(random));
  }
  return [...ranks].map((rank) => set.fandoms[rank]).filter((f): f is Fandom => f !== undefined);
}

/** The tag a writer typed for a fandom: now and then one of its synonyms. */
function fandomTag(random: Random, fandom: Fandom): number {
  return fandom.synonyms.length > 0 && random() < 0.2 ? pick(random, fandom.synonyms) : fandom.id;
}

/** Relationships and characters, mostly from the first fandom; characters in a relationship are tagged too. */
function cast(random: Random, fandoms: Fandom[]): { relationships: number[]; characters: number[] } {
  const relationships = new Set<number>();
  const characters = new Set<number>();
  const relationshipCount = weighted(random, [[0, 25], [1, 45], [2, 17], [3, 8], [4, 5]]);
  const characterCount = weighted(random, [[1, 18], [2, 25], [3, 20], [4, 13], [5, 9], [6, 6], [7, 4], [8, 5]]);
  const from = () => (fandoms.length > 1 && random() < 0.35 ? pick(random, fandoms) : fandoms[0]);
  for (let i = 0; i < relationshipCount; i++) {
    const fandom = from();
    const relationship = fandom?.relationships[fandom.relationshipZipf.draw(random)];
    if (relationship === undefined) continue;
    relationships.add(relationship.id);
    for (const member of relationship.members) characters.add(member);
  }
  for (let tries = 0; characters.size < characterCount && tries < characterCount * 4; tries++) {
    const fandom = from();
    const character = fandom?.characters[fandom.characterZipf.draw(random)];
    if (character !== undefined) characters.add(character);
  }
  return { relationships: [...relationships], characters: [...characters] };
}

/** Additional tags from the shared pool, sometimes through a synonym, plus a writer's own one-off tags now and then. */
function freeforms(random: Random, universe: Universe, count: number, characters: number[]): number[] {
  const { freeforms: pool, zipf } = universe.freeforms;
  const ids = zipf.drawDistinct(random, count).map((rank) => {
    const freeform = pool[rank];
    if (freeform === undefined) return 0;
    return freeform.synonyms.length > 0 && random() < 0.12 ? pick(random, freeform.synonyms) : freeform.id;
  });
  if (random() < 0.12) {
    for (let i = between(random, 1, 2); i > 0; i--) ids.push(universe.registry.findOrAdd('freeform', oneOffName(random, universe.registry, characters)));
  }
  return ids;
}

function oneOffName(random: Random, registry: TagRegistry, characters: number[]): string {
  const character = characters.length > 0 ? registry.get(pick(random, characters))?.name : undefined;
  if (character === undefined || random() < 0.5) return pick(random, CHATTY_TAGS);
  const firstName = character.replace(/ \(.*\)$/, '').split(' ')[0] ?? character;
  return pick(random, CHARACTER_TAG_TEMPLATES).replace('%s', firstName);
}

/** Crossover: the fandoms, resolved to canonical and walked up their metatags, have more than one root. */
function isCrossover(set: FandomSet, fandomTags: number[]): 0 | 1 {
  const roots = new Set(fandomTags.flatMap((id) => set.roots.get(id) ?? [id]));
  return roots.size > 1 ? 1 : 0;
}

/** The ordered tag ids of one work (no repeats) and whether it is a crossover. */
export function makeWorkTags(random: Random, universe: Universe, favouriteFandom: number): WorkTags {
  const required = requiredTags(random, universe.fixed);
  const fandoms = chooseFandoms(random, universe.fandoms, favouriteFandom);
  const fandomTags = fandoms.map((f) => fandomTag(random, f));
  const { relationships, characters } = cast(random, fandoms);
  const fixedCount = required.length + fandomTags.length + relationships.length;
  const freeformCount = Math.min(20, Math.round(logNormal(random, 5, 0.7)));
  const wanted = Math.max(MIN_TAGS - fixedCount - characters.length, Math.min(freeformCount, MAX_TAGS - fixedCount - characters.length));
  const tags = [...required, ...fandomTags, ...relationships, ...characters, ...freeforms(random, universe, Math.max(0, wanted), characters)];
  return { ids: [...new Set(tags)].slice(0, MAX_TAGS), crossover: isCrossover(universe.fandoms, fandomTags) };
}
