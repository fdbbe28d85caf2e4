// The main thread's side of corpus-worker.ts: starts the worker (through tsx, which a worker
// does not inherit on Node 20), keeps up to two batches coming, and hands them over in order.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../src/lib/ts-worker.js';
import type { BatchMessage, UniverseMessage, WorkerInput, WorkerMessage } from './corpus-worker.js';

/** Batches asked for ahead of the one being written: one being made while one waits. */
const AHEAD = 2;

export class WorkSource {
  readonly #worker: Worker;
  readonly #queue: WorkerMessage[] = [];
  #waiting: ((message: WorkerMessage) => void) | null = null;
  #failure: Error | null = null;

  constructor(input: WorkerInput) {
    this.#worker = startTsWorker(new URL('./corpus-worker.ts', import.meta.url), { workerData: input });
    this.#worker.on('message', (message: WorkerMessage) => this.#deliver(message));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the corpus worker exited (code ${code})`)));
  }

  /** The tags, writers and pseuds made before any work; the first message. */
  async universe(): Promise<UniverseMessage> {
    const message = await this.#take();
    if (message.kind !== 'universe') throw new Error(`the corpus worker sent ${message.kind} first`);
    for (let i = 0; i < AHEAD; i++) this.#worker.postMessage('next');
    return message;
  }

  /** The next batch of works in order, or null after the last; asks for another meanwhile. */
  async next(): Promise<BatchMessage | null> {
    const message = await this.#take();
    if (message.kind === 'error') throw new Error(`the corpus worker failed: ${message.message}`);
    if (message.kind !== 'batch') return null;
    this.#worker.postMessage('next');
    return message;
  }

  /** Stops the worker (whether or not it finished). */
  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }

  #deliver(message: WorkerMessage): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting !== null) waiting(message);
    else this.#queue.push(message);
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#deliver({ kind: 'error', message: error.message });
  }

  #take(): Promise<WorkerMessage> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.#failure !== null) return Promise.reject(this.#failure);
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }
}
