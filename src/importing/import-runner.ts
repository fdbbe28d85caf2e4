// Imports run off the event loop. Reading a story file is pure CPU (unzipping, decoding, parsing
// HTML, finding chapters), and a hostile file can make that take seconds and gigabytes; on the
// event loop it would stall every reader's request meanwhile. Each upload is read in a worker
// thread of its own, with its own heap limit and a time limit: past either, the worker is ended
// and the writer told the file was too much to read. At most `concurrency` run at once (a core
// is kept for readers); a few more wait their turn, and past that the archive says it is busy.
import { cpus } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { heavy } from '../http/heavy-gate.js';
import { startTsWorker } from '../lib/ts-worker.js';
import { ImportError, type ImportedWork } from './import.js';
import type { WorkerAnswer } from './import-worker.js';

export type ImportJob =
  | { kind: 'file'; bytes: Uint8Array; fileName: string }
  | { kind: 'text'; text: string; format: 'text' | 'markdown' | 'html' };

export type ImportRunnerOptions = { concurrency: number; waiting: number; timeoutMs: number; heapMb: number };

export const IMPORT_RUNNER_DEFAULTS: Readonly<ImportRunnerOptions> = Object.freeze({
  concurrency: Math.max(1, cpus().length - 1), waiting: 8, timeoutMs: 20_000, heapMb: 512,
});

const WORKER_ENTRY = new URL('./import-worker.ts', import.meta.url);

const TOO_MUCH = 'Reading this file took more time or memory than any story needs, so we stopped. ' +
  'If it is a story, save it again from your word processor or e-book editor, or split it into several files, and upload that.';

/** Runs imports in worker threads, a few at a time. */
export class ImportRunner {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly options: ImportRunnerOptions = IMPORT_RUNNER_DEFAULTS) {}

  /** Imports being read now, and waiting for a worker (for /metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  /** Reads an upload into a draft; rejects with ImportError (code `busy` when too many are waiting). */
  async run(job: ImportJob): Promise<ImportedWork> {
    if (this.running >= this.options.concurrency) {
      if (this.queue.length >= this.options.waiting) throw new ImportError('busy', 'Many files are being imported right now. Please send yours again in a minute: nothing was lost.');
      await new Promise<void>((resolve) => { this.queue.push(resolve); });
    }
    this.running += 1;
    try {
      return await this.inWorker(job);
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }

  private inWorker(job: ImportJob): Promise<ImportedWork> {
    return new Promise((resolve, reject) => {
      const worker: Worker = startTsWorker(WORKER_ENTRY, {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: Math.min(64, this.options.heapMb / 4) },
      });
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(() => { settle(() => { reject(new ImportError('too_complex', TOO_MUCH)); }); }, this.options.timeoutMs);
      worker.once('message', (answer: WorkerAnswer) => {
        settle(() => {
          if (answer.ok) resolve(answer.work);
          else if (answer.code === 'failed') reject(new Error(`import worker failed: ${answer.message}`));
          else reject(new ImportError(answer.code, answer.message));
        });
      });
      // Out of heap ends the worker with ERR_WORKER_OUT_OF_MEMORY: the file asked for too much.
      worker.once('error', (error: Error & { code?: string }) => {
        settle(() => { reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportError('too_complex', TOO_MUCH) : error); });
      });
      worker.once('exit', (code) => {
        settle(() => { reject(new Error(`import worker exited with code ${code} before answering`)); });
      });
    });
  }
}

/**
 * Reads an upload as heavy work, through the app's gate (src/http/heavy-gate.ts) and then this
 * runner: a full gate is told like the runner's own "busy", beside the file on the form.
 */
export function readAsHeavyWork(request: FastifyRequest, job: ImportJob): Promise<ImportedWork> {
  return heavy(request, () => request.server.importRunner.run(job)).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'service_busy' ? new ImportError('busy', error.message) : error;
  });
}
