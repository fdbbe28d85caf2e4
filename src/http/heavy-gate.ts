// Heavy work (a search, an entire long work, building a download, reading an import) is bounded:
// so many run at once, a few more wait their turn for a short while, and the rest are told at
// once that the archive is busy (503 with Retry-After) rather than after ten seconds in a queue
// nobody sees. Reading a cached work page never passes through here, so it stays quick while the
// heavy places are full. docs/decisions/046-heavy-work-off-the-event-loop.md.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HeavyWorkConfig } from '../config.js';
import { AppError } from './errors.js';

const BUSY = 'Many searches and long pages are being prepared right now. Please try again in a few seconds: nothing was lost.';

type Waiter = { admit: () => void };

/** The places for heavy work in one app process. */
export class HeavyGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  /** Heavy requests answered 503 since start (for /metrics). */
  refused = 0;

  constructor(private readonly options: HeavyWorkConfig) {}

  /** Heavy requests running and waiting now (for /metrics and tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` in a place of its own, waiting for one if need be; throws service_busy (503) when none comes in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue || this.options.waitMs === 0) return Promise.reject(this.busy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          this.running += 1;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(this.busy());
      }, this.options.waitMs);
      this.waiting.push(waiter);
    });
  }

  private leave(): void {
    this.running -= 1;
    this.waiting.shift()?.admit();
  }

  private busy(): AppError {
    this.refused += 1;
    // A client that waits this long finds the places that were full freed at least once.
    return new AppError('service_busy', BUSY, {}, Math.max(1, Math.ceil(this.options.waitMs / 1000)));
  }
}

/** Gives the app its gate (app.heavyGate), sized by the configuration. */
export function registerHeavyGate(app: FastifyInstance, options: HeavyWorkConfig): HeavyGate {
  const gate = new HeavyGate(options);
  app.decorate('heavyGate', gate);
  return gate;
}

/** Runs one request's heavy part through the app's gate. */
export function heavy<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  return request.server.heavyGate.run(work);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Bounds heavy work (src/http/heavy-gate.ts). */
    heavyGate: HeavyGate;
  }
}
