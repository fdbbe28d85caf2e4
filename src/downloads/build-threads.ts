// Where download files are made: in worker threads of their own (src/build-thread.ts). Turning a
// long work into XHTML, text or HTML and zipping it is plain computation on data already read: a
// million words took a third of a second, and on the event loop every other request (a cached
// work page included) waited that long behind it. The data goes to a thread, the bytes come back.
// Threads start on the first build (an app that never builds one never starts them) and stay.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ImageRewrite } from '../lib/external-images.js';
import { WorkerPool } from '../lib/worker-pool.js';
import type { DownloadWork, SeriesBook } from './download-model.js';
import { buildEpub, buildSeriesEpub } from './epub.js';
import { buildHtmlDownload } from './html-download.js';
import { buildTextDownload } from './text-download.js';

/** One file to make, with everything it is made from. */
export type BuildTask =
  | { kind: 'epub' | 'txt'; work: DownloadWork }
  | { kind: 'html'; work: DownloadWork; images: ImageRewrite }
  | { kind: 'series-epub'; book: SeriesBook }
  /** A member's data export: data.json (compressed) and an EPUB of each of their works (stored, as they are zipped already). */
  | { kind: 'export'; data: unknown; works: Array<{ path: string; work: DownloadWork }> };

/** Makes a file; what a build thread runs for each task. */
export function makeFile(task: BuildTask): Uint8Array {
  switch (task.kind) {
    case 'epub': return buildEpub(task.work);
    case 'txt': return strToU8(buildTextDownload(task.work));
    case 'html': return strToU8(buildHtmlDownload(task.work, task.images));
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

  /** `size`: as many as heavy work may run at once (builds are heavy work), so a build never waits for a thread. */
  constructor(size: number) {
    this.pool = new WorkerPool<BuildTask, Uint8Array>(ENTRY, size, null);
  }

  /** Makes a file in a build thread. */
  make(task: BuildTask): Promise<Uint8Array> {
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
