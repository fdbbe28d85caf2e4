// The EPUB's package files, written with xml.ts: the OCF container, the OPF package document
// (metadata, manifest, spine) and the EPUB 2 NCX that older readers use for the contents.
import { createHash } from 'node:crypto';
import { htmlToText } from '../lib/word-count.js';
import { xmlDocument, xmlElement as el, type XmlMarkup } from '../lib/xml.js';
import { languageDirection } from '../works/languages.js';
import { allTags, type DownloadWork } from './download-model.js';
import type { TocEntry } from './epub-pages.js';

/** The folder inside the zip that holds the publication. */
export const CONTENT_DIR = 'EPUB';
/** The path of the package document inside the zip. */
export const PACKAGE_PATH = `${CONTENT_DIR}/package.opf`;
export const NCX_FILE = 'toc.ncx';

/** A file of the publication as the manifest lists it; spine items are read in manifest order. */
export type ManifestItem = { id: string; href: string; mediaType: string; properties?: string; inSpine: boolean };

// RFC 4122 name-based UUIDs (version 5, SHA-1) in the URL namespace.
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** A stable `urn:uuid:` for a work, derived from its URL: the same work always gets the same identifier. */
export function workIdentifier(url: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(url, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Reads the work's ISO-8601 modification instant; a malformed one is the caller's bug and throws. */
export function modifiedDate(work: DownloadWork): Date {
  const date = new Date(work.modifiedAt);
  if (Number.isNaN(date.getTime())) throw new Error(`modifiedAt is not an ISO-8601 instant: ${JSON.stringify(work.modifiedAt)}`);
  return date;
}

/** The modification instant as EPUB's dcterms:modified wants it, CCYY-MM-DDThh:mm:ssZ (UTC, whole seconds). */
export function modifiedStamp(work: DownloadWork): string {
  return modifiedDate(work).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The OCF container document pointing at the package document. */
export function containerXml(): string {
  return xmlDocument(el('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
    el('rootfiles', {}, [el('rootfile', { 'full-path': PACKAGE_PATH, 'media-type': 'application/oebps-package+xml' })]),
  ]));
}

function creators(work: DownloadWork): XmlMarkup[] {
  return work.creators.flatMap((creator, i) => [
    el('dc:creator', { id: `creator-${i + 1}` }, [creator.name]),
    el('meta', { refines: `#creator-${i + 1}`, property: 'role', scheme: 'marc:relators' }, ['aut']),
  ]);
}

function series(work: DownloadWork): XmlMarkup[] {
  const collections = work.series.flatMap((item, i) => [
    el('meta', { property: 'belongs-to-collection', id: `series-${i + 1}` }, [item.title]),
    el('meta', { refines: `#series-${i + 1}`, property: 'collection-type' }, ['series']),
    el('meta', { refines: `#series-${i + 1}`, property: 'group-position' }, [String(item.position)]),
  ]);
  // Calibre (and so our AZW3, MOBI and PDF conversions) reads the series from its own meta tags.
  const first = work.series[0];
  const calibre = first === undefined ? [] : [
    el('meta', { name: 'calibre:series', content: first.title }),
    el('meta', { name: 'calibre:series_index', content: String(first.position) }),
  ];
  return [...collections, ...calibre];
}

function metadata(work: DownloadWork): XmlMarkup {
  const description = htmlToText(work.summary);
  return el('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    el('dc:identifier', { id: 'work-id' }, [workIdentifier(work.url)]),
    el('dc:title', {}, [work.title]),
    creators(work),
    el('dc:language', {}, [work.language]),
    description !== '' && el('dc:description', {}, [description]),
    allTags(work).map((tag) => el('dc:subject', {}, [tag])),
    el('dc:publisher', {}, [work.archiveName]),
    el('dc:source', {}, [work.url]),
    el('dc:date', {}, [work.publishedOn]),
    el('meta', { property: 'dcterms:modified' }, [modifiedStamp(work)]),
    series(work),
  ]);
}

/** The OPF package document: metadata, every file in the manifest, the reading order in the spine. */
export function packageDocument(work: DownloadWork, items: readonly ManifestItem[]): string {
  const rtl = languageDirection(work.language) === 'rtl';
  return xmlDocument(el('package', {
    xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'work-id',
    'xml:lang': work.language, dir: rtl ? 'rtl' : null,
  }, [
    metadata(work),
    el('manifest', {}, items.map((item) => el('item', { id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties }))),
    el('spine', { toc: 'ncx', 'page-progression-direction': rtl ? 'rtl' : null }, items.filter((item) => item.inSpine).map((item) => el('itemref', { idref: item.id }))),
  ]));
}

/** The EPUB 2 table of contents (NCX), for readers that predate EPUB 3's navigation document. */
export function ncxDocument(work: DownloadWork, entries: readonly TocEntry[]): string {
  return xmlDocument(el('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': work.language }, [
    el('head', {}, [
      el('meta', { name: 'dtb:uid', content: workIdentifier(work.url) }),
      el('meta', { name: 'dtb:depth', content: '1' }),
      el('meta', { name: 'dtb:totalPageCount', content: '0' }),
      el('meta', { name: 'dtb:maxPageNumber', content: '0' }),
    ]),
    el('docTitle', {}, [el('text', {}, [work.title])]),
    el('navMap', {}, entries.map((entry, i) => el('navPoint', { id: `nav-${i + 1}`, playOrder: String(i + 1) }, [
      el('navLabel', {}, [el('text', {}, [entry.label])]),
      el('content', { src: entry.href }),
    ]))),
  ]));
}
