// Searching works: the query language (query-parser.ts) over the full-text index, combined with
// the listings' filters and visibility, ranked by best match or sorted like any listing.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/connect.js';
import type { Database, Db } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { scopeOf, type Scope } from '../access/scope.js';
import { RATINGS } from '../tags/fixed-tags.js';
import { fixedTags } from '../tags/tag.service.js';
import { countMatchingUpTo, listWorksForReader, matchingWorkIds, worksInOrder, PER_PAGE, type Page } from '../works/reading.service.js';
import { marksBeside, NO_MARKS, type ListingMarks } from '../works/listing-marks.js';
import { mutesOf } from '../works/mute.service.js';
import { emptyFilter, narrowsAnything, SORTS, type WorkFilter } from '../works/work-filter.js';
import type { ListingFilter } from '../works/work.repository.js';
import type { ShownWork } from '../works/work.model.js';
import { parseQuery, type ParsedQuery, type QueryNode } from './query-parser.js';
import { NARROW_FILTER, RANK_LIMIT, type Snippet } from './search-backend.js';
import { backendFor } from './search-index.service.js';
import { tagFilters } from './tag-terms.js';


export type SearchResults = {
  parsed: ParsedQuery;
  page: Page<ShownWork>;
  snippets: Map<number, Snippet>;
  /**
   * true when more than RANK_LIMIT works match: best match then ranks the newest RANK_LIMIT,
   * and stops counting there (`page.total` is RANK_LIMIT), as counting on costs as much again
   */
  capped: boolean;
  sort: ParsedQuery['sort'];
  /** What the page's blurbs show for this viewer beyond the works (series, updated since read). */
  marks: ListingMarks;
};

async function filterFor(db: Db, scope: Scope, parsed: ParsedQuery, node: QueryNode | null): Promise<{ filter: WorkFilter; text: QueryNode | null }> {
  const tags = await tagFilters(db, scope, node);
  const fixed = await fixedTags(db);
  const ratings = fixed.rating.filter((r) => parsed.ratings.includes(r.name)).map((r) => r.id);
  const filter: WorkFilter = {
    ...emptyFilter(), include: tags.include, exclude: tags.exclude,
    ratings: parsed.ratings.length > 0 && ratings.length === 0 ? [-1] : ratings,
    complete: parsed.complete, language: parsed.language,
    wordsFrom: parsed.words.min, wordsTo: parsed.words.max, chaptersFrom: parsed.chapters.min, chaptersTo: parsed.chapters.max,
    counts: { kudos: parsed.kudos, comments: parsed.comments, bookmarks: parsed.bookmarks, hits: parsed.hits },
    updatedAfter: parsed.updated.after, updatedBefore: parsed.updated.before, postedAfter: parsed.posted.after, postedBefore: parsed.posted.before,
  };
  return { filter, text: tags.rest };
}

/**
 * How the words narrow the works: usually the index's matches are read first; when the filter
 * has already left only a few works, each of those is tested instead (a common word under a
 * narrow filter would otherwise read tens of thousands of matches to keep a few).
 */
async function matchingFor(db: Db, viewer: Viewer, text: QueryNode, filter: WorkFilter, showMuted: boolean): Promise<ListingFilter> {
  const backend = backendFor(db);
  const each = backend.matchingEach?.bind(backend);
  const narrow = each !== undefined && narrowsAnything(filter) && (await countMatchingUpTo(db, viewer, { ignoreMutes: showMuted }, filter, NARROW_FILTER)) < NARROW_FILTER;
  return { ...(narrow ? each(text) : await backend.matching(db, text)), ignoreMutes: showMuted };
}

/** A ranked page of work ids, before they are shaped for the reader. */
async function bestMatch(db: Db, viewer: Viewer, text: QueryNode, filter: WorkFilter, page: number, showMuted: boolean): Promise<{ ids: Page<number>; capped: boolean }> {
  const backend = backendFor(db);
  const where = await matchingFor(db, viewer, text, filter, showMuted);
  // One pass, newest first, both counts the matches (up to RANK_LIMIT) and gives the ones to rank.
  const newest = await matchingWorkIds(db, viewer, where, filter, RANK_LIMIT + 1);
  const capped = newest.length > RANK_LIMIT;
  const total = Math.min(newest.length, RANK_LIMIT);
  // A member who mutes something is told how many matches it left out (one more pass, for them alone).
  const muted = showMuted || (await mutesOf(db, viewer)) === null ? 0 : Math.min((await matchingWorkIds(db, viewer, { ...where, ignoreMutes: true }, filter, RANK_LIMIT + 1)).length, RANK_LIMIT) - total;
  const ranked = await backend.rank(db, text, newest.slice(0, RANK_LIMIT));
  const pages = Math.max(1, Math.ceil(Math.min(total, ranked.length) / PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const items = ranked.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  return { ids: { items, total, page: current, pages, ...(muted > 0 ? { muted } : {}) }, capped };
}

/**
 * What a search found, before its page is shaped: best match gives a ranked page of ids, a sort
 * by anything else a listing's page of works.
 */
type Found = { text: QueryNode | null; sort: NonNullable<ParsedQuery['sort']>; capped: boolean } & ({ ids: Page<number> } | { works: Page<ShownWork> });

async function findWorks(db: Kysely<Database>, viewer: Viewer, parsed: ParsedQuery, page: number, showMuted: boolean): Promise<Found> {
  const { filter, text } = await filterFor(db, scopeOf(viewer), parsed, parsed.text);
  const sort = parsed.sort ?? (text !== null ? 'best' : 'revised_at');
  if (sort === 'best' && text !== null) return { text, sort, ...(await bestMatch(db, viewer, text, filter, page, showMuted)) };
  const key = sort === 'best' ? 'revised_at' : sort;
  const listing = text === null ? { ignoreMutes: showMuted } : await matchingFor(db, viewer, text, filter, showMuted);
  return { text, sort, capped: false, works: await listWorksForReader(db, viewer, listing, { ...filter, sort: key, direction: SORTS[key].direction }, page) };
}

/**
 * How long a search may run on PostgreSQL before it stops and says so. The index answers nearly
 * every query in well under a second (docs/decisions/049); a query that still would not
 * (negations of phrases that are everywhere, say) must not hold a connection for half a minute.
 */
export const SEARCH_TIMEOUT_MS = 3000;

const TOO_BROAD = 'This search would take too long to finish: add a rarer word or a filter, or search for fewer words at once';

/** PostgreSQL's error code for a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Finds the works within SEARCH_TIMEOUT_MS on PostgreSQL (in a read transaction); null when it ran out of time. */
async function findInTime(db: Kysely<Database>, find: (db: Kysely<Database>) => Promise<Found>): Promise<Found | null> {
  if (dialectOf(db) !== 'postgres') return find(db);
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(SEARCH_TIMEOUT_MS)}`.execute(trx);
      return find(trx);
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === QUERY_CANCELED) return null;
    throw error;
  }
}

/**
 * What a search reads beyond the works, as the door asking shows it: the search page passages and
 * marks, the API passages alone, a feed neither (what is not asked for is not read, and is empty).
 */
export type SearchWants = { showMuted?: boolean; passages?: boolean; marks?: boolean };

/** Runs a search as this viewer may see it: never a draft, registered-users-only works only when logged in. */
export async function searchWorks(db: Kysely<Database>, viewer: Viewer, query: string, page: number, wants: SearchWants = {}): Promise<SearchResults> {
  const parsed = parseQuery(query);
  const found = await findInTime(db, (inTime) => findWorks(inTime, viewer, parsed, page, wants.showMuted === true));
  if (found === null) {
    const sort = parsed.sort ?? (parsed.text !== null ? 'best' : 'revised_at');
    return { parsed: { ...parsed, problems: [...parsed.problems, TOO_BROAD] }, page: { items: [], total: 0, page: 1, pages: 1 }, snippets: new Map(), capped: false, sort, marks: NO_MARKS };
  }
  // The page's works, passages and marks are read by id, outside the search's transaction: on
  // PostgreSQL their statements then run side by side on the pool's connections.
  const { text } = found;
  const ids = 'ids' in found ? found.ids.items : found.works.items.map((w) => w.id);
  const works = 'ids' in found ? worksInOrder(db, viewer, ids) : Promise.resolve(found.works.items);
  const [items, snippets, marks] = await Promise.all([
    works,
    text === null || wants.passages !== true ? new Map<number, Snippet>() : backendFor(db).snippets(db, text, ids),
    wants.marks === true ? marksBeside(db, viewer, ids, works) : NO_MARKS,
  ]);
  return { parsed, page: { ...('ids' in found ? found.ids : found.works), items }, snippets, capped: found.capped, sort: found.sort, marks };
}

/** The full-text query alone, for the benchmark: the best 20 work ids, no visibility, no filters. */
export async function rawSearch(db: Db, query: string): Promise<number[]> {
  const parsed = parseQuery(query);
  return parsed.text === null ? [] : backendFor(db).rawTop(db, parsed.text, 20);
}

/** The rating names the query language accepts, for the advanced form. */
export const SEARCH_RATINGS = RATINGS;
