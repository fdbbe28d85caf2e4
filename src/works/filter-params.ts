// Reads a listing's filters from the query string, using AO3's parameter names where they exist
// (work_search[...], include_work_search[...][], exclude_work_search[...][]), and turns tag names
// and ids into the tag sets a listing filters on.
import { isCalendarDate } from '../lib/clock.js';
import { isLanguage } from './languages.js';
import { isSortKey, type SortKey } from './work-filter.js';

export type Query = Record<string, string | string[] | undefined>;

export const TAG_KINDS = ['fandom', 'relationship', 'character', 'freeform'] as const;
export type TagKind = (typeof TAG_KINDS)[number];
export const FIXED_KINDS = { rating: 'rating_ids', warning: 'archive_warning_ids', category: 'category_ids' } as const;

/** The filter form's values as given, so the form can show them again. */
export type FilterValues = {
  sort: SortKey | '';
  direction: 'asc' | 'desc' | '';
  includeNames: Record<TagKind, string>;
  excludeNames: Record<TagKind, string>;
  includeIds: Record<TagKind | keyof typeof FIXED_KINDS, number[]>;
  excludeIds: Record<TagKind | keyof typeof FIXED_KINDS, number[]>;
  otherTags: string;
  excludedTags: string;
  complete: '' | 'T' | 'F';
  crossover: '' | 'T' | 'F';
  wordsFrom: string;
  wordsTo: string;
  dateFrom: string;
  dateTo: string;
  language: string;
};

function one(query: Query, name: string): string {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function ids(query: Query, name: string): number[] {
  const raw = query[name] ?? query[name.replace(/\[\]$/, '')];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : raw.split(',');
  return [...new Set(list.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0))];
}

function idsByKind(query: Query, prefix: string): FilterValues['includeIds'] {
  const result = {} as FilterValues['includeIds'];
  for (const kind of TAG_KINDS) result[kind] = ids(query, `${prefix}[${kind}_ids][]`);
  for (const [kind, param] of Object.entries(FIXED_KINDS) as Array<[keyof typeof FIXED_KINDS, string]>) result[kind] = ids(query, `${prefix}[${param}][]`);
  return result;
}

function namesByKind(query: Query, prefix: string): Record<TagKind, string> {
  return Object.fromEntries(TAG_KINDS.map((kind) => [kind, one(query, `${prefix}[${kind}_names]`)])) as Record<TagKind, string>;
}

function flag(value: string): '' | 'T' | 'F' {
  return value === 'T' || value === 'F' ? value : '';
}

/** The filter values in a query string (anything unreadable is left empty). */
export function readFilterValues(query: Query): FilterValues {
  const sort = one(query, 'work_search[sort_column]');
  const direction = one(query, 'work_search[sort_direction]');
  return {
    sort: isSortKey(sort) ? sort : '', direction: direction === 'asc' || direction === 'desc' ? direction : '',
    includeNames: namesByKind(query, 'work_search'), excludeNames: namesByKind(query, 'exclude_work_search'),
    includeIds: idsByKind(query, 'include_work_search'), excludeIds: idsByKind(query, 'exclude_work_search'),
    otherTags: one(query, 'work_search[other_tag_names]'), excludedTags: one(query, 'work_search[excluded_tag_names]'),
    complete: flag(one(query, 'work_search[complete]')), crossover: flag(one(query, 'work_search[crossover]')),
    wordsFrom: one(query, 'work_search[words_from]'), wordsTo: one(query, 'work_search[words_to]'),
    dateFrom: one(query, 'work_search[date_from]'), dateTo: one(query, 'work_search[date_to]'),
    language: one(query, 'work_search[language_id]'),
  };
}

/** A whole number of words from a filter field, or null with a notice. */
export function wordsValue(raw: string, label: string, notices: string[]): number | null {
  if (raw === '') return null;
  const value = Number(raw.replace(/[,\s]/g, ''));
  if (Number.isSafeInteger(value) && value >= 0) return value;
  notices.push(`“${raw}” is not a number of words, so ${label} was ignored.`);
  return null;
}

/** A date from a filter field, or null with a notice. */
export function dateValue(raw: string, label: string, notices: string[]): string | null {
  if (raw === '') return null;
  if (isCalendarDate(raw)) return raw;
  notices.push(`“${raw}” is not a date (YYYY-MM-DD), so ${label} was ignored.`);
  return null;
}

/** A language code from a filter field, or null with a notice. */
export function languageValue(raw: string, notices: string[]): string | null {
  if (raw === '') return null;
  if (isLanguage(raw)) return raw;
  notices.push(`“${raw}” is not a language this archive offers, so it was ignored.`);
  return null;
}
