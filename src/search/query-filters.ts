// The parts of a query that narrow the results rather than match words (rating:, language:,
// complete:, words>, chapters:, updated<, posted>, sort:): reading each value, combining several,
// and writing them back in the one canonical form that reads the same again.

import { RATINGS } from '../tags/fixed-tags.js';
import { LANGUAGES, isLanguage } from '../works/languages.js';
import type { DateRange, Range, SearchSort } from './query-parser.js';
import type { FilterName, Operator } from './query-terms.js';

type Rating = (typeof RATINGS)[number];
type Unit = 'hour' | 'day' | 'week' | 'month' | 'year';

export type FilterSpec = { raw: string } & (
  | { type: 'rating'; rating: Rating }
  | { type: 'language'; code: string }
  | { type: 'complete'; value: boolean }
  | { type: 'count'; field: CountField; op: Operator; low: number; high: number }
  | { type: 'age'; field: 'updated' | 'posted'; older: boolean; amount: number; unit: Unit }
  | { type: 'sort'; sort: SearchSort }
);

const RATING_SHORT: Record<Rating, string> = {
  'Not Rated': 'notrated', 'General Audiences': 'general', 'Teen And Up Audiences': 'teen', Mature: 'mature', Explicit: 'explicit',
};
const RATING_WORDS: ReadonlyMap<string, Rating> = new Map<string, Rating>([
  ...RATINGS.map((rating): [string, Rating] => [rating.toLowerCase(), rating]),
  ...RATINGS.map((rating): [string, Rating] => [RATING_SHORT[rating], rating]),
  ['not-rated', 'Not Rated'],
]);

/** The counts a filter can bound: words>1000, chapters:3, kudos>10. */
type CountField = 'words' | 'chapters' | 'kudos' | 'comments' | 'bookmarks' | 'hits';

const SORT_NAMES: Record<SearchSort, string> = {
  best: 'best', revised_at: 'updated', created_at: 'posted', title_to_sort_on: 'title', authors_to_sort_on: 'creator', word_count: 'words',
  kudos_count: 'kudos', comments_count: 'comments', bookmarks_count: 'bookmarks', hits: 'hits',
};
const SORT_WORDS: ReadonlyMap<string, SearchSort> = new Map<string, SearchSort>([
  ...Object.entries(SORT_NAMES).flatMap(([key, name]): [string, SearchSort][] => [[key, key as SearchSort], [name, key as SearchSort]]),
  ['relevance', 'best'], ['author', 'authors_to_sort_on'],
]);

const HOUR = 3_600_000;
const UNIT_MS: Record<Unit, number> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR, month: 30 * 24 * HOUR, year: 365 * 24 * HOUR };
const MAX_YEARS = 200;
const MAX_COUNT = 1_000_000_000;
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/u;
const AGE = /^([\d,]+) ?(hours?|days?|weeks?|months?|years?)$/iu;

/** Reads one filter's value: the filter, or a sentence saying why it was not understood. */
export function readFilter(name: FilterName, op: Operator, value: string, raw: string): FilterSpec | string {
  if (name === 'words' || name === 'chapters' || name === 'kudos' || name === 'comments' || name === 'bookmarks' || name === 'hits') return readCount(name, op, value, raw);
  if (name === 'updated' || name === 'posted') return readAge(name, op, value, raw);
  if (op !== ':') return `“${raw}” was ignored: write ${name}: followed by a value`;
  const word = value.toLowerCase().replace(/\s+/gu, ' ').trim();
  if (name === 'rating') {
    const rating = RATING_WORDS.get(word);
    return rating ? { type: 'rating', raw, rating } : `There is no rating “${value}”; use general, teen, mature, explicit or notrated`;
  }
  if (name === 'language') {
    const code = findLanguage(value);
    return code ? { type: 'language', raw, code } : `There is no language “${value}”; use a code such as fr or the language’s own name`;
  }
  if (name === 'complete') {
    if (word === 'true' || word === 'yes') return { type: 'complete', raw, value: true };
    if (word === 'false' || word === 'no') return { type: 'complete', raw, value: false };
    return `“${raw}” was ignored: complete: takes true or false`;
  }
  const sort = SORT_WORDS.get(word);
  return sort ? { type: 'sort', raw, sort } : `There is no sort “${value}”; use best, updated, posted, title, creator, words, kudos, comments, bookmarks or hits`;
}

function findLanguage(value: string): string | null {
  if (isLanguage(value)) return value;
  const wanted = fold(value);
  const found = LANGUAGES.find(([code, name]) => fold(code) === wanted || fold(name) === wanted);
  return found ? found[0] : null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function readNumber(text: string): number | string {
  if (!NUMBER.test(text)) return `“${text}” is not a number`;
  const value = Number(text.replaceAll(',', ''));
  return value > MAX_COUNT ? `“${text}” is too large a number` : value;
}

function readCount(field: CountField, op: Operator, value: string, raw: string): FilterSpec | string {
  const range = op === ':' ? /^([\d,]+)-([\d,]+)$/u.exec(value) : null;
  const low = readNumber(range?.[1] ?? value);
  const high = range ? readNumber(range[2] ?? '') : low;
  if (typeof low === 'string') return low;
  if (typeof high === 'string') return high;
  return { type: 'count', raw, field, op, low: Math.min(low, high), high: Math.max(low, high) };
}

function readAge(field: 'updated' | 'posted', op: Operator, value: string, raw: string): FilterSpec | string {
  if (op === ':') return `“${raw}” was ignored: write ${field}<7 days for the last 7 days, or ${field}>7 days for before then`;
  const age = AGE.exec(value);
  if (!age) {
    return /^[\d,]+$/u.test(value) ? `“${raw}” needs a unit: hours, days, weeks, months or years` : `“${value}” is not a length of time such as 7 days`;
  }
  const amount = readNumber(age[1] ?? '');
  if (typeof amount === 'string') return amount;
  const unit = (age[2] ?? '').toLowerCase().replace(/s$/u, '') as Unit;
  if (amount * UNIT_MS[unit] > MAX_YEARS * UNIT_MS.year) return `“${raw}” reaches too far back; the limit is ${MAX_YEARS} years`;
  return { type: 'age', raw, field, older: op.startsWith('>'), amount, unit };
}

type Bound = { value: number; strict: boolean };
type Bounds = { min: Bound | null; max: Bound | null };
type Age = { ago: number; text: string };
type Ages = { after: Age | null; before: Age | null };

export type FilterState = {
  ratingsIn: Set<Rating> | null;
  ratingsOut: Set<Rating>;
  language: string | null;
  complete: boolean | null;
  words: Bounds; chapters: Bounds; kudos: Bounds; comments: Bounds; bookmarks: Bounds; hits: Bounds;
  updated: Ages; posted: Ages;
  sort: SearchSort | null;
};

/** No filter yet. */
export function emptyFilters(): FilterState {
  return {
    ratingsIn: null, ratingsOut: new Set(), language: null, complete: null,
    words: { min: null, max: null }, chapters: { min: null, max: null }, kudos: { min: null, max: null }, comments: { min: null, max: null }, bookmarks: { min: null, max: null }, hits: { min: null, max: null },
    updated: { after: null, before: null }, posted: { after: null, before: null }, sort: null,
  };
}

/** Adds one filter (negated when written -rating:teen or NOT ...), keeping the first of two that cannot both hold. */
export function applyFilter(state: FilterState, spec: FilterSpec, negated: boolean, problems: string[]): void {
  const shown = negated ? `-${spec.raw}` : spec.raw;
  const cannotExclude = `“${shown}” was ignored: it cannot be excluded`;
  switch (spec.type) {
    case 'rating':
      if (negated) state.ratingsOut.add(spec.rating);
      else (state.ratingsIn ??= new Set()).add(spec.rating);
      return;
    case 'complete': {
      const value = spec.value !== negated;
      if (state.complete === null) state.complete = value;
      else if (state.complete !== value) problems.push(`“${shown}” was ignored: it contradicts complete:${state.complete}`);
      return;
    }
    case 'language':
      if (negated) problems.push(cannotExclude);
      else if (state.language === null) state.language = spec.code;
      else if (state.language !== spec.code) problems.push(`“${shown}” was ignored: a work has one language, and language:${state.language} came first`);
      return;
    case 'sort':
      if (negated) problems.push(cannotExclude);
      else if (state.sort === null) state.sort = spec.sort;
      else if (state.sort !== spec.sort) problems.push(`“${shown}” was ignored: only one sort can be used, and sort:${SORT_NAMES[state.sort]} came first`);
      return;
    case 'count': {
      const op = negated ? FLIPPED[spec.op] : spec.op;
      if (op === null) problems.push(cannotExclude);
      else narrowCount(state[spec.field], spec.field, op, spec, shown, problems);
      return;
    }
    case 'age':
      narrowAge(state[spec.field], spec.field, spec.older !== negated, spec.amount, spec.unit, shown, problems);
  }
}

const FLIPPED: Record<Operator, Operator | null> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', ':': null };

function narrowCount(bounds: Bounds, field: string, op: Operator, spec: { low: number; high: number }, shown: string, problems: string[]): void {
  const given: Bounds = {
    min: op === '>' ? { value: spec.low + 1, strict: true } : op === '>=' || op === ':' ? { value: spec.low, strict: false } : null,
    max: op === '<' ? { value: spec.high - 1, strict: true } : op === '<=' || op === ':' ? { value: spec.high, strict: false } : null,
  };
  const min = given.min && (!bounds.min || given.min.value > bounds.min.value) ? given.min : bounds.min;
  const max = given.max && (!bounds.max || given.max.value < bounds.max.value) ? given.max : bounds.max;
  if ((max && max.value < 0) || (min && max && min.value > max.value)) {
    const before = renderCount(field, bounds);
    problems.push(before === null ? `“${shown}” can match no work, so it was ignored` : `“${shown}” was ignored: no work can also match ${before}`);
    return;
  }
  bounds.min = min;
  bounds.max = max;
}

function narrowAge(ages: Ages, field: string, older: boolean, amount: number, unit: Unit, shown: string, problems: string[]): void {
  const age = { ago: amount * UNIT_MS[unit], text: `${field}${older ? '>' : '<'}${amount} ${unit}${amount === 1 ? '' : 's'}` };
  const after = !older && (!ages.after || age.ago < ages.after.ago) ? age : ages.after;
  const before = older && (!ages.before || age.ago > ages.before.ago) ? age : ages.before;
  if (after && before && after.ago <= before.ago) {
    problems.push(`“${shown}” was ignored: no work can also match ${(older ? ages.after : ages.before)?.text ?? ''}`);
    return;
  }
  ages.after = after;
  ages.before = before;
}

export type FinishedFilters = {
  ratings: string[]; language: string | null; complete: boolean | null;
  words: Range; chapters: Range; kudos: Range; comments: Range; bookmarks: Range; hits: Range; updated: DateRange; posted: DateRange; sort: SearchSort | null;
  /** The filters as query text, in a fixed order. */
  canonical: string[];
};

/** The filters as the parsed query reports them, with dates computed from now. */
export function finishFilters(state: FilterState, now: Date, problems: string[]): FinishedFilters {
  const ratings = finishRatings(state, problems);
  const shown = ratings.length <= RATINGS.length - ratings.length
    ? ratings.map((rating) => `rating:${RATING_SHORT[rating]}`)
    : RATINGS.filter((rating) => !ratings.includes(rating)).map((rating) => `-rating:${RATING_SHORT[rating]}`);
  const canonical = [
    ...shown,
    state.language === null ? null : `language:${state.language}`,
    state.complete === null ? null : `complete:${state.complete}`,
    renderCount('words', state.words), renderCount('chapters', state.chapters), renderCount('kudos', state.kudos), renderCount('comments', state.comments), renderCount('bookmarks', state.bookmarks), renderCount('hits', state.hits),
    state.updated.after?.text, state.updated.before?.text, state.posted.after?.text, state.posted.before?.text,
    state.sort === null ? null : `sort:${SORT_NAMES[state.sort]}`,
  ].filter((part): part is string => typeof part === 'string');
  return {
    ratings, language: state.language, complete: state.complete,
    words: range(state.words), chapters: range(state.chapters), kudos: range(state.kudos), comments: range(state.comments), bookmarks: range(state.bookmarks), hits: range(state.hits),
    updated: dates(state.updated, now), posted: dates(state.posted, now),
    sort: state.sort, canonical,
  };
}

function finishRatings(state: FilterState, problems: string[]): Rating[] {
  if (state.ratingsIn === null && state.ratingsOut.size === 0) return [];
  const wanted = RATINGS.filter((rating) => (state.ratingsIn?.has(rating) ?? true) && !state.ratingsOut.has(rating));
  if (wanted.length === 0) problems.push('The rating filters left no rating to search, so ratings were not filtered');
  return wanted.length === RATINGS.length ? [] : wanted;
}

function range(bounds: Bounds): Range {
  return { min: bounds.min?.value ?? null, max: bounds.max?.value ?? null };
}

function dates(ages: Ages, now: Date): DateRange {
  const at = (age: Age | null): string | null => (age ? new Date(now.getTime() - age.ago).toISOString() : null);
  return { after: at(ages.after), before: at(ages.before) };
}

function renderCount(field: string, { min, max }: Bounds): string | null {
  if (min && max) return min.value === max.value ? `${field}:${min.value}` : `${field}:${min.value}-${max.value}`;
  if (min) return min.strict ? `${field}>${min.value - 1}` : `${field}>=${min.value}`;
  if (max) return max.strict ? `${field}<${max.value + 1}` : `${field}<=${max.value}`;
  return null;
}
