// OPDS 1.2 catalog documents (Atom with OPDS links): navigation feeds that lead somewhere, and
// acquisition feeds whose entries link to each work's EPUB.
import { xmlDocument, xmlElement as el, type XmlMarkup } from '../lib/xml.js';

export const NAVIGATION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const ACQUISITION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

/** A link of a feed or entry; `href` is absolute. */
export type OpdsLink = { rel: string; href: string; type: string; title?: string };

export type OpdsPerson = { name: string; uri: string | null };

/** One work in an acquisition feed. */
export type BookEntry = {
  id: string; title: string; updated: string; issued: string | null; language: string;
  authors: OpdsPerson[]; summaryText: string; contentHtml: string;
  categories: Array<{ term: string; label: string; scheme: string }>;
  links: OpdsLink[];
};

/** One way onward in a navigation feed. */
export type NavigationEntry = { id: string; title: string; updated: string; description: string; link: OpdsLink };

export type OpdsFeed = {
  kind: 'navigation' | 'acquisition';
  id: string; title: string; updated: string; author: OpdsPerson;
  /** self, start, up, search, first/previous/next/last… */
  links: OpdsLink[];
  /** For paged feeds: OpenSearch figures readers use to show "1-25 of 312". */
  paging?: { total: number; startIndex: number; perPage: number };
  entries: Array<BookEntry | NavigationEntry>;
};

function link(l: OpdsLink): XmlMarkup {
  return el('link', { rel: l.rel, href: l.href, type: l.type, title: l.title });
}

function person(kind: 'author', who: OpdsPerson): XmlMarkup {
  return el(kind, {}, [el('name', {}, [who.name]), who.uri !== null && el('uri', {}, [who.uri])]);
}

function bookEntry(book: BookEntry): XmlMarkup {
  return el('entry', {}, [
    el('title', {}, [book.title]),
    el('id', {}, [book.id]),
    el('updated', {}, [book.updated]),
    book.authors.map((who) => person('author', who)),
    el('dc:language', {}, [book.language]),
    book.issued !== null && el('dc:issued', {}, [book.issued]),
    book.categories.map((c) => el('category', { term: c.term, label: c.label, scheme: c.scheme })),
    el('summary', { type: 'text' }, [book.summaryText]),
    el('content', { type: 'html' }, [book.contentHtml]),
    book.links.map(link),
  ]);
}

function navigationEntry(entry: NavigationEntry): XmlMarkup {
  return el('entry', {}, [
    el('title', {}, [entry.title]), el('id', {}, [entry.id]), el('updated', {}, [entry.updated]),
    el('content', { type: 'text' }, [entry.description]), link(entry.link),
  ]);
}

/** The feed as a well-formed OPDS document, whatever its strings hold. */
export function renderOpdsFeed(feed: OpdsFeed): string {
  return xmlDocument(el('feed', {
    xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/terms/',
    'xmlns:opds': 'http://opds-spec.org/2010/catalog', 'xmlns:opensearch': 'http://a9.com/-/spec/opensearch/1.1/',
  }, [
    el('id', {}, [feed.id]), el('title', {}, [feed.title]), el('updated', {}, [feed.updated]),
    person('author', feed.author), feed.links.map(link),
    feed.paging !== undefined && [
      el('opensearch:totalResults', {}, [String(feed.paging.total)]),
      el('opensearch:startIndex', {}, [String(feed.paging.startIndex)]),
      el('opensearch:itemsPerPage', {}, [String(feed.paging.perPage)]),
    ],
    feed.entries.map((entry) => ('link' in entry ? navigationEntry(entry) : bookEntry(entry))),
  ]));
}

/** The OpenSearch description that tells a reading app how to search the catalog. */
export function renderOpenSearch(archiveName: string, template: string): string {
  return xmlDocument(el('OpenSearchDescription', { xmlns: 'http://a9.com/-/spec/opensearch/1.1/' }, [
    el('ShortName', {}, [archiveName.slice(0, 16)]),
    el('Description', {}, [`Search the works of ${archiveName}: titles, creators, tags, summaries and the story text.`]),
    el('InputEncoding', {}, ['UTF-8']), el('OutputEncoding', {}, ['UTF-8']),
    el('Url', { type: ACQUISITION_TYPE, template }),
  ]));
}
