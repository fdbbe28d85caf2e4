// A work's kudos count, kept off the kudos' own transactions. Every kudos used to update the work's
// one counter row in its transaction, so a flood of kudos on one work queued on that row's lock
// (PostgreSQL managed about 160 a second); then the count was set by recounting the rows, which
// grows with the work (a recount of 5,000 kudos took a millisecond of PostgreSQL, hundreds of
// times a second). Now a kudos only inserts its row, marked uncounted; the next counting of its
// work, one at a time per work in a process, marks every uncounted kudos of the work counted and
// adds them to the count in one transaction, and answers the new count. A process killed between
// a kudos and its counting leaves the row uncounted, not lost: countLeftKudos counts it when an
// app server starts and every minute after (decision 051).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { countKudos } from '../works/work-counter.service.js';
import { markKudosCounted, worksWithUncountedKudos } from './kudos.repository.js';

type Waiter = { resolve: (count: number) => void; reject: (error: unknown) => void };

/** Works a sweep counts at most; the next sweep takes the rest. */
const SWEEP_WORKS = 500;

/** Countings of the kudos counts of one database, at most one running for each work. */
export class KudosCounter {
  private readonly waiting = new Map<number, Waiter[]>();
  private readonly running = new Set<number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves with the work's count once it includes every kudos of the work stored before this call. */
  settle(workId: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const waiters = this.waiting.get(workId) ?? [];
      waiters.push({ resolve, reject });
      this.waiting.set(workId, waiters);
      if (!this.running.has(workId)) void this.flush(workId);
    });
  }

  private async flush(workId: number): Promise<void> {
    this.running.add(workId);
    try {
      // Kudos stored while one counting runs are counted together by the next.
      for (let waiters = this.waiting.get(workId); waiters !== undefined; waiters = this.waiting.get(workId)) {
        this.waiting.delete(workId);
        try {
          const count = await countKudos(this.db, workId, (trx) => markKudosCounted(trx, workId));
          for (const waiter of waiters) waiter.resolve(count);
        } catch (error) {
          // The kudos are stored, uncounted: a later counting or the sweep counts them; their givers hear of the failure.
          for (const waiter of waiters) waiter.reject(error);
        }
      }
    } finally {
      this.running.delete(workId);
    }
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

/** Counts the kudos a process stopped before counting (a crash, a failed counting); answers how many works it counted. */
export async function countLeftKudos(db: Kysely<Database>): Promise<number> {
  const works = await worksWithUncountedKudos(db, SWEEP_WORKS);
  const counter = kudosCounter(db);
  for (const workId of works) await counter.settle(workId);
  return works.length;
}
