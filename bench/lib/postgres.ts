// The PostgreSQL a benchmark runs on: makes sure the database it names exists (creating it when
// missing), and the environment a benchmarked app reads.
import { join } from 'node:path';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://root@localhost/bindery_bench?host=/var/run/postgresql';

/** The synthetic archive's own database, so the reading benchmark's runs do not touch it. */
export const DEFAULT_CORPUS_POSTGRES_URL = 'postgres://root@localhost/bindery_corpus?host=/var/run/postgresql';

/** Creates the database in `url` unless it exists, connecting to the server's `postgres` database to do so. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (name === '') throw new Error(`DATABASE_URL names no database: ${url}`);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/**
 * The environment a benchmarked app reads, as in production: a data folder, a database URL (a
 * SQLite file in the folder, or DATABASE_URL's PostgreSQL, made if missing), no logging.
 */
export async function appEnvironment(database: 'sqlite' | 'postgres', dataDir: string): Promise<Record<string, string>> {
  const base = { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  if (database === 'sqlite') return { ...base, DATABASE_URL: `sqlite:${join(dataDir, 'bindery.sqlite')}` };
  const url = process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  try {
    await ensureDatabase(url);
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//***@')} (${(error as Error).message}); start it with: pg_ctlcluster 15 main start`, { cause: error });
  }
  return { ...base, DATABASE_URL: url };
}
