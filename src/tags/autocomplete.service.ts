// Tag autocomplete: which words a typed term stands for, and the suggestions a writer sees.
import type { Db, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { AppError } from '../http/errors.js';
import { charLength } from '../lib/text.js';
import {
  countWordsStartingWith, findMatchingTags, findMatchingTagsInOrder, type SuggestionQuery, type SuggestionRow, type WordPrefix,
} from './autocomplete.repository.js';
import { tagWords } from './tag-words.js';
import { TAG_NAME_MAX } from './tag.validation.js';

/** A term as long as the longest tag name: a writer may type a whole one. */
export const TERM_MAX_CHARS = TAG_NAME_MAX;
/** The words of a term that are matched; later ones are left out (a tag this long is found by its first ones). */
export const TERM_MAX_WORDS = 12;
export const SUGGESTIONS_MAX = 15;

/** The tag types a writer types freely; ratings, warnings and categories are chosen, never typed. */
export const SUGGESTED_TYPES = ['fandom', 'character', 'relationship', 'freeform'] as const satisfies readonly TagType[];

/** One suggestion: a synonym also names the canonical tag it stands for. */
export type Suggestion = { name: string; type: TagType; canonical: boolean; synonymOf?: string };

function single(raw: unknown, field: string): string {
  if (raw === undefined) return '';
  if (typeof raw !== 'string') throw new AppError('bad_request', `Give "${field}" once.`, { [field]: `Give "${field}" once.` });
  return raw;
}

/** The types to suggest from: one named type, or all four when none is given. */
export function parseSuggestType(raw: unknown): readonly TagType[] {
  const type = single(raw, 'type');
  if (type === '') return SUGGESTED_TYPES;
  const known = SUGGESTED_TYPES.find((t) => t === type);
  if (known === undefined) {
    const message = `The type must be one of ${SUGGESTED_TYPES.join(', ')}.`;
    throw new AppError('bad_request', message, { type: message });
  }
  return [known];
}

/**
 * The folded words of a term, each with how many of the tag's words must start with it: every
 * word of the term needs a different word of the tag, so in "h har" the "h" needs two.
 */
export function parseTerm(raw: unknown): WordPrefix[] {
  const term = single(raw, 'term');
  if (charLength(term) > TERM_MAX_CHARS) {
    const message = `The term is at most ${TERM_MAX_CHARS} characters long.`;
    throw new AppError('bad_request', message, { term: message });
  }
  const words = tagWords(term).slice(0, TERM_MAX_WORDS);
  return words.map((prefix) => ({ prefix, atLeast: words.filter((w) => w.startsWith(prefix)).length }));
}

/**
 * Past this many words starting with the rarest prefix, a term counts as common ("s", "the"):
 * sorting every match would cost more than walking the start of the suggestion order.
 */
export type SearchTuning = { commonWords: number; window: number };
export const DEFAULT_TUNING: SearchTuning = { commonWords: 2000, window: 2000 };

/** How the suggestions were found: from the words, or by walking the suggestion order (then, if that fell short, from the words). */
export type SearchPlan = 'words' | 'order' | 'order, then words';

/** Suggestion order: canonical, synonym, other; first word matching; shorter; folded name in byte order; id. */
function compareRows(a: SuggestionRow, b: SuggestionRow): number {
  return a.tier - b.tier || a.first_word - b.first_word || a.len - b.len ||
    Buffer.compare(Buffer.from(a.name_key), Buffer.from(b.name_key)) || a.id - b.id;
}

/**
 * The first tags in suggestion order matching every prefix. A common term walks the start of the
 * order twice: for tags whose first word matches, and for the others. When the first walk finds
 * `limit` tags, no tag past its window can beat them (it comes later in the order, and only a
 * first-word match can overtake a tag of its own tier), so those and the second walk's hits hold
 * the answer. Otherwise the tags are found from the rarest prefix's words after all.
 */
export async function findSuggestions(db: Db, query: SuggestionQuery, tuning = DEFAULT_TUNING): Promise<{ rows: SuggestionRow[]; plan: SearchPlan }> {
  const counts = await Promise.all(query.prefixes.map((p) => countWordsStartingWith(db, p.prefix, tuning.commonWords)));
  const rarest = counts.indexOf(Math.min(...counts));
  const driving = query.prefixes[rarest]?.prefix ?? '';
  if ((counts[rarest] ?? 0) < tuning.commonWords) return { rows: await findMatchingTags(db, query, driving), plan: 'words' };
  const [firsts, others] = await Promise.all([
    findMatchingTagsInOrder(db, query, true, tuning.window), findMatchingTagsInOrder(db, query, false, tuning.window),
  ]);
  if (firsts.length === query.limit) {
    return { rows: [...firsts, ...others].sort(compareRows).slice(0, query.limit), plan: 'order' };
  }
  return { rows: await findMatchingTags(db, query, driving), plan: 'order, then words' };
}

/**
 * Up to 15 existing tags matching a term as a writer types it, among those the scope may see:
 * canonical tags first, then synonyms, then the rest.
 */
export async function suggestTags(db: Db, scope: Scope, term: unknown, type: unknown, tuning = DEFAULT_TUNING): Promise<Suggestion[]> {
  const types = parseSuggestType(type);
  const prefixes = parseTerm(term);
  if (prefixes.length === 0) return [];
  const { rows } = await findSuggestions(db, { prefixes, types, limit: SUGGESTIONS_MAX, scope }, tuning);
  return rows.map((row) => ({
    name: row.name, type: row.type, canonical: row.canonical === 1,
    ...(row.merger_id !== null && row.synonym_of !== null ? { synonymOf: row.synonym_of } : {}),
  }));
}
