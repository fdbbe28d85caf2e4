// Reads the configuration, opens and migrates the database, builds the app and listens. On SIGTERM
// or SIGINT it stops accepting connections and taking jobs, lets requests in flight and running
// jobs finish (up to SHUTDOWN_GRACE_SECONDS), then exits: 0 when everything finished, 1 when the
// grace period cut something off (a job cut off is left to its lease and runs again elsewhere).
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { pruneSessions } from './accounts/session.service.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { openSqliteReader } from './db/sqlite-reader.js';
import { migrateToLatest } from './db/migrate.js';
import { searchIndexWarning } from './search/search-index.service.js';
import { pruneRateLimits } from './http/rate-limit.js';
import { pruneLoginFailures } from './accounts/login-backoff.js';
import { countLeftKudos } from './feedback/kudos-count.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl, { replicaUrl: config.databaseReplicaUrl, replicaMaxLagSeconds: config.replicaMaxLagSeconds });
  await migrateToLatest(handle.db);
  await handle.optimize();
  // SQLite's heavier reads run in threads of their own (decision 046); PostgreSQL's pool is already off the event loop.
  const reader = openSqliteReader(config.databaseUrl, config.sqliteReaders);
  reader?.pool.warm();
  const app = await buildApp(config, handle.db, { readDb: reader?.db ?? handle.replica?.db });
  // Kudos a killed process stored but never counted: counted before the first answer (kudos-count.ts).
  const recounted = await countLeftKudos(handle.db);
  if (recounted > 0) app.log.info({ works: recounted }, 'counted kudos left uncounted by the last run');
  const searchWarning = await searchIndexWarning(handle.db);
  if (searchWarning !== null) app.log.warn(searchWarning);
  const cleanup = setInterval(() => {
    Promise.all([pruneSessions(handle.db), pruneRateLimits(handle.db), pruneLoginFailures(handle.db), handle.optimize()]).catch((error: unknown) => app.log.error(error));
  }, 10 * 60 * 1000);
  cleanup.unref();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(cleanup);
    const grace = config.shutdownGraceMs;
    app.log.info({ signal, graceSeconds: grace / 1000, runningJobs: app.jobs.runningCount }, 'stopping: no new connections or jobs; finishing requests in flight and running jobs');
    // app.close() stops listening, waits for requests in flight, then stops the job runner (app.ts).
    const finished = Promise.all([app.jobs.stop(grace), app.close()]).then(([jobsFinished]) => jobsFinished, (error: unknown) => {
      app.log.error({ err: error }, 'closing failed');
      return false;
    });
    const clean = await Promise.race([finished, sleep(grace, false, { ref: false })]);
    if (clean) {
      await reader?.close();
      await handle.close();
      app.log.info({}, 'stopped');
    } else {
      app.log.warn({ runningJobs: app.jobs.runningCount }, 'grace period over: exiting with work unfinished (jobs cut off run again once their leases run out)');
    }
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`${config.archiveName} is running at ${config.baseUrl} (${handle.dialect}${config.runJobs ? ', running jobs' : ', jobs left to a worker'})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
