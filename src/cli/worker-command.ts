// `bindery worker`: the job runner alone, without HTTP, for app servers started with RUN_JOBS=false
// (or as more hands beside them). It logs JSON lines as the app does (pino, Fastify's logger), and
// on SIGTERM or SIGINT stops taking jobs and lets the running ones finish, up to
// SHUTDOWN_GRACE_SECONDS; a job cut off is run again once its lease runs out.
import { pino } from 'pino';
import type { Config } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { JobQueue } from '../jobs/job-queue.js';
import { setMailSite } from '../mail/mail-site.js';
import { registerJobHandlers, wireDomains } from '../wiring.js';

/** Runs jobs until a signal; resolves with the exit code (1 when running jobs were cut off). */
export async function runWorker(config: Config): Promise<number> {
  const log = pino({ level: config.logLevel });
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    wireDomains();
    setMailSite({ archiveName: config.archiveName, baseUrl: config.baseUrl, secret: config.sessionSecret, externalImages: config.externalImages.mode });
    const queue = new JobQueue(handle.db, { log });
    const handlers = registerJobHandlers(queue, handle.db, { smtp: config.smtp, from: config.mailFrom }, log);
    // The queue's timers do not hold the process open; this does, until a signal comes.
    const alive = setInterval(() => undefined, 60_000);
    const signal = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => { resolve('SIGTERM'); });
      process.once('SIGINT', () => { resolve('SIGINT'); });
    });
    queue.start();
    log.info({ owner: queue.owner, kinds: queue.kinds, database: handle.dialect }, 'worker started');
    const received = await signal;
    log.info({ signal: received, running: queue.runningCount, graceSeconds: config.shutdownGraceMs / 1000 }, 'stopping: no new jobs; waiting for the running ones');
    const finished = await queue.stop(config.shutdownGraceMs);
    if (finished) log.info({}, 'worker stopped');
    else log.warn({ running: queue.runningCount }, 'grace period over: jobs still running are left to their leases and will run again');
    clearInterval(alive);
    handlers.close();
    return finished ? 0 : 1;
  } finally {
    await handle.close();
  }
}
