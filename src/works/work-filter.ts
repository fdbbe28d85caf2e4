// What a listing can be narrowed and ordered by (issue 3's filters), independent of where the
// values came from (the filter form, AO3-style query parameters, the API).

export const SORTS = {
  revised_at: { label: 'Date updated', column: 'revised_at', direction: 'desc' },
  created_at: { label: 'Date posted', column: 'published_on', direction: 'desc' },
  title_to_sort_on: { label: 'Title', column: 'title_sort', direction: 'asc' },
  authors_to_sort_on: { label: 'Creator', column: 'creator_sort', direction: 'asc' },
  word_count: { label: 'Word count', column: 'word_count', direction: 'desc' },
  // Counters live apart from the work's row (work_counters), so these sort through a join.
  kudos_count: { label: 'Kudos', column: 'kudos', direction: 'desc' },
  comments_count: { label: 'Comments', column: 'comments', direction: 'desc' },
  bookmarks_count: { label: 'Bookmarks', column: 'bookmarks', direction: 'desc' },
  hits: { label: 'Hits', column: 'hits', direction: 'desc' },
} as const;

/** Sorts on a counter rather than on the work's own row. */
export const COUNTER_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['kudos_count', 'comments_count', 'bookmarks_count', 'hits']);

/** The counters a filter can bound (search's kudos>10, comments:1-5, bookmarks>=2). */
export const FILTERED_COUNTERS = ['kudos', 'comments', 'bookmarks', 'hits'] as const;
export type FilteredCounter = (typeof FILTERED_COUNTERS)[number];

export type SortKey = keyof typeof SORTS;
export type SortColumn = (typeof SORTS)[SortKey]['column'];

export type WorkFilter = {
  /** Each inner list is one wanted tag with its synonyms and subtags: a work needs one of each list. */
  include: number[][];
  /** Tags (with synonyms and subtags) a work must not carry. */
  exclude: number[];
  /** A work needs one of these ratings (a work has exactly one, so several mean "any of"). */
  ratings: number[];
  complete: boolean | null;
  crossover: 'only' | 'exclude' | null;
  wordsFrom: number | null;
  wordsTo: number | null;
  /** Updated on or after / on or before, YYYY-MM-DD. */
  dateFrom: string | null;
  dateTo: string | null;
  language: string | null;
  chaptersFrom: number | null;
  chaptersTo: number | null;
  /** At least / at most this many kudos, comments or bookmarks (search's kudos>10). */
  counts: Partial<Record<FilteredCounter, { min: number | null; max: number | null }>>;
  /** Updated / first posted after or before these instants (ISO-8601), from search's `updated<7 days`. */
  updatedAfter: string | null;
  updatedBefore: string | null;
  postedAfter: string | null;
  postedBefore: string | null;
  sort: SortKey;
  direction: 'asc' | 'desc';
};

/** No narrowing, newest update first. */
export function emptyFilter(): WorkFilter {
  return {
    include: [], exclude: [], ratings: [], complete: null, crossover: null, wordsFrom: null, wordsTo: null,
    dateFrom: null, dateTo: null, language: null, chaptersFrom: null, chaptersTo: null, counts: {},
    updatedAfter: null, updatedBefore: null, postedAfter: null, postedBefore: null, sort: 'revised_at', direction: 'desc',
  };
}

/** True when a filter narrows anything (its sort aside). */
export function narrowsAnything(f: WorkFilter): boolean {
  const { sort: _sort, direction: _direction, ...narrowing } = f;
  const { sort: _s, direction: _d, ...none } = emptyFilter();
  return JSON.stringify(narrowing) !== JSON.stringify(none);
}

/** True when a value is one of the sort keys. */
export function isSortKey(value: string): value is SortKey {
  return Object.hasOwn(SORTS, value);
}
