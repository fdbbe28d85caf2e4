// The Download menu's links for a work page (the formats this server offers, AO3's order).
import { downloadSlug } from './download-model.js';
import { FORMATS, offeredFormats } from './formats.js';

export type DownloadLink = { label: string; href: string };

/** Links to each offered format; `version` in the query keeps browsers from reusing an older file. */
export function downloadLinks(work: { id: number; title: string; version: number }, calibre: boolean): DownloadLink[] {
  const base = `/downloads/${work.id}/${downloadSlug(work.title, work.id)}`;
  return offeredFormats(calibre).map((format) => ({ label: FORMATS[format].label, href: `${base}.${FORMATS[format].extension}?updated_at=${work.version}` }));
}
