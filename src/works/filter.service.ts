// Turns the filter form's values into a WorkFilter: tag names and ids become tag sets (with
// synonyms and subtags), bad values become notices the listing shows instead of errors.
import type { Db, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { expandTags, tagsNamed, tagsWithIds } from '../tags/tag.service.js';
import { splitTagField } from '../tags/tag.validation.js';
import { foldKey } from '../lib/text.js';
import { dateValue, languageValue, wordsValue, TAG_KINDS, type FilterValues } from './filter-params.js';
import { emptyFilter, SORTS, type WorkFilter } from './work-filter.js';

export type BuiltFilter = { filter: WorkFilter; notices: string[] };

async function idsForNames(db: Db, scope: Scope, text: string, notices: string[], including: boolean): Promise<number[] | null> {
  const names = splitTagField(text);
  if (names.length === 0) return [];
  const found = await tagsNamed(db, scope, names);
  const ids: number[] = [];
  for (const name of names) {
    const tag = found.get(foldKey(name));
    if (tag) ids.push(tag.id);
    else if (including) {
      notices.push(`There is no tag named “${name}”, so no works match it.`);
      return null;
    } else notices.push(`There is no tag named “${name}” to leave out.`);
  }
  return ids;
}

async function idsOfType(db: Db, ids: number[], type: TagType): Promise<number[]> {
  return (await tagsWithIds(db, ids)).filter((t) => t.type === type).map((t) => t.id);
}

async function tagSets(db: Db, scope: Scope, v: FilterValues, notices: string[]): Promise<{ include: number[][]; exclude: number[]; impossible: boolean }> {
  let included: number[] = [...v.includeIds.warning, ...v.includeIds.category];
  let excluded: number[] = [...v.excludeIds.rating, ...v.excludeIds.warning, ...v.excludeIds.category];
  let impossible = false;
  for (const kind of TAG_KINDS) {
    included.push(...await idsOfType(db, v.includeIds[kind], kind));
    excluded.push(...await idsOfType(db, v.excludeIds[kind], kind));
    const named = await idsForNames(db, scope, v.includeNames[kind], notices, true);
    if (named === null) impossible = true; else included.push(...named);
    excluded.push(...(await idsForNames(db, scope, v.excludeNames[kind], notices, false)) ?? []);
  }
  const other = await idsForNames(db, scope, v.otherTags, notices, true);
  if (other === null) impossible = true; else included.push(...other);
  excluded.push(...(await idsForNames(db, scope, v.excludedTags, notices, false)) ?? []);
  included = [...new Set(included)];
  excluded = [...new Set(excluded)];
  return { include: await expandTags(db, included), exclude: (await expandTags(db, excluded)).flat(), impossible };
}

/** Builds the filter; `base` is the listing's own tag (a tag page), already expanded. */
export async function buildFilter(db: Db, scope: Scope, v: FilterValues, base: number[][] = []): Promise<BuiltFilter> {
  const notices: string[] = [];
  const tags = await tagSets(db, scope, v, notices);
  const sort = v.sort === '' ? 'revised_at' : v.sort;
  const filter: WorkFilter = {
    ...emptyFilter(),
    include: [...base, ...tags.include, ...(tags.impossible ? [[]] : [])],
    exclude: tags.exclude,
    ratings: await idsOfType(db, v.includeIds.rating, 'rating'),
    complete: v.complete === '' ? null : v.complete === 'T',
    crossover: v.crossover === '' ? null : v.crossover === 'T' ? 'only' : 'exclude',
    wordsFrom: wordsValue(v.wordsFrom, 'the lowest word count', notices),
    wordsTo: wordsValue(v.wordsTo, 'the highest word count', notices),
    dateFrom: dateValue(v.dateFrom, 'the first date', notices),
    dateTo: dateValue(v.dateTo, 'the last date', notices),
    language: languageValue(v.language, notices),
    sort, direction: v.direction === '' ? SORTS[sort].direction : v.direction,
  };
  return { filter, notices };
}
