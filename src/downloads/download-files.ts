// Made files, kept until the work changes (the key holds its version): EPUB, HTML and text are
// built on request and kept in memory; AZW3, MOBI and PDF are made by Calibre's ebook-convert in
// the background, one at a time, and kept on disk under DATA_DIR/downloads.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { PageCache } from '../http/page-cache.js';
import { imageRewrite } from '../http/render.js';
import { convertWithCalibre } from './calibre.js';
import { loadDownloadWork, type DownloadRequest, type SeriesDownloadRequest } from './download.service.js';
import { FORMATS, type Format } from '../lib/download-formats.js';
import type { BuildThreads, BuildTask, WorkSource } from './build-threads.js';

/** Runs a build as heavy work (the app's gate), or straight away. */
export type HeavyRunner = <T>(work: () => Promise<T>) => Promise<T>;

export type MadeFile = { state: 'ready'; body: Buffer } | { state: 'pending' } | { state: 'failed'; reason: string };

type BuiltFormat = Exclude<Format, 'azw3' | 'mobi' | 'pdf'>;

// EPUB and text already turn every image into a link or a line of text (an e-reader fetching it
// would tell its host the reader's address); the HTML file keeps images, as the archive's mode shows them.
function taskFor(format: BuiltFormat, work: WorkSource, config: Config): BuildTask {
  return format === 'html' ? { kind: 'html', work, images: imageRewrite(config, config.baseUrl) } : { kind: format, work };
}

/** The files of one app process. */
export class DownloadFiles {
  private readonly memory: PageCache<Buffer>;
  private readonly dir: string;
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  /** Files built, and files sent from memory without building, since start. */
  readonly counts = { built: 0, fromMemory: 0 };

  constructor(private readonly config: Config, private readonly threads: BuildThreads) {
    this.memory = new PageCache<Buffer>(Math.max(config.pageCacheBytes, 16 * 1024 * 1024), (body) => body.length);
    this.dir = join(config.dataDir, 'downloads');
  }

  /**
   * The file for a download request: made now, made earlier, or being made by Calibre. Building one
   * is heavy work: `heavy` runs it (through the app's gate, src/http/heavy-gate.ts); a file kept in memory is sent without.
   */
  async file(db: Db, request: DownloadRequest, format: Format, heavy: HeavyRunner): Promise<MadeFile> {
    if (format === 'epub' || format === 'html' || format === 'txt') return { state: 'ready', body: await this.built(db, request, format, heavy) };
    // Calibre's formats exist only where ebook-convert was found at start.
    const ebookConvert = this.config.ebookConvert;
    if (ebookConvert === null) throw notFound();
    const name = `${request.key}.${FORMATS[format].extension}`;
    const path = join(this.dir, name);
    const done = await readFile(path).catch(() => null);
    if (done !== null) return { state: 'ready', body: done };
    const failure = this.failures.get(name);
    if (failure !== undefined) return { state: 'failed', reason: failure };
    if (!this.jobs.has(name)) this.startConversion(db, request, format, name, ebookConvert);
    return { state: 'pending' };
  }

  private built(db: Db, request: DownloadRequest, format: BuiltFormat, heavy: HeavyRunner): Promise<Buffer> {
    return this.kept(`${request.key}.${format}`, heavy, async () => {
      const site = { baseUrl: this.config.baseUrl, archiveName: this.config.archiveName };
      const work = this.threads.readsChapters ? { request, site } : await loadDownloadWork(db, site, request);
      return this.threads.make(taskFor(format, work, this.config));
    });
  }

  /** One EPUB of a whole series, built on request and kept in memory while the series and its works stay as they were. */
  seriesEpub(request: SeriesDownloadRequest, heavy: HeavyRunner): Promise<Buffer> {
    return this.kept(request.key, heavy, async () => this.threads.make({ kind: 'series-epub', book: await request.load() }));
  }

  /** The file kept under `key`, or built now (as heavy work) and kept. */
  private async kept(key: string, heavy: HeavyRunner, build: () => Promise<Uint8Array>): Promise<Buffer> {
    const cached = this.memory.get(key);
    if (cached !== undefined) {
      this.counts.fromMemory += 1;
      return cached;
    }
    return heavy(async () => {
      this.counts.built += 1;
      const made = await build();
      const body = Buffer.from(made.buffer, made.byteOffset, made.byteLength);
      this.memory.set(key, body);
      return body;
    });
  }

  private startConversion(db: Db, request: DownloadRequest, format: Format, name: string, ebookConvert: string): void {
    const path = join(this.dir, name);
    const job = this.queue.then(async () => {
      // Already one at a time in the background: no request waits on it, so it takes no place of the gate's.
      const epub = await this.built(db, request, 'epub', (work) => work());
      await mkdir(this.dir, { recursive: true });
      const made = await convertWithCalibre(ebookConvert, epub, FORMATS[format].extension);
      await writeFile(`${path}.part`, made);
      await rename(`${path}.part`, path);
      await this.dropOlderVersions(request.reader.work.id, path);
    }).catch((error: unknown) => {
      this.failures.set(name, `Calibre could not make this file: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => this.jobs.delete(name));
    this.jobs.set(name, job);
    this.queue = job;
  }

  /** Files of earlier versions of the work are never asked for again: remove them. */
  private async dropOlderVersions(workId: number, keep: string): Promise<void> {
    const extension = keep.slice(keep.lastIndexOf('.'));
    for (const name of await readdir(this.dir)) {
      if (name.startsWith(`${workId}-v`) && name.endsWith(extension) && join(this.dir, name) !== keep) await rm(join(this.dir, name), { force: true });
    }
  }

  /** Waits for every conversion started so far (tests, shutdown). */
  async settle(): Promise<void> {
    await this.queue;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    downloadFiles: DownloadFiles;
  }
}
