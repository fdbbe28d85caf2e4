// A tag's Atom feed: the newest works carrying a fandom, character or relationship tag (or one
// of its synonyms or subtags), exactly as a guest may see them, whoever asks. Its address and
// title belong to the tag (src/tags/tag-url.ts), so a tag's listing can link it.
import { guestViewer } from '../access/viewer.js';
import { GUEST_SCOPE } from '../access/scope.js';
import type { Config } from '../config.js';
import type { Db, TagRow } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { dateOf } from '../lib/clock.js';
import { escapeHtml } from '../lib/escape.js';
import { rewriteExternalImages } from '../lib/external-images.js';
import { imageRewrite } from '../http/render.js';
import { formatCount } from '../lib/text.js';
import { listWorksForReader } from '../works/reading.service.js';
import { emptyFilter, type WorkFilter } from '../works/work-filter.js';
import type { ListingFilter } from '../works/work.repository.js';
import { chapterFraction, type Creator, type WorkModel } from '../works/work.model.js';
import { creatorPath, workPath } from '../works/work-paths.js';
import { feedTitle, tagFeedPath, tagHasFeed, tagWorksPath } from '../tags/tag-url.js';
import { expandTags, getTagById, getTagByName, type TagsByType } from '../tags/tag.service.js';
import type { AtomCategory, AtomEntry, AtomFeed, AtomPerson } from './views/atom-feed.js';

export const FEED_SIZE = 25;

// The date inside every tag: URI (RFC 4151) ever handed out; changing it would change every id.
const TAG_URI_DATE = '2026';

/** The settings a feed needs: absolute addresses, the archive's name, and how its images are shown. */
export type FeedSite = Pick<Config, 'baseUrl' | 'archiveName' | 'externalImages' | 'sessionSecret'>;

/**
 * Stored user HTML as a feed carries it: a feed reader that loads an image would show its host the
 * reader's address, so images follow the archive's EXTERNAL_IMAGES mode, by absolute address.
 */
export function feedHtml(site: FeedSite, html: string): string {
  return rewriteExternalImages(html, imageRewrite(site, site.baseUrl));
}

export type FeedTarget = { kind: 'feed'; tag: TagRow } | { kind: 'redirect'; path: string; permanent: boolean };

/** The tag whose feed an address names, or where to send the reader instead (a synonym's canonical tag, the tag's own spelling); 404 when there is no such feed. */
export async function findFeedTag(db: Db, name: string): Promise<FeedTarget> {
  const tag = await getTagByName(db, GUEST_SCOPE, name);
  if (!tagHasFeed(tag.type)) throw notFound();
  if (tag.merger_id !== null) return { kind: 'redirect', path: tagFeedPath((await getTagById(db, tag.merger_id)).name), permanent: false };
  if (tag.name !== name) return { kind: 'redirect', path: tagFeedPath(tag.name), permanent: true };
  return { kind: 'feed', tag };
}

/** A stable id: a tag: URI on the archive's host, or the given address when the host cannot make one (an IPv6 literal). */
/** A stable Atom id: a tag: URI on the archive's host, or the fallback URL when the host cannot make one. */
export function atomId(site: FeedSite, specific: string, fallbackUrl: string): string {
  const host = new URL(site.baseUrl).hostname;
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(host) ? `tag:${host},${TAG_URI_DATE}:${specific}` : fallbackUrl;
}

/** A stored calendar date as an RFC 3339 time (midnight UTC). */
export function dayTime(date: string): string {
  return `${date}T00:00:00Z`;
}

/** Each creator as an Atom author: the pseud, with the login when they differ, linked to the pseud's page. */
export function creatorAuthors(creators: Creator[], baseUrl: string): AtomPerson[] {
  return creators.map((c) => {
    const path = creatorPath(c);
    return { name: c.pseud === c.login || path === null ? c.pseud : `${c.pseud} (${c.login})`, uri: path === null ? null : baseUrl + path };
  });
}

/** The work's summary followed by one line of its rating, warnings, fandoms, words and chapters. */
export function summaryHtml(work: WorkModel, site: FeedSite): string {
  const facts: Array<[string, string]> = [
    ['Rating', work.tags.rating.join(', ')], ['Warnings', work.tags.warning.join(', ')], ['Fandoms', work.tags.fandom.join(', ')],
    ['Words', formatCount(work.wordCount)], ['Chapters', chapterFraction(work)],
  ];
  const line = facts.map(([label, value]) => `${label}: ${escapeHtml(value)}`).join(' · ');
  // The summary was sanitized when it was saved; the rest is escaped here.
  return `${feedHtml(site, work.summary)}<p>${line}</p>`;
}

/** Every tag of a work as a category, in the archive's tag scheme. */
export function categories(tags: TagsByType, baseUrl: string): AtomCategory[] {
  return Object.values(tags).flat().map((name) => ({ term: name, label: name, scheme: `${baseUrl}/tags/` }));
}

function workEntry(work: WorkModel, id: number, site: FeedSite, fallbackDate: string): AtomEntry {
  const url = site.baseUrl + workPath(id);
  return {
    id: atomId(site, `works/${id}`, url),
    title: work.title,
    // Works expose their update as a calendar day, so an entry's time is that day's start.
    updated: work.revisedAt ?? dayTime(work.updatedOn ?? work.publishedOn ?? fallbackDate),
    published: work.publishedOn === null ? null : dayTime(work.publishedOn),
    url,
    authors: creatorAuthors(work.creators, site.baseUrl),
    summaryHtml: summaryHtml(work, site),
    categories: categories(work.tags, site.baseUrl),
  };
}

/** What a feed of works lists: a listing's works, named and addressed. */
export type WorksFeedSpec = { key: string; name: string; selfPath: string; alternatePath: string; createdAt: string; scope?: ListingFilter; filter?: WorkFilter };

/** A feed of a listing's newest works, newest update first, as a guest sees them. */
export async function buildWorksFeed(db: Db, spec: WorksFeedSpec, site: FeedSite): Promise<AtomFeed> {
  const { items } = await listWorksForReader(db, guestViewer(), spec.scope ?? {}, spec.filter ?? emptyFilter(), 1, FEED_SIZE);
  const created = dateOf(spec.createdAt);
  const entries = items.map((work) => workEntry(work, work.id, site, created));
  const selfUrl = site.baseUrl + spec.selfPath;
  return {
    id: atomId(site, spec.key, selfUrl),
    title: feedTitle(spec.name, site.archiveName),
    // The listing is ordered by update, so the first entry is the newest.
    updated: entries[0]?.updated ?? new Date(spec.createdAt).toISOString(),
    selfUrl,
    alternateUrl: site.baseUrl + spec.alternatePath,
    author: { name: site.archiveName, uri: `${site.baseUrl}/` },
    generator: 'Bindery',
    entries,
  };
}

/** The feed of a tag's newest works (itself, its synonyms and subtags), newest update first, as a guest sees them. */
export async function buildTagFeed(db: Db, tag: TagRow, site: FeedSite): Promise<AtomFeed> {
  const filter = { ...emptyFilter(), include: await expandTags(db, [tag.id]) };
  return buildWorksFeed(db, { key: `tags/${tag.id}`, name: tag.name, selfPath: tagFeedPath(tag.name), alternatePath: tagWorksPath(tag.name), createdAt: tag.created_at, filter }, site);
}
