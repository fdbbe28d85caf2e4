// Where download files are made: in worker threads of their own (src/build-thread.ts). Turning a
// long work into XHTML, text or HTML and zipping it is plain computation: a million words took a
// third of a second, and on the event loop every other request (a cached work page included)
// waited that long behind it. On SQLite with reader threads a build thread also reads the work's
// chapters itself, on a read-only connection of its own (never stale: it sees the newest commit),
// so megabytes of chapter text never pass through the event loop; elsewhere the app reads them
// and sends the work. The bytes come back. Threads start on the first build and stay.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ImageRewrite } from '../lib/external-images.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { WorkerPool } from '../lib/worker-pool.js';
import type { DownloadWork, SeriesBook } from './download-model.js';
import { loadDownloadWork, type DownloadRequest, type FileSite } from './download.service.js';
import { buildEpub, buildSeriesEpub } from './epub.js';
import { buildHtmlDownload } from './html-download.js';
import { buildTextDownload } from './text-download.js';

/** A work as read by the app, or what a build thread needs to read it (a request for a work the reader may download). */
export type WorkSource = DownloadWork | { request: DownloadRequest; site: FileSite };

/** One file to make, with everything it is made from. */
export type BuildTask =
  | { kind: 'epub' | 'txt'; work: WorkSource }
  | { kind: 'html'; work: WorkSource; images: ImageRewrite }
  | { kind: 'series-epub'; book: SeriesBook }
  /** A member's data export: data.json (compressed) and an EPUB of each of their works (stored, as they are zipped already). */
  | { kind: 'export'; data: unknown; works: Array<{ path: string; work: DownloadWork }> };

/** The work itself: as sent, or its chapters read now on `db` (a build thread's own connection). */
async function workOf(source: WorkSource, db: Kysely<Database> | null): Promise<DownloadWork> {
  if (!('request' in source)) return source;
  if (db === null) throw new Error('this build thread has no database to read the work from');
  return loadDownloadWork(db, source.site, source.request);
}

/** Makes a file; what a build thread runs for each task (`db`: its own read-only connection, if it has one). */
export async function makeFile(task: BuildTask, db: Kysely<Database> | null): Promise<Uint8Array> {
  switch (task.kind) {
    case 'epub': return buildEpub(await workOf(task.work, db));
    case 'txt': return strToU8(buildTextDownload(await workOf(task.work, db)));
    case 'html': return strToU8(buildHtmlDownload(await workOf(task.work, db), task.images));
    case 'series-epub': return buildSeriesEpub(task.book);
    case 'export': {
      const files: Zippable = { 'data.json': strToU8(JSON.stringify(task.data, null, 2)) };
      for (const { path, work } of task.works) files[path] = [buildEpub(work), { level: 0 }];
      return zipSync(files, { level: 6 });
    }
  }
}

const ENTRY = new URL('../build-thread.ts', import.meta.url);

/** The build threads of one app. */
export class BuildThreads {
  private readonly pool: WorkerPool<BuildTask, Uint8Array>;

  /**
   * `size`: as many as heavy work may run at once (builds are heavy work), so a build never waits
   * for a thread. `file`: the SQLite file the threads read chapters from, or null when the app reads them.
   */
  constructor(size: number, private readonly file: string | null) {
    this.pool = new WorkerPool<BuildTask, Uint8Array>(ENTRY, size, { file });
  }

  /** Whether a build thread reads a work's chapters itself (it is then sent the request, not the work). */
  get readsChapters(): boolean {
    return this.file !== null;
  }

  /** Makes a file in a build thread. */
  make(task: BuildTask): Promise<Uint8Array> {
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
