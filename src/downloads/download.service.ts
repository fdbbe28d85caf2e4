// Downloads obey exactly the work page's rules (getWorkForReader: drafts for their creators,
// registered-users-only works for logged-in readers), then turn the work into a file.
import type { Viewer } from '../access/viewer.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { sha256Hex } from '../lib/secrets.js';
import { getAllChaptersForReader, getWorkForReader, type ReaderWork } from '../works/reading.service.js';
import type { ChapterModel } from '../works/work.model.js';
import { pseudPath, workPath } from '../works/work-paths.js';
import type { DownloadWork } from './download-model.js';
import { downloadSlug, FORMATS, type Format } from '../lib/download-formats.js';

/** A work a reader may download, before its chapters are read: enough to name the file and find it in a cache. */
export type DownloadRequest = {
  reader: ReaderWork;
  /** Names this version of the work's files: its content version, and which chapters this reader may read (so a file with draft chapters is never handed to a reader who may not read them). */
  key: string;
  fileName: string;
};

function toDownloadWork(config: Config, reader: ReaderWork, chapters: ChapterModel[]): DownloadWork {
  const { work } = reader;
  const modifiedAt = work.modifiedAt ?? work.revisedAt ?? new Date(0).toISOString();
  const today = (work.revisedAt ?? modifiedAt).slice(0, 10);
  return {
    id: work.id, title: work.title, url: `${config.baseUrl}${workPath(work.id)}`,
    creators: work.creators.map((c) => ({ name: c.pseud, url: `${config.baseUrl}${pseudPath(c.login, c.pseud)}` })),
    language: work.language, summary: work.summary, notes: work.notes, endNotes: work.endNotes,
    tags: {
      rating: work.tags.rating, warnings: work.tags.warning, categories: work.tags.category, fandoms: work.tags.fandom,
      relationships: work.tags.relationship, characters: work.tags.character, freeforms: work.tags.freeform,
    },
    series: [],
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
  const chapters = sha256Hex(reader.chapters.map((c) => c.id).join(',')).slice(0, 12);
  return { reader, key: `${workId}-v${reader.work.contentVersion}-${chapters}`, fileName: `${downloadSlug(reader.work.title, workId)}.${FORMATS[format].extension}` };
}

/** The whole work, chapters read, ready for a builder. */
export async function loadDownloadWork(db: Db, config: Config, request: DownloadRequest): Promise<DownloadWork> {
  return toDownloadWork(config, request.reader, await getAllChaptersForReader(db, request.reader));
}
