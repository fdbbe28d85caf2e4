// The sort and filter form of bookmark listings: the work listings' filters (the bookmarked work's
// tags, rating, words, language, ...) and sorts, plus a bookmark's own (when bookmarked, recs
// only, with notes, the bookmarker's tags). AO3's parameter names where it has them; the older
// `?rec=1` and `?tag=name` links keep working.
import type { Viewer } from '../access/viewer.js';
import { scopeOf } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { foldKey } from '../lib/text.js';
import { splitTagField } from '../tags/tag.validation.js';
import { readFilterValues, type FilterValues, type Query } from '../works/filter-params.js';
import { buildFilter } from '../works/filter.service.js';
import { workNarrowing } from '../works/reading.service.js';
import { isSortKey, SORTS, type SortKey } from '../works/work-filter.js';
import type { BookmarkQuery } from './bookmark.repository.js';

const BOOKMARKED = 'created_at';

/** The sorts a bookmark listing offers: when bookmarked first, then the works'. */
export const BOOKMARK_SORTS: Array<[string, string]> = [
  [BOOKMARKED, 'Date bookmarked'],
  ...(Object.entries(SORTS) as Array<[SortKey, { label: string }]>).filter(([key]) => key !== 'created_at').map(([key, s]): [string, string] => [key, `Work: ${s.label.toLowerCase()}`]),
];

export type BookmarkFilterValues = { work: FilterValues; sort: string; rec: boolean; withNotes: boolean; tags: string };

function one(query: Query, ...names: string[]): string {
  for (const name of names) {
    const value = query[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
    if (text !== '') return text;
  }
  return '';
}

/** The form's values in a query string (anything unreadable is left empty). */
export function readBookmarkFilter(query: Query): BookmarkFilterValues {
  const sort = one(query, 'bookmark_search[sort_column]');
  return {
    work: readFilterValues(query),
    sort: sort === BOOKMARKED || (isSortKey(sort) && sort !== 'created_at') ? sort : BOOKMARKED,
    rec: one(query, 'bookmark_search[rec]', 'rec') === '1',
    withNotes: one(query, 'bookmark_search[with_notes]') === '1',
    tags: one(query, 'bookmark_search[other_bookmark_tag_names]', 'tag'),
  };
}

/** Whether the bookmark's own fields narrow or reorder the listing. */
export function bookmarkFieldsInUse(v: BookmarkFilterValues): boolean {
  return v.sort !== BOOKMARKED || v.rec || v.withNotes || v.tags !== '';
}

/** The listing's narrowing and order as this viewer may see it, and what the filters could not use. */
export async function bookmarkQueryFor(db: Db, viewer: Viewer, v: BookmarkFilterValues): Promise<{ query: BookmarkQuery; notices: string[] }> {
  const { filter, notices } = await buildFilter(db, scopeOf(viewer), v.work);
  const workSort = v.sort !== BOOKMARKED && isSortKey(v.sort) ? v.sort : null;
  const works = workNarrowing(viewer, workSort === null ? filter : { ...filter, sort: workSort, direction: SORTS[workSort].direction });
  const tagKeys = splitTagField(v.tags).map(foldKey);
  return { query: { recOnly: v.rec, withNotes: v.withNotes, tagKeys, works, byWork: workSort !== null }, notices };
}
