// The hit counter and the reading log of each database handle (one per app process), started and
// stopped with the app; both note reads in memory and write them every two seconds.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { HitCounter } from './hit-counter.js';
import { ReadingLog } from './reading-log.js';

const FLUSH_MS = 2000;
const counters = new WeakMap<object, { hits: HitCounter; readings: ReadingLog }>();

/** Starts the app's hit counter and reading log with the app, and writes what they hold when it closes. */
export function registerHitCounter(app: FastifyInstance): void {
  const hits = new HitCounter(app.db, () => new Date(), FLUSH_MS);
  const readings = new ReadingLog(app.db);
  counters.set(app.db, { hits, readings });
  app.decorate('hits', hits);
  app.decorate('readings', readings);
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', () => {
    hits.start();
    timer = setInterval(() => { void readings.flush().catch((error: unknown) => { app.log.warn({ err: error }, 'reading history not written; it will be tried again'); }); }, FLUSH_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer !== null) clearInterval(timer);
    await readings.flush();
    await hits.stop();
  });
}

/** The hit counter and reading log of a database handle, if its app has them. */
export function readCounters(db: Db): { hits: HitCounter; readings: ReadingLog } | undefined {
  return counters.get(db);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts hits off the reading path (hit-counter.ts); tests call flush() rather than wait. */
    hits: HitCounter;
    /** Notes members' reading history off the reading path (reading-log.ts). */
    readings: ReadingLog;
  }
}
