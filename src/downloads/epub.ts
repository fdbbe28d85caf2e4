// A work as an EPUB 3 file (with an EPUB 2 NCX for older readers), zipped with fflate.
// See docs/decisions/015-epub.md.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DownloadWork } from './download-model.js';
import { CONTENT_DIR, NCX_FILE, PACKAGE_PATH, containerXml, modifiedDate, ncxDocument, packageDocument, type ManifestItem } from './epub-package.js';
import {
  AFTERWORD_FILE, NAV_FILE, STYLE_FILE, TITLE_FILE, afterwordPage, chapterFile, chapterPage, navPage, titlePage, tocEntries,
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

/**
 * Builds the EPUB file of a work. The bytes depend only on the work: every zip entry carries
 * the work's modification time, so an unchanged work always gives the same file.
 */
export function buildEpub(work: DownloadWork): Uint8Array {
  const files = publicationFiles(work);
  const mtime = modifiedDate(work);
  // The OCF requires `mimetype` first and stored, so a reader can sniff the type at a fixed offset.
  const zip: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(containerXml()),
    [PACKAGE_PATH]: strToU8(packageDocument(work, files.map((file) => file.item))),
  };
  for (const file of files) zip[`${CONTENT_DIR}/${file.item.href}`] = strToU8(file.content);
  return zipSync(zip, { level: 6, mtime });
}
