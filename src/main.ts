// Reads the configuration, opens and migrates the database, builds the app and listens.
import { buildApp } from './app.js';
import { pruneSessions } from './accounts/session.service.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { openSqliteReader } from './db/sqlite-reader.js';
import { migrateToLatest } from './db/migrate.js';
import { pruneRateLimits } from './http/rate-limit.js';
import { pruneLoginFailures } from './accounts/login-backoff.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  await migrateToLatest(handle.db);
  await handle.optimize();
  // SQLite's heavier reads run in threads of their own (decision 046); PostgreSQL's pool is already off the event loop.
  const reader = openSqliteReader(config.databaseUrl, config.sqliteReaders);
  reader?.pool.warm();
  const app = await buildApp(config, handle.db, { readDb: reader?.db ?? handle.db });
  const cleanup = setInterval(() => {
    Promise.all([pruneSessions(handle.db), pruneRateLimits(handle.db), pruneLoginFailures(handle.db), handle.optimize()]).catch((error: unknown) => app.log.error(error));
  }, 10 * 60 * 1000);
  cleanup.unref();
  const stop = async () => {
    clearInterval(cleanup);
    await app.close();
    await reader?.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`${config.archiveName} is running at ${config.baseUrl} (${handle.dialect})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
