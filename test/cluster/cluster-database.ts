// A database of its own for a cluster test, in the run's PostgreSQL: app servers in other processes
// cannot share a test schema through DATABASE_URL, so each cluster gets a whole database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type ClusterDatabase = { url: string; pool: pg.Pool; drop: () => Promise<void> };

async function admin(server: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and a pool on it for the test's own checks; `drop` ends both. */
export async function createClusterDatabase(): Promise<ClusterDatabase> {
  const server = inject('testDatabaseUrl');
  if (server === undefined) throw new Error('No PostgreSQL for this run: test/global-setup.ts provides one when BINDERY_TEST_DATABASES includes postgres');
  const name = `cluster_${randomBytes(5).toString('hex')}`;
  await admin(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 2 });
  return {
    url: url.href, pool,
    drop: async () => {
      await pool.end();
      await admin(server, `drop database ${name} with (force)`);
    },
  };
}
