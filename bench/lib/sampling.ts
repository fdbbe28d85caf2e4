// Skewed, repeatable choices for the synthetic archive: Zipf-like ranks, weighted picks,
// log-normal sizes, and independent random streams derived from one seed.
import { seededRandom, type Random } from './corpus.js';

/** Draws ranks 0..n-1 with weight 1/(rank + 1 + offset)^exponent: a few ranks take most draws, a long tail the rest. */
export class Zipf {
  readonly size: number;
  readonly #cumulative: Float64Array;

  constructor(size: number, exponent: number, offset = 0) {
    if (size < 1) throw new Error('a Zipf distribution needs at least one rank');
    this.size = size;
    this.#cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1 + offset, exponent);
      this.#cumulative[rank] = total;
    }
  }

  /** One rank. */
  draw(random: Random): number {
    const target = random() * (this.#cumulative[this.size - 1] ?? 0);
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#cumulative[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Up to `count` different ranks (fewer when the distribution is small or very skewed). */
  drawDistinct(random: Random, count: number): number[] {
    const ranks = new Set<number>();
    const wanted = Math.min(count, this.size);
    for (let tries = 0; ranks.size < wanted && tries < wanted * 8; tries++) ranks.add(this.draw(random));
    return [...ranks];
  }
}

/** One element, uniformly. */
export function pick<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new Error('cannot pick from an empty list');
  return list[Math.floor(random() * list.length)] as T;
}

/** One value of `[value, weight]` pairs, in proportion to the weights. */
export function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let target = random() * total;
  for (const [value, weight] of choices) {
    target -= weight;
    if (target < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (last === undefined) throw new Error('cannot choose among no choices');
  return last[0];
}

/** A copy of the list in random order (Fisher-Yates). */
export function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A whole number from min to max, both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A log-normal value: half fall below `median`; `sigma` sets how far the tail reaches (Box-Muller). */
export function logNormal(random: Random, median: number, sigma: number): number {
  const u = Math.max(random(), Number.EPSILON);
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * normal);
}

/**
 * An independent stream for item `index` of `stream`, so a work comes out the same whatever the
 * batch size and however many works are generated before it (a 32-bit integer hash of the three).
 */
export function streamOf(seed: number, stream: number, index: number): Random {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return seededRandom((h ^ (h >>> 16)) >>> 0);
}
