// Makes sure the PostgreSQL database a benchmark names exists, creating it when missing.
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
