// A work, or a whole series, as an EPUB 3 file (with an EPUB 2 NCX for older readers), zipped with fflate.
// See docs/decisions/015-epub.md.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { chapterHeading, seriesAsWork, type DownloadWork, type SeriesBook } from './download-model.js';
import { CONTENT_DIR, NCX_FILE, PACKAGE_PATH, containerXml, modifiedDate, ncxDocument, packageDocument, type ManifestItem } from './epub-package.js';
import {
  AFTERWORD_FILE, NAV_FILE, STYLE_FILE, TITLE_FILE, afterwordPage, chapterFile, chapterPage, navPage, seriesTitlePage, titlePage, tocEntries, type TocEntry,
} from './epub-pages.js';
import { EPUB_CSS } from './epub-style.js';

const XHTML = 'application/xhtml+xml';

/** Every file of the publication with its manifest entry, in reading order. */
function publicationFiles(work: DownloadWork): Array<{ item: ManifestItem; content: string }> {
  const page = (id: string, href: string, content: string) => ({ item: { id, href, mediaType: XHTML, inSpine: true }, content });
  return [
    { item: { id: 'nav', href: NAV_FILE, mediaType: XHTML, properties: 'nav', inSpine: false }, content: navPage(work) },
    { item: { id: 'ncx', href: NCX_FILE, mediaType: 'application/x-dtbncx+xml', inSpine: false }, content: ncxDocument(work, tocEntries(work)) },
    { item: { id: 'style', href: STYLE_FILE, mediaType: 'text/css', inSpine: false }, content: EPUB_CSS },
    page('title-page', TITLE_FILE, titlePage(work)),
    ...work.chapters.map((chapter, i) => page(`chapter-${i + 1}`, chapterFile(i), chapterPage(work, chapter))),
    page('afterword', AFTERWORD_FILE, afterwordPage(work)),
  ];
}

/** A series' book: its title page, then each work's title page, chapters and afterword, in files of their own. */
function seriesFiles(book: SeriesBook): { meta: DownloadWork; files: Array<{ item: ManifestItem; content: string }> } {
  const meta = seriesAsWork(book);
  const page = (id: string, href: string, content: string) => ({ item: { id, href, mediaType: XHTML, inSpine: true }, content });
  const parts = book.works.map((work, k) => ({ work, prefix: `part-${k + 1}` }));
  const entries: TocEntry[] = [{ label: book.title, href: TITLE_FILE }];
  const body = parts.flatMap(({ work, prefix }, k) => {
    entries.push({ label: `Part ${k + 1}: ${work.title}`, href: `${prefix}-${TITLE_FILE}` });
    if (work.chapters.length > 1) work.chapters.forEach((chapter, i) => entries.push({ label: `${work.title}, ${chapterHeading(work, chapter)}`, href: `${prefix}-${chapterFile(i)}` }));
    return [
      page(`${prefix}-title`, `${prefix}-${TITLE_FILE}`, titlePage(work)),
      ...work.chapters.map((chapter, i) => page(`${prefix}-chapter-${i + 1}`, `${prefix}-${chapterFile(i)}`, chapterPage(work, chapter))),
      page(`${prefix}-afterword`, `${prefix}-${AFTERWORD_FILE}`, afterwordPage(work)),
    ];
  });
  const start = parts[0] === undefined ? null : `${parts[0].prefix}-${TITLE_FILE}`;
  return {
    meta,
    files: [
      { item: { id: 'nav', href: NAV_FILE, mediaType: XHTML, properties: 'nav', inSpine: false }, content: navPage(meta, entries, start) },
      { item: { id: 'ncx', href: NCX_FILE, mediaType: 'application/x-dtbncx+xml', inSpine: false }, content: ncxDocument(meta, entries) },
      { item: { id: 'style', href: STYLE_FILE, mediaType: 'text/css', inSpine: false }, content: EPUB_CSS },
      page('title-page', TITLE_FILE, seriesTitlePage(meta, parts.map(({ work, prefix }, k) => ({ title: `Part ${k + 1}: ${work.title}`, href: `${prefix}-${TITLE_FILE}` })))),
      ...body,
    ],
  };
}

function zipPublication(meta: DownloadWork, files: Array<{ item: ManifestItem; content: string }>): Uint8Array {
  const mtime = modifiedDate(meta);
  // The OCF requires `mimetype` first and stored, so a reader can sniff the type at a fixed offset.
  const zip: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(containerXml()),
    [PACKAGE_PATH]: strToU8(packageDocument(meta, files.map((file) => file.item))),
  };
  for (const file of files) zip[`${CONTENT_DIR}/${file.item.href}`] = strToU8(file.content);
  return zipSync(zip, { level: 6, mtime });
}

/**
 * Builds the EPUB file of a work. The bytes depend only on the work: every zip entry carries
 * the work's modification time, so an unchanged work always gives the same file.
 */
export function buildEpub(work: DownloadWork): Uint8Array {
  return zipPublication(work, publicationFiles(work));
}

/** Builds one EPUB of a whole series: the works the reader may read, in order, each whole. */
export function buildSeriesEpub(book: SeriesBook): Uint8Array {
  const { meta, files } = seriesFiles(book);
  return zipPublication(meta, files);
}
