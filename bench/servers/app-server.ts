// Child process: the app exactly as main.ts builds it (config from the environment, migrated
// database, buildApp), with logging off; tells the parent over IPC when it is listening.
// With BENCH_QUERY_LOG=FILE (bench:listings' plans pass) it also logs every query to FILE.
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { openSqliteReader } from '../../src/db/sqlite-reader.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { QueryLogPlugin } from '../lib/query-log.js';

// The general rate limit stays on (its cost is part of what is measured) but far above any benchmark's load.
const config = loadConfig({ RATE_LIMIT: '999999999/300', RATE_LIMIT_MEMBERS: '999999999/300', ...process.env });
const handle = openDatabase(config.databaseUrl);
await migrateToLatest(handle.db);
await handle.optimize();
const queryLog = process.env.BENCH_QUERY_LOG;
const db = queryLog !== undefined && queryLog !== '' ? handle.db.withPlugin(new QueryLogPlugin(handle.db, queryLog)) : handle.db;
const reader = openSqliteReader(config.databaseUrl, config.sqliteReaders);
reader?.pool.warm();
const app = await buildApp(config, db, { logger: false, readDb: reader?.db ?? db });

// A normal exit (not a kill) lets `--cpu-prof` write its profile.
const stop = async () => {
  await app.close();
  await reader?.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());

await app.listen({ port: config.port, host: config.host });
process.send?.({ ready: true, port: config.port });
