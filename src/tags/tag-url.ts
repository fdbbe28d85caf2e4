// Tag names in addresses, escaped the way AO3 does it so links carry over: / & . ? # become *s* *a* *d* *q* *h*.
import type { TagRow, TagType } from '../db/database.js';

const OUT: Array<[string, string]> = [['*', '*x*'], ['/', '*s*'], ['&', '*a*'], ['.', '*d*'], ['?', '*q*'], ['#', '*h*']];

/** The address segment for a tag name. */
export function tagParam(name: string): string {
  let param = name;
  for (const [char, code] of OUT) param = param.split(char).join(code);
  return encodeURIComponent(param);
}

/** The tag name an address segment stands for (the router has already percent-decoded it). */
export function tagNameFromParam(param: string): string {
  return param.replace(/\*([sadqhx])\*/g, (_, code: string) => ({ s: '/', a: '&', d: '.', q: '?', h: '#', x: '*' })[code] ?? '');
}

/** The listing of works carrying a tag. */
export function tagWorksPath(name: string): string {
  return `/tags/${tagParam(name)}/works`;
}

const FEED_TYPES: readonly TagType[] = ['fandom', 'character', 'relationship'];

/** The address of a tag's Atom feed. */
export function tagFeedPath(name: string): string {
  return `/tags/${tagParam(name)}/feed.atom`;
}

/** True for the tag types that have feeds: fandoms, characters and relationships. */
export function tagHasFeed(type: TagType): boolean {
  return FEED_TYPES.includes(type);
}

/** A tag feed's title. */
export function feedTitle(name: string, archiveName: string): string {
  return `${name} works on ${archiveName}`;
}

export type FeedLink = { href: string; title: string };

/** The feed a tag's listing page advertises (`<link rel="alternate">` and a visible link), if the tag has one. */
export function feedLinkForTag(tag: Pick<TagRow, 'name' | 'type'>, archiveName: string): FeedLink | undefined {
  return tagHasFeed(tag.type) ? { href: tagFeedPath(tag.name), title: feedTitle(tag.name, archiveName) } : undefined;
}
