// Hits, counted off the reading path: a read only notes its visit in memory (a set lookup); every
// few seconds the visits not seen before are written in one transaction, and the work's counter
// and its day move by the number that were new. One hit per visitor per work per day: a member by
// account, a guest by address (a guest's first page comes before any cookie, so a cookie would
// count them twice); a work's creators and crawlers are not counted. The database has the last word on "seen before", so app servers and restarts agree.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { countInTransaction } from '../works/work-counter.service.js';
import { addDayHits, forgetVisitorsBefore, insertNewVisits, type Visit } from './hit.repository.js';

/** Clients that announce themselves as robots. */
const CRAWLER = /bot\b|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|curl\/|wget\/|python-requests|httpclient|headless/i;
/** Visits remembered in memory for today; past this the set starts again (the database still dedupes). */
const MAX_SEEN = 500_000;
const BATCH = 1000;

/** What a read tells the hit counter. */
export type ReadVisit = { workId: number; userId: number | null; address: string; userAgent: string; isCreator: boolean };

/** True for a client that says it is a robot. */
export function isCrawler(userAgent: string): boolean {
  return userAgent === '' || CRAWLER.test(userAgent);
}

const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The hit counter of one app process. */
export class HitCounter {
  private pending: Visit[] = [];
  private seen = new Set<string>();
  private day = '';
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;
  private prunedBefore = '';

  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date = () => new Date(), private readonly intervalMs = 2000) {}

  /** Notes a read; costs a string and a set lookup. */
  record(visit: ReadVisit): void {
    if (visit.isCreator || isCrawler(visit.userAgent)) return;
    const day = today(this.now());
    if (day !== this.day) {
      this.day = day;
      this.seen = new Set();
    }
    const visitor = visit.userId !== null ? `u${visit.userId}` : `a${visit.address}`;
    const key = `${visit.workId}|${visitor}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= MAX_SEEN) this.seen = new Set();
    this.seen.add(key);
    this.pending.push({ workId: visit.workId, day, visitor });
  }

  /** Starts writing every few seconds. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => { void this.flush().catch(() => undefined); }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops, writing what is noted. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes the noted visits; returns how many hits were new. One write at a time. */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  private async write(): Promise<number> {
    let counted = 0;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, BATCH);
      counted += await this.writeBatch(batch).catch((error: unknown) => {
        // Kept for the next try: a database that was away for a moment loses no hit.
        this.pending.unshift(...batch);
        throw error;
      });
    }
    const yesterday = today(new Date(this.now().getTime() - 24 * 60 * 60 * 1000));
    if (yesterday !== this.prunedBefore) {
      // Yesterday's visitors are kept for a late writer; older ones are no longer needed.
      await forgetVisitorsBefore(this.db, yesterday);
      this.prunedBefore = yesterday;
    }
    return counted;
  }

  private writeBatch(batch: Visit[]): Promise<number> {
    return inTransaction(this.db, async (trx) => {
      const fresh = await insertNewVisits(trx, batch);
      let n = 0;
      for (const [key, hits] of fresh) {
        const [workId = '', day = ''] = key.split('|');
        await addDayHits(trx, Number(workId), day, hits);
        await countInTransaction(trx, Number(workId), { hits });
        n += hits;
      }
      return n;
    });
  }
}
