// The synthetic story's vocabulary: our common words first, then invented words in families
// (stem, stem+s, stem+ing, ...), the accented words at fixed ranks; drawn Zipf-like (exponent 1),
// through a lookup table so a draw is one random number and one array read.
import { seededRandom, type Random } from './corpus.js';
import { ACCENTED_WORDS, CODAS, COMMON_WORDS, INFLECTIONS, INNER_CODAS, NUCLEI, ONSETS } from './story-words.js';

/** Words in the vocabulary: common words, then invented ones. */
export const VOCABULARY_SIZE = 40_000;
const VOCABULARY_SEED = 0x5eed_b00c;
/** Zipf-Mandelbrot weights 1/(rank + 1 + OFFSET): with the offset "the" is about 5% of words, as in English fiction. */
const EXPONENT = 1;
const OFFSET = 1;
const TABLE_BITS = 22;

export type Vocabulary = {
  /** Words by rank (0 = most used), with typographic apostrophes. */
  words: readonly string[];
  capitalised: readonly string[];
  /** The same with straight apostrophes, for writers who type them. */
  straight: readonly string[];
  straightCapitalised: readonly string[];
  /** How many of the first ranks are common English words (the rest are invented). */
  common: number;
  /** Rank for each of 2^22 equal slices of [0, 1): `table[random() * table.length | 0]`. */
  table: Uint16Array;
  /** The share of all drawn words that rank `rank` takes. */
  share: (rank: number) => number;
};

function pickFrom<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function syllable(random: Random, first: boolean, last: boolean): string {
  const onset = first || random() < 0.6 ? pickFrom(random, ONSETS) : '';
  return onset + pickFrom(random, NUCLEI) + pickFrom(random, last ? CODAS : INNER_CODAS);
}

/** Invented words in families, none equal to a common word, until there are `count`. */
function inventedWords(count: number, taken: Set<string>): string[] {
  const random = seededRandom(VOCABULARY_SEED);
  const words: string[] = [];
  while (words.length < count) {
    const syllables = random() < 0.3 ? 1 : random() < 0.8 ? 2 : 3;
    let stem = '';
    for (let i = 0; i < syllables; i++) stem += syllable(random, i === 0, i === syllables - 1);
    if (stem.length < 3 || taken.has(stem)) continue;
    const family = [stem, ...INFLECTIONS.filter(() => random() < 0.3).map((ending) => stem + ending)];
    for (const word of family) {
      if (taken.has(word) || words.length >= count) continue;
      taken.add(word);
      words.push(word);
    }
  }
  return words;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The lookup table: slice i holds the rank whose cumulative weight first passes (i + 0.5) / slices. */
function zipfTable(size: number): { table: Uint16Array; weights: Float64Array; total: number } {
  const weights = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    weights[rank] = 1 / Math.pow(rank + 1 + OFFSET, EXPONENT);
    total += weights[rank] ?? 0;
  }
  const table = new Uint16Array(1 << TABLE_BITS);
  let rank = 0;
  let cumulative = (weights[0] ?? 0) / total;
  for (let slice = 0; slice < table.length; slice++) {
    const at = (slice + 0.5) / table.length;
    while (cumulative < at && rank < size - 1) cumulative += (weights[++rank] ?? 0) / total;
    table[slice] = rank;
  }
  return { table, weights, total };
}

function build(): Vocabulary {
  const common = [...new Set(COMMON_WORDS.split(/\s+/).filter((w) => w !== ''))];
  const accented = ACCENTED_WORDS.map(([word]) => word);
  const taken = new Set([...common, ...accented].map((w) => w.toLowerCase()));
  const words = [...common, ...inventedWords(VOCABULARY_SIZE - common.length - accented.length, taken)];
  for (const [word, rank] of [...ACCENTED_WORDS].sort((a, b) => a[1] - b[1])) words.splice(Math.min(rank, words.length), 0, word);
  const { table, weights, total } = zipfTable(words.length);
  const straight = words.map((w) => w.replace(/’/g, "'"));
  return {
    words, capitalised: words.map(capitalise), straight, straightCapitalised: straight.map(capitalise),
    common: common.length, table, share: (rank) => (weights[rank] ?? 0) / total,
  };
}

let built: Vocabulary | undefined;

/** The vocabulary, the same on every run and machine (made once per process). */
export function vocabulary(): Vocabulary {
  built ??= build();
  return built;
}
