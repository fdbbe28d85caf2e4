// A few threads, each with a read-only connection on the archive's SQLite file
// (sqlite-reader-worker.ts). better-sqlite3 runs a query synchronously: on the main thread a slow
// search holds every other request until it ends. Here the main thread only posts the SQL and
// waits, free to answer others meanwhile. A query goes to an idle thread, or waits its turn.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../lib/ts-worker.js';
import type { ReaderAnswer, ReaderQuery } from './sqlite-reader-worker.js';

const WORKER_ENTRY = new URL('./sqlite-reader-worker.ts', import.meta.url);

type Pending = { query: ReaderQuery; resolve: (rows: unknown[]) => void; reject: (error: Error) => void; stack: Error };
type Thread = { worker: Worker; busy: Pending | null };

/** Reader threads on one SQLite file. */
export class SqliteReaderPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly file: string, readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a reader pool needs at least one thread, got ${size}`);
  }

  /** Queries waiting for a thread, and threads running one (for /metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.threads.filter((t) => t.busy !== null).length, waiting: this.waiting.length };
  }

  /** Starts every thread now rather than on first use (the app server does, so no reader waits for one). */
  warm(): void {
    while (!this.closed && this.threads.length < this.size) this.threads.push(this.startThread());
  }

  /** Runs one reading statement in a thread and resolves with its rows. */
  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the SQLite reader is closed'));
    return new Promise((resolve, reject) => {
      this.nextId += 1;
      // Made here, so a failure names the code that asked rather than the thread's message handler.
      const stack = new Error('SQLite reader query failed');
      this.waiting.push({ query: { id: this.nextId, sql, parameters }, resolve, reject, stack });
      this.dispatch();
    });
  }

  /** Ends every thread; queries not yet answered fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('the SQLite reader closed before this query ran'));
    await Promise.all(this.threads.splice(0).map((thread) => {
      thread.busy?.reject(new Error('the SQLite reader closed while this query ran'));
      return thread.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let thread = this.threads.find((t) => t.busy === null);
      if (thread === undefined && this.threads.length < this.size) {
        thread = this.startThread();
        this.threads.push(thread);
      }
      const next = thread === undefined ? undefined : this.waiting.shift();
      if (thread === undefined || next === undefined) return;
      thread.busy = next;
      thread.worker.ref();
      thread.worker.postMessage(next.query);
    }
  }

  private startThread(): Thread {
    const worker = startTsWorker(WORKER_ENTRY, { workerData: { file: this.file } });
    const thread: Thread = { worker, busy: null };
    worker.unref();
    worker.on('message', (answer: ReaderAnswer) => {
      const pending = thread.busy;
      thread.busy = null;
      if (this.waiting.length === 0) worker.unref();
      if (pending !== null && pending.query.id === answer.id) {
        if ('rows' in answer) pending.resolve(answer.rows);
        else pending.reject(Object.assign(pending.stack, { message: answer.error.message, code: answer.error.code ?? undefined }));
      }
      this.dispatch();
    });
    // A thread that dies (its file gone, out of memory) fails its query and is replaced on demand.
    const lost = (error: Error) => {
      const at = this.threads.indexOf(thread);
      if (at === -1) return;
      this.threads.splice(at, 1);
      thread.busy?.reject(Object.assign(thread.busy.stack, { message: `the SQLite reader thread stopped: ${error.message}` }));
      thread.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => { lost(new Error(`exit code ${code}`)); });
    return thread;
  }
}
