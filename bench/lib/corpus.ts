// Deterministic story text for benchmarks: a seeded PRNG over a small grammar and our own word
// lists, giving paragraphs of varied length with dialogue, curly quotes, em dashes and ellipses.
import {
  ADJECTIVES, ADVERBS, CONNECTIVES, INTRANSITIVE, NAMES, NOUNS, PREPOSITIONS, PRONOUNS, SAID, SPEECH, VERBS,
} from './corpus-words.js';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough to make the same story from the same seed everywhere. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nounPhrase(random: Random): string {
  const roll = random();
  if (roll < 0.12) return `${pick(random, NAMES)}’s ${pick(random, NOUNS)}`;
  const adjective = roll < 0.55 ? `${pick(random, ADJECTIVES)} ` : '';
  return `the ${adjective}${pick(random, NOUNS)}`;
}

function subject(random: Random): string {
  const roll = random();
  if (roll < 0.4) return pick(random, NAMES);
  return roll < 0.7 ? pick(random, PRONOUNS) : nounPhrase(random);
}

function clause(random: Random): string {
  const verb = random() < 0.3 ? pick(random, INTRANSITIVE) : `${pick(random, VERBS)} ${nounPhrase(random)}`;
  const place = random() < 0.4 ? ` ${pick(random, PREPOSITIONS)} ${nounPhrase(random)}` : '';
  const manner = random() < 0.2 ? ` ${pick(random, ADVERBS)}` : '';
  return `${subject(random)} ${verb}${place}${manner}`;
}

/** One narrative sentence: a fragment, a dash-broken sentence, or one to three joined clauses. */
function sentence(random: Random): string {
  const roll = random();
  if (roll < 0.08) return `${capitalise(nounPhrase(random))}.`;
  if (roll < 0.2) return `${capitalise(clause(random))}—${nounPhrase(random)}, or ${nounPhrase(random)}—${pick(random, CONNECTIVES).replace(/^[,;]?\s*/, '')}${clause(random)}.`;
  let text = clause(random);
  const extra = Math.floor(random() * random() * 3);
  for (let i = 0; i < extra; i++) text += pick(random, CONNECTIVES) + clause(random);
  const end = random();
  return capitalise(text) + (end < 0.05 ? '…' : end < 0.08 ? '!' : '.');
}

/** A paragraph of speech: “Line,” Name said. Sometimes a second line or an action follows. */
function dialogue(random: Random): string {
  const line = random() < 0.6 ? pick(random, SPEECH) : `${capitalise(clause(random))}.`;
  const question = line.endsWith('?');
  const spoken = line.endsWith('.') ? `${line.slice(0, -1)},` : line;
  let text = `“${spoken}” ${pick(random, NAMES)} ${question ? 'asked' : pick(random, SAID)}.`;
  if (random() < 0.4) text += ` “${pick(random, SPEECH)}”`;
  if (random() < 0.3) text += ` ${sentence(random)}`;
  return text;
}

function paragraph(random: Random): string {
  const roll = random();
  if (roll < 0.3) return dialogue(random);
  const count = roll < 0.38 ? 1 : 2 + Math.floor(random() * 6);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Plain story text (paragraphs separated by blank lines) of at least `targetWords` words, with one scene break. */
export function storyText(seed: number, targetWords: number): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let words = 0;
  let sceneBreak = false;
  while (words < targetWords) {
    if (!sceneBreak && words > targetWords / 2) {
      paragraphs.push('* * *');
      sceneBreak = true;
    }
    const next = paragraph(random);
    paragraphs.push(next);
    words += wordsIn(next);
  }
  return paragraphs.join('\n\n');
}
