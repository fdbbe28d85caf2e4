// Downloads obey exactly the work page's rules (getWorkForReader: drafts for their creators,
// registered-users-only works for logged-in readers), then turn the work into a file.
import type { Viewer } from '../access/viewer.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { sha256Hex } from '../lib/secrets.js';
import { getAllChaptersForReader, getWorkForReader, type ReaderWork } from '../works/reading.service.js';
import type { ChapterModel, Creator } from '../works/work.model.js';
import { creatorPath, workPath } from '../works/work-paths.js';
import { seriesPlacements, type SeriesPlacement } from '../works/work-series.js';
import type { DownloadWork, SeriesBook } from './download-model.js';
import { getSeriesForReader } from '../series/series.service.js';
import { downloadSlug, FORMATS, type Format } from '../lib/download-formats.js';

/** A work a reader may download, before its chapters are read: enough to name the file and find it in a cache. */
export type DownloadRequest = {
  reader: ReaderWork;
  /** The series the work is in, as this reader sees them (its part among the works they may read). */
  series: SeriesPlacement[];
  /**
   * Names this version of the work's files: its content version, which chapters this reader may read
   * (so a file with draft chapters is never handed to a reader who may not read them) and its parts
   * in series as this reader counts them (a guest's "Part 2" never comes from a member's file).
   */
  key: string;
  fileName: string;
};

/** A creator in a file's metadata: their pseud and page, or "Anonymous" with none. */
/** What a file says of the archive it came from. */
export type FileSite = Pick<Config, 'baseUrl' | 'archiveName'>;

function creatorLink(config: FileSite, creator: Creator): { name: string; url: string | null } {
  const path = creatorPath(creator);
  return { name: creator.pseud, url: path === null ? null : `${config.baseUrl}${path}` };
}

/** The work of a download request with the chapters given, shaped for the file builders. */
export function toDownloadWork(config: FileSite, request: DownloadRequest, chapters: ChapterModel[]): DownloadWork {
  const { work } = request.reader;
  const modifiedAt = work.modifiedAt ?? work.revisedAt ?? new Date(0).toISOString();
  const today = (work.revisedAt ?? modifiedAt).slice(0, 10);
  return {
    id: work.id, title: work.title, url: `${config.baseUrl}${workPath(work.id)}`,
    creators: work.creators.map((c) => creatorLink(config, c)),
    language: work.language, summary: work.summary, notes: work.notes, endNotes: work.endNotes,
    tags: {
      rating: work.tags.rating, warnings: work.tags.warning, categories: work.tags.category, fandoms: work.tags.fandom,
      relationships: work.tags.relationship, characters: work.tags.character, freeforms: work.tags.freeform,
    },
    series: request.series.map((s) => ({ title: s.title, position: s.part, url: `${config.baseUrl}/series/${s.seriesId}` })),
    publishedOn: work.publishedOn ?? today, updatedOn: work.updatedOn ?? today, completedOn: work.complete ? work.updatedOn ?? today : null,
    modifiedAt: new Date(modifiedAt).toISOString(),
    wordCount: work.wordCount, chapterCount: work.chapterCount, expectedChapters: work.expectedChapters,
    archiveName: config.archiveName, archiveUrl: config.baseUrl,
    chapters: chapters.map((c) => ({ number: c.number, title: c.title, summary: c.summary, notes: c.notes, endNotes: c.endNotes, html: c.content })),
  };
}

/** Who may download the work, as its page would answer: 404 or login_required otherwise. */
export async function requestDownload(db: Db, viewer: Viewer, workId: number, format: Format): Promise<DownloadRequest> {
  const reader = await getWorkForReader(db, viewer, workId);
  if (reader.chapters.length === 0) throw notFound('work_not_found');
  const series = await seriesPlacements(db, viewer, workId);
  const seen = sha256Hex(`${reader.chapters.map((c) => c.id).join(',')}|${series.map((s) => `${s.seriesId}:${s.part}`).join(',')}`).slice(0, 12);
  return { reader, series, key: `${workId}-v${reader.work.contentVersion}-${seen}`, fileName: `${downloadSlug(reader.work.title, workId)}.${FORMATS[format].extension}` };
}

/** The whole work, chapters read, ready for a builder. */
export async function loadDownloadWork(db: Db, config: FileSite, request: DownloadRequest): Promise<DownloadWork> {
  return toDownloadWork(config, request, await getAllChaptersForReader(db, request.reader));
}

/** A series a reader may download as one EPUB: its works are those they may read, each on the work page's own rules. */
export type SeriesDownloadRequest = { key: string; fileName: string; load: () => Promise<SeriesBook> };

/** Who may download a series, as its page would answer (404 otherwise); the book is read only when built. */
export async function requestSeriesDownload(db: Db, config: FileSite, viewer: Viewer, seriesId: number): Promise<SeriesDownloadRequest> {
  const series = await getSeriesForReader(db, viewer, seriesId);
  if (series.works.length === 0) throw notFound();
  const parts: DownloadRequest[] = [];
  for (const work of series.works) parts.push(await requestDownload(db, viewer, work.id, 'epub'));
  const creators = series.creators.map((c) => creatorLink(config, c));
  const about = JSON.stringify([series.title, series.summary, series.notes, series.complete, creators, parts.map((p) => p.key)]);
  return {
    key: `series-${series.id}-${sha256Hex(about).slice(0, 16)}`,
    fileName: `${downloadSlug(series.title, series.id)}.epub`,
    load: async () => {
      const works: DownloadWork[] = [];
      for (const part of parts) works.push(await loadDownloadWork(db, config, part));
      return {
        id: series.id, title: series.title, url: `${config.baseUrl}/series/${series.id}`, creators, summary: series.summary, notes: series.notes,
        complete: series.complete, archiveName: config.archiveName, archiveUrl: config.baseUrl, works,
      };
    },
  };
}
