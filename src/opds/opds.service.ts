// The OPDS catalog's feeds, built from the same services as the pages: every list is what this
// viewer may see (an e-reader app is a guest), every book links to its EPUB download.
import type { Viewer } from '../access/viewer.js';
import { scopeOf } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { htmlToText } from '../lib/word-count.js';
import { searchWorks } from '../search/search.service.js';
import { fandomIndexFor, type FandomEntry } from '../tags/fandom-index.service.js';
import { atomId, categories, creatorAuthors, dayTime, feedHtml, summaryHtml, type FeedSite } from '../feeds/feed.service.js';
import { tagParam } from '../tags/tag-url.js';
import { expandTags, getTagByName } from '../tags/tag.service.js';
import { listWorksForReader, PER_PAGE, type Page } from '../works/reading.service.js';
import { emptyFilter, SORTS } from '../works/work-filter.js';
import type { WorkModel } from '../works/work.model.js';
import { workPath } from '../works/work-paths.js';
import { downloadPath } from '../works/download-links.js';
import { seriesPlacementsOfWorks, type SeriesPlacement } from '../works/work-series.js';
import { getSeriesForReader } from '../series/series.service.js';
import { downloadSlug } from '../lib/download-formats.js';
import { ACQUISITION_TYPE, NAVIGATION_TYPE, OPENSEARCH_TYPE, type BookEntry, type NavigationEntry, type OpdsFeed, type OpdsLink } from './opds-feed.js';

export const OPDS_PER_PAGE = 25;
const FANDOMS_PER_PAGE = 50;

/** A feed's place in the catalog: its path (with any query but the page), title and page. */
type Place = { path: string; title: string; page: number };

function url(site: FeedSite, path: string): string {
  return site.baseUrl + path;
}

function pageUrl(site: FeedSite, path: string, page: number): string {
  return url(site, page <= 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${page}`);
}

function commonLinks(site: FeedSite, place: Place, type: string): OpdsLink[] {
  return [
    { rel: 'self', href: pageUrl(site, place.path, place.page), type },
    { rel: 'start', href: url(site, '/opds'), type: NAVIGATION_TYPE },
    { rel: 'up', href: url(site, '/opds'), type: NAVIGATION_TYPE },
    { rel: 'search', href: url(site, '/opds/search.xml'), type: OPENSEARCH_TYPE, title: `Search ${site.archiveName}` },
  ];
}

function pagingLinks(site: FeedSite, place: Place, pages: number, type: string): OpdsLink[] {
  const links: OpdsLink[] = [{ rel: 'first', href: pageUrl(site, place.path, 1), type }, { rel: 'last', href: pageUrl(site, place.path, pages), type }];
  if (place.page > 1) links.push({ rel: 'previous', href: pageUrl(site, place.path, place.page - 1), type });
  if (place.page < pages) links.push({ rel: 'next', href: pageUrl(site, place.path, place.page + 1), type });
  return links;
}

function bookEntry(site: FeedSite, work: WorkModel & { id: number }, series: SeriesPlacement[] = []): BookEntry {
  const epub = downloadPath(work, 'epub');
  return {
    id: atomId(site, `works/${work.id}`, url(site, workPath(work.id))),
    title: work.title,
    updated: work.revisedAt ?? dayTime(work.updatedOn ?? work.publishedOn ?? '1970-01-01'),
    issued: work.publishedOn, language: work.language,
    authors: creatorAuthors(work.creators, site.baseUrl),
    summaryText: htmlToText(work.summary).trim(),
    contentHtml: summaryHtml(work, site),
    categories: categories(work.tags, site.baseUrl),
    links: [
      { rel: 'http://opds-spec.org/acquisition', href: url(site, epub), type: 'application/epub+zip', title: 'EPUB' },
      { rel: 'alternate', href: url(site, workPath(work.id)), type: 'text/html', title: 'Read on the archive' },
      // Its series, as a feed of their works in order.
      ...series.map((s): OpdsLink => ({ rel: 'related', href: url(site, `/opds/series/${s.seriesId}`), type: ACQUISITION_TYPE, title: `Part ${s.part} of ${s.title}` })),
    ],
  };
}

function acquisitionFeed(site: FeedSite, place: Place, page: Page<WorkModel>, perPage: number, series = new Map<number, SeriesPlacement[]>()): OpdsFeed {
  const works = page.items.filter((w): w is WorkModel & { id: number } => w.id !== null);
  const entries = works.map((w) => bookEntry(site, w, series.get(w.id)));
  return {
    kind: 'acquisition', id: atomId(site, `opds${place.path}`, url(site, place.path)), title: place.title,
    updated: entries[0]?.updated ?? new Date().toISOString(), author: { name: site.archiveName, uri: `${site.baseUrl}/` },
    links: [...commonLinks(site, place, ACQUISITION_TYPE), ...pagingLinks(site, { ...place, page: page.page }, page.pages, ACQUISITION_TYPE)],
    paging: { total: page.total, startIndex: (page.page - 1) * perPage + 1, perPage },
    entries,
  };
}

function navigation(site: FeedSite, path: string, title: string, description: string, type: string): NavigationEntry {
  return { id: atomId(site, `opds${path}`, url(site, path)), title, updated: new Date().toISOString(), description, link: { rel: 'subsection', href: url(site, path), type } };
}

/** The root: where an e-reader app starts. */
export function rootFeed(site: FeedSite): OpdsFeed {
  return {
    kind: 'navigation', id: atomId(site, 'opds', url(site, '/opds')), title: site.archiveName, updated: new Date().toISOString(),
    author: { name: site.archiveName, uri: `${site.baseUrl}/` }, links: commonLinks(site, { path: '/opds', title: site.archiveName, page: 1 }, NAVIGATION_TYPE),
    entries: [
      navigation(site, '/opds/recent', 'Recently updated works', 'The newest chapters and works, latest first.', ACQUISITION_TYPE),
      navigation(site, '/opds/fandoms', 'Fandoms', 'Every fandom, A to Z, with its works.', NAVIGATION_TYPE),
      navigation(site, '/opds/popular', 'Popular fandoms', 'The fandoms with the most works.', NAVIGATION_TYPE),
    ],
  };
}

/** Works, newest update first. */
export async function recentFeed(db: Db, viewer: Viewer, site: FeedSite, page: number): Promise<OpdsFeed> {
  const works = await listWorksForReader(db, viewer, {}, { ...emptyFilter(), sort: 'revised_at', direction: SORTS.revised_at.direction }, page, OPDS_PER_PAGE);
  const series = await seriesPlacementsOfWorks(db, viewer, works.items.map((w) => w.id));
  return acquisitionFeed(site, { path: '/opds/recent', title: 'Recently updated works', page }, works, OPDS_PER_PAGE, series);
}

/** Fandoms as navigation entries, A to Z or the biggest first, each leading to its works. */
export async function fandomsFeed(db: Db, viewer: Viewer, site: FeedSite, order: 'name' | 'popular', page: number): Promise<OpdsFeed> {
  const all = (await fandomIndexFor(db, viewer)).filter((f) => f.works > 0);
  const sorted: FandomEntry[] = order === 'name' ? all : [...all].sort((a, b) => b.works - a.works);
  const pages = Math.max(1, Math.ceil(sorted.length / FANDOMS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const place = order === 'name' ? { path: '/opds/fandoms', title: 'Fandoms', page: current } : { path: '/opds/popular', title: 'Popular fandoms', page: current };
  const entries = sorted.slice((current - 1) * FANDOMS_PER_PAGE, current * FANDOMS_PER_PAGE)
    .map((f) => navigation(site, `/opds/fandoms/${tagParam(f.name)}`, f.name, `${f.works} ${f.works === 1 ? 'work' : 'works'}`, ACQUISITION_TYPE));
  return {
    kind: 'navigation', id: atomId(site, `opds${place.path}`, url(site, place.path)), title: place.title, updated: new Date().toISOString(),
    author: { name: site.archiveName, uri: `${site.baseUrl}/` },
    links: [...commonLinks(site, place, NAVIGATION_TYPE), ...pagingLinks(site, place, pages, NAVIGATION_TYPE)], entries,
  };
}

/** One fandom's works (with its synonyms and subtags), newest update first; 404 for an unknown tag. */
export async function fandomWorksFeed(db: Db, viewer: Viewer, site: FeedSite, name: string, page: number): Promise<OpdsFeed> {
  const tag = await getTagByName(db, scopeOf(viewer), name);
  const filter = { ...emptyFilter(), include: await expandTags(db, [tag.id]), sort: 'revised_at' as const, direction: SORTS.revised_at.direction };
  const works = await listWorksForReader(db, viewer, {}, filter, page, OPDS_PER_PAGE);
  const series = await seriesPlacementsOfWorks(db, viewer, works.items.map((w) => w.id));
  return acquisitionFeed(site, { path: `/opds/fandoms/${tagParam(tag.name)}`, title: `${tag.name} works`, page }, works, OPDS_PER_PAGE, series);
}

/** A search, in the query language of the search page, best match first. */
export async function searchFeed(db: Db, viewer: Viewer, site: FeedSite, query: string, page: number): Promise<OpdsFeed> {
  const results = await searchWorks(db, viewer, query, page);
  return acquisitionFeed(site, { path: `/opds/search?q=${encodeURIComponent(query)}`, title: `Search: ${query}`, page }, results.page, PER_PAGE);
}

/** A series' works the viewer may read, in order, with the whole series as one EPUB first; 404 when they may read none. */
export async function seriesFeed(db: Db, viewer: Viewer, site: FeedSite, seriesId: number): Promise<OpdsFeed> {
  const series = await getSeriesForReader(db, viewer, seriesId);
  const place = { path: `/opds/series/${series.id}`, title: series.title, page: 1 };
  const feed = acquisitionFeed(site, place, { items: series.works, total: series.works.length, page: 1, pages: 1 }, Math.max(1, series.works.length));
  const whole: BookEntry = {
    id: atomId(site, `series/${series.id}`, url(site, `/series/${series.id}`)), title: `${series.title} (the whole series)`,
    updated: feed.updated, issued: series.begun, language: series.works[0]?.language ?? 'en', authors: creatorAuthors(series.creators, site.baseUrl),
    summaryText: htmlToText(series.summary).trim(), contentHtml: feedHtml(site, series.summary), categories: [],
    links: [
      { rel: 'http://opds-spec.org/acquisition', href: url(site, `/downloads/series/${series.id}/${downloadSlug(series.title, series.id)}.epub`), type: 'application/epub+zip', title: 'EPUB' },
      { rel: 'alternate', href: url(site, `/series/${series.id}`), type: 'text/html', title: 'The series on the archive' },
    ],
  };
  return { ...feed, entries: series.works.length > 0 ? [whole, ...feed.entries] : feed.entries };
}
