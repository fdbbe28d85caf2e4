// A few worker threads running one kind of task, one task a thread at a time: a task goes to an
// idle thread (started on first need, up to the pool's size) or waits its turn. A thread that dies
// fails its task and is replaced on the next. Both sides of the conversation live here: the pool
// (main thread) and serveTasks (the worker's module).
import { parentPort, type Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.js';

type TaskMessage = { id: number; task: unknown };
type AnswerMessage = { id: number; result: unknown } | { id: number; error: { message: string; code: string | null } };
type Pending = { message: TaskMessage; resolve: (result: unknown) => void; reject: (error: Error) => void; stack: Error };
type Thread = { worker: Worker; busy: Pending | null };

/** Threads running the TypeScript module at `entry`, which answers through serveTasks. */
export class WorkerPool<Task, Result> {
  private readonly threads: Thread[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly entry: URL, readonly size: number, private readonly workerData: unknown) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool needs at least one thread, got ${size}`);
  }

  /** Tasks running and waiting for a thread (for /metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.threads.filter((t) => t.busy !== null).length, waiting: this.waiting.length };
  }

  /** Starts every thread now rather than on first use (an app server does, so no request waits for one). */
  warm(): void {
    while (!this.closed && this.threads.length < this.size) this.threads.push(this.startThread());
  }

  /** Runs one task in a thread; rejects with the thread's error (its message and code). */
  run(task: Task): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.nextId += 1;
      // Made here, so a failure names the code that asked rather than the message handler.
      const stack = new Error('worker task failed');
      this.waiting.push({ message: { id: this.nextId, task }, resolve: resolve as (result: unknown) => void, reject, stack });
      this.dispatch();
    });
  }

  /** Ends every thread; tasks not yet answered fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('the worker pool closed before this task ran'));
    await Promise.all(this.threads.splice(0).map((thread) => {
      thread.busy?.reject(new Error('the worker pool closed while this task ran'));
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
      thread.worker.postMessage(next.message);
    }
  }

  private startThread(): Thread {
    const worker = startTsWorker(this.entry, { workerData: this.workerData });
    const thread: Thread = { worker, busy: null };
    // An idle pool does not keep the process alive; a running task does.
    worker.unref();
    worker.on('message', (answer: AnswerMessage) => {
      const pending = thread.busy;
      thread.busy = null;
      if (this.waiting.length === 0) worker.unref();
      if (pending !== null && pending.message.id === answer.id) {
        if ('result' in answer) pending.resolve(answer.result);
        else pending.reject(Object.assign(pending.stack, { message: answer.error.message, code: answer.error.code ?? undefined }));
      }
      this.dispatch();
    });
    const lost = (error: Error) => {
      const at = this.threads.indexOf(thread);
      if (at === -1) return;
      this.threads.splice(at, 1);
      thread.busy?.reject(Object.assign(thread.busy.stack, { message: `the worker thread stopped: ${error.message}` }));
      thread.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => { lost(new Error(`exit code ${code}`)); });
    return thread;
  }
}

/**
 * The memory of an answer made of bytes, moved to the pool rather than copied (a made file can be
 * megabytes): only a Uint8Array that is the whole of its own ArrayBuffer, never a Buffer, which
 * may share Node's pool with others.
 */
function ownBuffer(result: unknown): ArrayBuffer[] {
  if (!(result instanceof Uint8Array) || Buffer.isBuffer(result) || !(result.buffer instanceof ArrayBuffer)) return [];
  return result.byteOffset === 0 && result.byteLength === result.buffer.byteLength ? [result.buffer] : [];
}

/** In a pool's worker module: answers each task with `handle`'s result (or its promise's), or its error's message and code. */
export function serveTasks(handle: (task: never) => unknown): void {
  parentPort?.on('message', ({ id, task }: TaskMessage) => {
    Promise.resolve().then(() => handle(task as never)).then(
      (result) => { parentPort?.postMessage({ id, result } satisfies AnswerMessage, ownBuffer(result)); },
      (error: unknown) => {
        const { message, code } = error as { message?: unknown; code?: unknown };
        parentPort?.postMessage({ id, error: { message: typeof message === 'string' ? message : String(error), code: typeof code === 'string' ? code : null } } satisfies AnswerMessage);
      },
    );
  });
}
