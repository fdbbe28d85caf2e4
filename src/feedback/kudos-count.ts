// A work's kudos count, kept off the kudos' own transactions. Every kudos used to update the work's
// one counter row in its transaction, so a flood of kudos on one work queued on that row's lock
// (PostgreSQL managed about 160 a second). Now a kudos only inserts its row; the count is then set
// from the rows themselves (a recount, so nothing is lost if a process stops), and requests that
// arrive while a recount is running share the next one.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { setCounterFromKudos } from '../works/work-counter.service.js';

type Pending = { promise: Promise<void>; started: boolean };

/** Recounts per work, at most one running and one waiting for each. */
export class KudosCounter {
  private readonly running = new Map<number, Promise<void>>();
  private readonly waiting = new Map<number, Pending>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves once a recount that began after this call has committed. */
  recount(workId: number): Promise<void> {
    const queued = this.waiting.get(workId);
    if (queued !== undefined && !queued.started) return queued.promise;
    const before = this.running.get(workId) ?? Promise.resolve();
    const pending: Pending = { started: false, promise: Promise.resolve() };
    pending.promise = before.catch(() => undefined).then(async () => {
      pending.started = true;
      this.waiting.delete(workId);
      const run = inTransaction(this.db, (trx) => setCounterFromKudos(trx, workId));
      this.running.set(workId, run);
      try {
        await run;
      } finally {
        if (this.running.get(workId) === run) this.running.delete(workId);
      }
    });
    this.waiting.set(workId, pending);
    return pending.promise;
  }
}

const counters = new WeakMap<Kysely<Database>, KudosCounter>();

/** The counter of one database handle (one per app process). */
export function kudosCounter(db: Kysely<Database>): KudosCounter {
  let counter = counters.get(db);
  if (counter === undefined) {
    counter = new KudosCounter(db);
    counters.set(db, counter);
  }
  return counter;
}
