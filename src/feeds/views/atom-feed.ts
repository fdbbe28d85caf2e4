// Atom 1.0 (RFC 4287) as text: the shape of a feed in, a well-formed document out.
import { xmlDocument, xmlElement as el, type XmlMarkup } from '../../lib/xml.js';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** A person construct: `uri` null for someone with no page (an anonymous creator, say). */
export type AtomPerson = { name: string; uri: string | null };

export type AtomCategory = { term: string; label: string; scheme: string };

/** Times are RFC 3339; `id`s and URLs are absolute; `summaryHtml` is HTML that is already safe to show. */
export type AtomEntry = {
  id: string; title: string; updated: string; published: string | null; url: string;
  authors: AtomPerson[]; summaryHtml: string; categories: AtomCategory[];
};

export type AtomFeed = {
  id: string; title: string; updated: string; selfUrl: string; alternateUrl: string;
  author: AtomPerson; generator: string; entries: AtomEntry[];
};

function author(who: AtomPerson): XmlMarkup {
  return el('author', {}, [el('name', {}, [who.name]), who.uri !== null && el('uri', {}, [who.uri])]);
}

function entry(item: AtomEntry): XmlMarkup {
  return el('entry', {}, [
    el('id', {}, [item.id]),
    el('title', { type: 'text' }, [item.title]),
    el('updated', {}, [item.updated]),
    item.published !== null && el('published', {}, [item.published]),
    item.authors.map((who) => author(who)),
    el('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    el('summary', { type: 'html' }, [item.summaryHtml]),
    item.categories.map((c) => el('category', { term: c.term, label: c.label, scheme: c.scheme })),
  ]);
}

/** The feed as an Atom document; it is well-formed whatever the strings in it hold. */
export function renderAtomFeed(feed: AtomFeed): string {
  return xmlDocument(el('feed', { xmlns: ATOM_NAMESPACE }, [
    el('id', {}, [feed.id]),
    el('title', { type: 'text' }, [feed.title]),
    el('updated', {}, [feed.updated]),
    el('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    el('link', { rel: 'alternate', type: 'text/html', href: feed.alternateUrl }),
    author(feed.author),
    el('generator', {}, [feed.generator]),
    feed.entries.map(entry),
  ]));
}
