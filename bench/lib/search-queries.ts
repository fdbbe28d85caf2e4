// The fixed mix of 200 queries bench:search runs, made from the corpus itself so every word and
// phrase exists: words of every frequency (one to three, prefixes, OR), phrases of 2-4 words cut
// from real chapters and phrases of the commonest words, field filters, negations, and the
// accents and apostrophes search must fold. The same corpus always gives the same mix.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { TITLE_WORDS } from './archive-words.js';
import { seededRandom, type Random } from './corpus.js';
import { fandomWorkCounts } from './corpus-summary.js';
import { vocabulary } from './story-vocabulary.js';

export type QueryClass = 'word' | 'phrase' | 'field' | 'negation';

export const QUERY_CLASSES: readonly QueryClass[] = ['word', 'phrase', 'field', 'negation'];

/**
 * One query of the mix: its class, what kind it is within the class, the text typed, and whether it
 * has a full-text part at all (tag, rating, completeness and word-count filters alone have none).
 */
export type SearchQuery = { label: QueryClass; kind: string; text: string; fullText: boolean };

export const QUERY_COUNT = 200;
const QUERY_SEED = 20_251_125;
/** Chapters the phrases are cut from. */
const SOURCE_WORKS = 80;

type Sources = { fandoms: string[]; characters: string[]; clauses: string[][] };

const PLAIN = /^[a-z]+$/;

const APOSTROPHE = /['’]/;

/** A word with an accented letter (an apostrophe is not one). */
function accented(word: string): boolean {
  return /\p{M}/u.test(word.normalize('NFD'));
}

/** Letters only, no accents: "café" becomes "cafe", as a reader without accent keys types it. */
function unaccented(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The run of words between punctuation in chapter HTML: the places a phrase can be cut from. */
function clausesOf(html: string): string[][] {
  const text = html.replace(/<[^>]*>/g, '\n').replace(/&amp;|--/g, '\n');
  return text.split(/[^\p{L}\p{M}\p{N}'’\- ]+/u)
    .map((clause) => clause.trim().split(/ +/).filter((word) => /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u.test(word)))
    .filter((words) => words.length >= 2);
}

async function loadSources(db: Kysely<Database>, random: Random): Promise<Sources> {
  const ranked = await fandomWorkCounts(db);
  const fandoms = ranked.map((f) => f.name);
  const topIds = [0, 4, 49].map((rank) => ranked[Math.min(rank, ranked.length - 1)]?.id ?? 0);
  const characters = (await db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.child_id')
    .select(['tags.name', 'tag_parents.parent_id']).where('tag_parents.parent_id', 'in', topIds).where('tags.type', '=', 'character')
    .orderBy('tags.id').execute());
  const perFandom = topIds.flatMap((id) => characters.filter((c) => c.parent_id === id).slice(0, 2).map((c) => c.name));
  const { works } = await db.selectFrom('works').select((eb) => eb.fn.max<number>('id').as('works')).executeTakeFirstOrThrow();
  const ids = Array.from({ length: SOURCE_WORKS }, () => 1 + Math.floor(random() * works));
  const chapters = await db.selectFrom('chapters').innerJoin('works', 'works.id', 'chapters.work_id').select('chapters.content')
    .where('chapters.work_id', 'in', ids).where('chapters.position', '=', 1).where('works.posted', '=', 1).where('works.restricted', '=', 0)
    .orderBy('chapters.work_id').execute();
  return { fandoms, characters: perFandom, clauses: chapters.flatMap((c) => clausesOf(c.content)) };
}

/** Collects queries, never the same text twice. */
class Mix {
  readonly queries: SearchQuery[] = [];
  readonly #seen = new Set<string>();

  constructor(readonly random: Random, readonly sources: Sources) {}

  add(label: QueryClass, kind: string, make: () => string, fullText = true): void {
    for (let tries = 0; tries < 50; tries++) {
      const text = make();
      if (this.#seen.has(text)) continue;
      this.#seen.add(text);
      this.queries.push({ label, kind, text, fullText });
      return;
    }
    throw new Error(`could not make a new ${kind} query`);
  }

  times(count: number, label: QueryClass, kind: string, make: () => string, fullText = true): void {
    for (let i = 0; i < count; i++) this.add(label, kind, make, fullText);
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)];
    if (item === undefined) throw new Error('the corpus has too little to make the query mix from');
    return item;
  }

  /** A plain word (letters only) with a rank from `from` to `to` (0 = the most used). */
  word(from: number, to: number): string {
    const { words } = vocabulary();
    for (;;) {
      const word = words[from + Math.floor(this.random() * (Math.min(to, words.length) - from))] ?? '';
      if (PLAIN.test(word)) return word;
    }
  }

  common = () => this.word(20, 300);
  middle = () => this.word(300, 2000);
  rare = () => this.word(5000, 40_000);

  /** 2-4 consecutive words from a real chapter; `keep` chooses which windows will do. */
  phrase(keep: (words: string[]) => boolean = () => true, length?: number): string[] {
    for (let tries = 0; tries < 20_000; tries++) {
      const clause = this.pick(this.sources.clauses);
      const size = length ?? 2 + Math.floor(this.random() * 3);
      if (clause.length < size) continue;
      const start = Math.floor(this.random() * (clause.length - size + 1));
      const words = clause.slice(start, start + size);
      if (keep(words)) return words;
    }
    // A tiny corpus may hold no such phrase: any phrase will do then.
    if (length === undefined) throw new Error('the sample chapters hold no phrases');
    return this.phrase(undefined, length);
  }
}

function wordQueries(mix: Mix): void {
  mix.times(5, 'word', 'very common word', () => mix.word(0, 40));
  mix.times(10, 'word', 'common word', mix.common);
  mix.times(10, 'word', 'middling word', mix.middle);
  mix.times(10, 'word', 'rare word', mix.rare);
  mix.times(10, 'word', 'two words', () => `${mix.pick([mix.common, mix.middle])()} ${mix.pick([mix.middle, mix.rare])()}`);
  mix.times(8, 'word', 'three words', () => `${mix.common()} ${mix.middle()} ${mix.pick([mix.common, mix.rare])()}`);
  mix.add('word', 'prefix', () => 'lam*');
  mix.times(4, 'word', 'prefix', () => `${mix.word(20, 2000).slice(0, 3 + Math.floor(mix.random() * 2))}*`);
  mix.times(5, 'word', 'prefix', () => `${mix.rare().slice(0, 4)}*`);
  for (const text of ['cafe', 'café', 'naive', 'Zoe', 'cliche', "don't", 'don’t']) mix.add('word', 'accent or apostrophe', () => text);
  mix.times(6, 'word', 'OR', () => `${mix.pick([mix.middle, mix.rare])()} OR ${mix.rare()}`);
}

function phraseQueries(mix: Mix): void {
  for (const text of ['of the', 'in the', 'and the', 'it was', 'she said', 'to the', 'he was', 'on the', 'at the', 'I was']) {
    mix.add('phrase', 'phrase of common words', () => `"${text}"`);
  }
  mix.times(35, 'phrase', 'phrase from a chapter', () => `"${mix.phrase().join(' ')}"`);
  // Typed with a straight apostrophe whatever the chapter had: both must find each other.
  mix.times(5, 'phrase', 'phrase with an apostrophe', () => `"${mix.phrase((w) => w.some((x) => APOSTROPHE.test(x)), 2).join(' ').replace(/’/g, "'")}"`);
  mix.times(4, 'phrase', 'phrase with an accent, typed without', () => `"${unaccented(mix.phrase((w) => w.some(accented), 2).join(' '))}"`);
}

function fieldQueries(mix: Mix): void {
  const { fandoms, characters } = mix.sources;
  const fandom = (rank: number) => `fandom:"${fandoms[Math.min(rank, fandoms.length) - 1] ?? ''}"`;
  mix.times(6, 'field', 'title:', () => `title:${mix.pick(TITLE_WORDS)}`);
  for (const rank of [1, 3, 10, 30, 100, 300, 600, 1000]) mix.add('field', 'fandom: and a word', () => `${fandom(rank)} ${mix.common()}`);
  for (const rank of [2, 20, 200]) mix.add('field', 'fandom: alone', () => fandom(rank), false);
  for (const [i, name] of characters.entries()) mix.add('field', 'character:', () => `character:"${name}"${i % 2 === 0 ? ` ${mix.middle()}` : ''}`, i % 2 === 0);
  for (const filter of ['words>10000', 'words>50000', 'words<1000', 'words:1000-5000', 'words>20000']) mix.add('field', 'words', () => `${filter} ${mix.common()}`);
  for (const filter of ['complete:true', 'complete:true', 'complete:true', 'complete:false', 'complete:false']) mix.add('field', 'complete:', () => `${filter} ${mix.middle()}`);
  for (const filter of ['rating:teen', 'rating:teen', 'rating:teen', 'rating:explicit', 'rating:general']) mix.add('field', 'rating:', () => `${filter} ${mix.common()}`);
  for (const text of ['words>10000 complete:true', 'rating:teen words<2000', `complete:false ${fandom(5)}`]) mix.add('field', 'filters alone', () => text, false);
  mix.add('field', 'summary:', () => `summary:${mix.middle()}`);
  mix.add('field', 'summary:', () => `summary:${mix.common()}`);
  mix.add('field', 'text:', () => `text:${mix.rare()}`);
}

function negationQueries(mix: Mix): void {
  mix.times(8, 'negation', 'word -word', () => `${mix.common()} -${mix.common()}`);
  mix.times(6, 'negation', 'word -common word', () => `${mix.middle()} -${mix.common()}`);
  mix.times(3, 'negation', 'word NOT rare word', () => `${mix.common()} NOT ${mix.rare()}`);
  mix.times(3, 'negation', 'word NOT word', () => `${mix.middle()} NOT ${mix.middle()}`);
  // A common word is in nearly every work, so it would leave nothing: leave out a middling one.
  mix.times(6, 'negation', '"phrase" -word', () => `"${mix.phrase(undefined, 2).join(' ')}" -${mix.middle()}`);
}

/** The 200 queries, in a fixed order, from the corpus in `db`. */
export async function planSearchQueries(db: Kysely<Database>): Promise<SearchQuery[]> {
  const random = seededRandom(QUERY_SEED);
  const mix = new Mix(random, await loadSources(db, random));
  wordQueries(mix);
  phraseQueries(mix);
  fieldQueries(mix);
  negationQueries(mix);
  if (mix.queries.length !== QUERY_COUNT) throw new Error(`the query mix has ${mix.queries.length} queries, not ${QUERY_COUNT}`);
  return mix.queries;
}
