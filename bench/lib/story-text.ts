// Story text of an exact number of words (AO3's count, src/lib/word-count.ts), as a posted chapter
// stores it: one `<p>` per paragraph joined with "\n". Sentences of 3-40 words (mean about 14),
// paragraphs of 1-10 sentences, dialogue in quotes with a speaker, the work's characters now and
// then, commas, em dashes, ellipses. Built as one array of pieces joined once: this makes ~300
// million words, so nothing here allocates per word beyond the array slot.
import { countWords } from '../../src/lib/word-count.js';
import type { Random } from './corpus.js';
import { SAID_VERBS, SCENE_BREAKS } from './story-words.js';
import type { Vocabulary } from './story-vocabulary.js';

/** The names a work's text uses for its characters, each with its word count. */
export type Cast = { names: string[]; words: number[] };

/** How the writer types: curly quotes and apostrophes, or straight ones with `...` and `--`. */
export type Typing = 'curly' | 'straight';

type Marks = { open: string; close: string; ellipsis: string; dash: string; apostrophe: string };

const MARKS: Record<Typing, Marks> = {
  curly: { open: '“', close: '”', ellipsis: '…', dash: '—', apostrophe: '’' },
  straight: { open: '"', close: '"', ellipsis: '...', dash: '--', apostrophe: "'" },
};

/** Paragraph lengths in sentences, 1 to 10, short ones most often. */
const SENTENCES = [0, 12, 16, 18, 16, 12, 9, 7, 5, 3, 2].reduce<number[]>((acc, weight, n) => [...acc, ...Array<number>(weight).fill(n)], []);

const PRONOUNS = ['she', 'he', 'they'] as const;

const SCENE_BREAK_WORDS = new Map(SCENE_BREAKS.map((mark) => [mark, countWords(mark)]));

/** Escapes text for an HTML text node as the sanitizer writes it (quotes stay as typed). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The names used in the text for the given character tags: "Name (Fandom)" loses its fandom; first names mostly. */
export function castOf(characterNames: string[]): Cast {
  const names: string[] = [];
  for (const tag of characterNames) {
    const full = tag.replace(/ \([^)]*\)$/, '');
    const first = full.split(' ')[0] ?? full;
    names.push(first, first, first, full);
  }
  const escaped = names.map(escapeText);
  return { names: escaped, words: escaped.map(wordsOfName) };
}

const nameWords = new Map<string, number>();

/** AO3's word count of a name, remembered: the parser is far too slow to run for every work. */
function wordsOfName(name: string): number {
  let words = nameWords.get(name);
  if (words === undefined) {
    words = countWords(name);
    nameWords.set(name, words);
  }
  return words;
}

/** Writes story text; one per vocabulary, reused for every chapter. */
export class StoryWriter {
  readonly #vocabulary: Vocabulary;
  readonly #slices: number;

  constructor(vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
    this.#slices = vocabulary.table.length;
  }

  /** Chapter HTML of exactly `words` words (at least 1); long chapters now and then have a scene break. */
  chapter(random: Random, words: number, cast: Cast, typing: Typing): string {
    const parts: string[] = [];
    let sceneBreakAt = words > 1500 && random() < 0.35 ? Math.floor(words * (0.3 + 0.4 * random())) : Infinity;
    let left = words;
    while (left > 0) {
      if (words - left >= sceneBreakAt && left > 1) {
        // "oOo" is a word to AO3's count like any other letters.
        const mark = SCENE_BREAKS[Math.floor(random() * SCENE_BREAKS.length)] ?? '* * *';
        parts.push('<p>', mark, '</p>', '\n');
        left -= SCENE_BREAK_WORDS.get(mark) ?? 0;
        sceneBreakAt = Infinity;
      }
      left -= this.#paragraph(parts, random, left, cast, typing);
    }
    parts.pop();
    return parts.join('');
  }

  /** One paragraph of at most `budget` words (narration, or a line of dialogue and some narration); returns its words. */
  #paragraph(parts: string[], random: Random, budget: number, cast: Cast, typing: Typing): number {
    parts.push('<p>');
    let used = 0;
    if (random() < 0.3 && budget >= 4) used += this.#dialogue(parts, random, budget, cast, typing);
    const sentences = SENTENCES[Math.floor(random() * SENTENCES.length)] ?? 3;
    for (let i = used > 0 ? 1 : 0; i < sentences && used < budget; i++) {
      if (used > 0) parts.push(' ');
      used += this.#sentence(parts, random, budget - used, cast, typing, this.#ending(random, typing));
    }
    parts.push('</p>', '\n');
    return used;
  }

  /** “A line,” Name said. (or a line alone); returns its words. */
  #dialogue(parts: string[], random: Random, budget: number, cast: Cast, typing: Typing): number {
    const marks = MARKS[typing];
    const who = cast.names.length > 0 && random() < 0.7 ? Math.floor(random() * cast.names.length) : -1;
    const speakerWords = who >= 0 ? cast.words[who] ?? 1 : 1;
    const tagged = random() < 0.7 && budget >= speakerWords + 4;
    const roll = random();
    const end = roll < 0.18 ? '?' : roll < 0.24 ? '!' : roll < 0.3 ? marks.ellipsis : tagged ? ',' : '.';
    parts.push(marks.open);
    let used = this.#sentence(parts, random, tagged ? budget - speakerWords - 1 : budget, cast, typing, end);
    parts.push(marks.close);
    if (!tagged) return used;
    const verb = end === '?' ? 'asked' : SAID_VERBS[Math.floor(random() * SAID_VERBS.length)] ?? 'said';
    parts.push(' ', who >= 0 ? cast.names[who] ?? 'she' : PRONOUNS[Math.floor(random() * PRONOUNS.length)] ?? 'she', ' ', verb, '.');
    used += speakerWords + 1;
    return used;
  }

  #ending(random: Random, typing: Typing): string {
    const roll = random();
    return roll < 0.86 ? '.' : roll < 0.93 ? '?' : roll < 0.96 ? '!' : MARKS[typing].ellipsis;
  }

  /** One sentence of 3-40 words (fewer when the budget ends), ending with `end`; returns its words. */
  #sentence(parts: string[], random: Random, budget: number, cast: Cast, typing: Typing, end: string): number {
    const { table } = this.#vocabulary;
    const straight = typing === 'straight';
    const words = straight ? this.#vocabulary.straight : this.#vocabulary.words;
    const capitalised = straight ? this.#vocabulary.straightCapitalised : this.#vocabulary.capitalised;
    const marks = MARKS[typing];
    const length = Math.min(budget, sentenceLength(random));
    let used = 0;
    const castSize = cast.names.length;
    if (castSize > 0 && random() < 0.2) {
      const who = Math.floor(random() * castSize);
      const nameWords = cast.words[who] ?? 1;
      if (nameWords <= length) {
        parts.push(cast.names[who] ?? '');
        if (random() < 0.2) parts.push(marks.apostrophe, 's');
        used = nameWords;
      }
    }
    if (used === 0) {
      parts.push(capitalised[table[Math.floor(random() * this.#slices)] ?? 0] ?? 'The');
      used = 1;
    }
    while (used < length) {
      const roll = random();
      if (roll < 0.055 && length - used > 1) parts.push(', ');
      else if (roll < 0.062 && used > 1 && length - used > 1) parts.push(marks.dash);
      else if (roll < 0.0635) parts.push(' &amp; ');
      else parts.push(' ');
      if (castSize > 0 && random() < 0.012) {
        const who = Math.floor(random() * castSize);
        const nameWords = cast.words[who] ?? 1;
        if (nameWords <= length - used) {
          parts.push(cast.names[who] ?? '');
          used += nameWords;
          continue;
        }
      }
      parts.push(words[table[Math.floor(random() * this.#slices)] ?? 0] ?? 'the');
      used++;
    }
    parts.push(end);
    return used;
  }
}

/** Words in a sentence: log-normal around 12.5, kept within 3-40 (mean about 14). */
function sentenceLength(random: Random): number {
  const u = Math.max(random(), Number.EPSILON);
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return Math.max(3, Math.min(40, Math.round(12.5 * Math.exp(0.55 * normal))));
}
