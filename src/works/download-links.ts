// Addresses of a work's downloads: the work page's Download menu (the formats this server offers,
// AO3's order) and OPDS's acquisition links.
import { downloadSlug, FORMATS, offeredFormats, type Format } from '../lib/download-formats.js';

export type DownloadLink = { label: string; href: string };

type Downloadable = { id: number; title: string; contentVersion: number };

/** A download's address; the content version in the query keeps browsers from reusing an older file. */
export function downloadPath(work: Downloadable, format: Format): string {
  return `/downloads/${work.id}/${downloadSlug(work.title, work.id)}.${FORMATS[format].extension}?updated_at=${work.contentVersion}`;
}

/** Links to each offered format. */
export function downloadLinks(work: Downloadable, calibre: boolean): DownloadLink[] {
  return offeredFormats(calibre).map((format) => ({ label: FORMATS[format].label, href: downloadPath(work, format) }));
}
