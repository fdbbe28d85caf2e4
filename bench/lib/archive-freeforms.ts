// The pool of additional (freeform) tags, most popular first: the familiar ones, then a long
// generated tail; a few common misspellings wrangled as synonyms.
import type { Random } from './corpus.js';
import type { TagRegistry } from './archive-registry.js';
import { pick, shuffled, weighted, Zipf } from './sampling.js';
import {
  AU_SETTINGS, COMMON_FREEFORMS, FANDOM_ADJECTIVES, ROLES, TAG_EVENTS, TAG_PREFIXES, TRAITS, TROPE_NOUNS,
} from './archive-words.js';

export type Freeform = { id: number; synonyms: number[] };

export type FreeformPool = { freeforms: Freeform[]; zipf: Zipf };

export const FREEFORM_COUNT = 3000;

/** Synonym -> canonical, the way writers type the popular tags. */
const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['Fluffy', 'Fluff'], ['fluff fluff fluff', 'Fluff'], ['Angsty', 'Angst'], ['angst angst angst', 'Angst'],
  ['Hurt Comfort', 'Hurt/Comfort'], ['hurt and comfort', 'Hurt/Comfort'], ['Slowburn', 'Slow Burn'],
  ['Modern AU', 'Alternate Universe - Modern Setting'], ['AU - Modern', 'Alternate Universe - Modern Setting'],
  ['found family feels', 'Found Family'], ['friends2lovers', 'Friends to Lovers'], ['Oneshot', 'One Shot'],
  ['One-Shot', 'One Shot'], ['Enemies 2 Lovers', 'Enemies to Lovers'], ['coffee shop AU', 'Alternate Universe - Coffee Shops & Cafés'],
];

function generatedName(random: Random): string {
  return weighted<() => string>(random, [
    [() => `Alternate Universe - ${pick(random, AU_SETTINGS)}`, 2],
    [() => `${pick(random, TRAITS)} ${pick(random, ROLES)}`, 4],
    [() => `${pick(random, TAG_PREFIXES)}${pick(random, TAG_EVENTS)}`, 1],
    [() => `${pick(random, TROPE_NOUNS)} and ${pick(random, TROPE_NOUNS)}`, 3],
    [() => `${pick(random, FANDOM_ADJECTIVES)} ${pick(random, TROPE_NOUNS)}`, 3],
    [() => pick(random, TROPE_NOUNS), 1],
  ])();
}

/** Makes the freeform pool with its synonyms; popularity follows the order. */
export function makeFreeforms(random: Random, registry: TagRegistry): FreeformPool {
  const ids: number[] = [];
  for (const name of COMMON_FREEFORMS) {
    const id = registry.add('freeform', name);
    if (id !== undefined) ids.push(id);
  }
  const tail: number[] = [];
  for (let tries = 0; ids.length + tail.length < FREEFORM_COUNT && tries < FREEFORM_COUNT * 20; tries++) {
    const id = registry.add('freeform', generatedName(random));
    if (id !== undefined) tail.push(id);
  }
  // The generated tail, shuffled, so each pattern has popular and rare members.
  const freeforms = [...ids, ...shuffled(random, tail)].map((id): Freeform => ({ id, synonyms: [] }));
  const byId = new Map(freeforms.map((f) => [f.id, f]));
  for (const [synonym, canonical] of SYNONYMS) {
    const target = byId.get(registry.idOf(canonical) ?? -1);
    const id = target ? registry.add('freeform', synonym, { canonical: false, mergerId: target.id }) : undefined;
    if (target && id !== undefined) target.synonyms.push(id);
  }
  return { freeforms, zipf: new Zipf(freeforms.length, 1.0, 8) };
}
