import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDialects } from './environment.js';
import { findPostgresBin, startCluster } from './postgres-cluster.js';

const bin = findPostgresBin();

describe.runIf(bin !== undefined && testDialects().includes('postgres'))('startCluster', () => {
  it('starts a private, fast cluster with the test database, and stop() leaves nothing behind', async () => {
    const cluster = await startCluster(bin ?? '');
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const { rows } = await client.query<Record<string, string>>(`select current_database() as database,
        current_setting('listen_addresses') as listen, current_setting('fsync') as fsync, current_setting('lc_ctype') as ctype`);
      await client.end();
      expect(rows[0]).toEqual({ database: 'bindery_test', listen: '', fsync: 'off', ctype: 'C.UTF-8' });
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.dir)).toBe(false);
    const late = new pg.Client({ connectionString: cluster.url });
    await expect(late.connect()).rejects.toThrow();
    cluster.stop();
  });
});
