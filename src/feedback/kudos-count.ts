// A work's kudos count, kept off the kudos' own transactions. Every kudos used to update the work's
// one counter row in its transaction, so a flood of kudos on one work queued on that row's lock
// (PostgreSQL managed about 160 a second); then the count was set by recounting the rows, which
// grows with the work (a recount of 5,000 kudos took a millisecond of PostgreSQL, hundreds of
// times a second). Now a kudos only inserts its row; the kudos stored while one addition runs are
// added together by the next, in one statement that answers the new count.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { addKudosCount } from '../works/work-counter.service.js';

type Waiter = { resolve: (count: number) => void; reject: (error: unknown) => void };
type Batch = { kudos: number; waiters: Waiter[] };

const RETRY_MS = 1000;

/** Additions to the kudos counts of one database, at most one running for each work. */
export class KudosCounter {
  private readonly pending = new Map<number, Batch>();
  private readonly running = new Set<number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Counts one stored kudos; resolves with the work's count once it includes this one. */
  add(workId: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const batch = this.pending.get(workId) ?? { kudos: 0, waiters: [] };
      batch.kudos++;
      batch.waiters.push({ resolve, reject });
      this.pending.set(workId, batch);
      if (!this.running.has(workId)) void this.flush(workId);
    });
  }

  private async flush(workId: number): Promise<void> {
    this.running.add(workId);
    try {
      for (let batch = this.pending.get(workId); batch !== undefined; batch = this.pending.get(workId)) {
        this.pending.delete(workId);
        try {
          const count = await addKudosCount(this.db, workId, batch.kudos);
          for (const waiter of batch.waiters) waiter.resolve(count);
        } catch (error) {
          // The kudos are stored: their count is kept and added by a later try; their givers hear of the failure.
          for (const waiter of batch.waiters) waiter.reject(error);
          this.keepForLater(workId, batch.kudos);
          return;
        }
      }
    } finally {
      this.running.delete(workId);
    }
  }

  private keepForLater(workId: number, kudos: number): void {
    const batch = this.pending.get(workId) ?? { kudos: 0, waiters: [] };
    batch.kudos += kudos;
    this.pending.set(workId, batch);
    setTimeout(() => { if (!this.running.has(workId) && this.pending.has(workId)) void this.flush(workId); }, RETRY_MS).unref();
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
