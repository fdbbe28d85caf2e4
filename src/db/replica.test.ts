// Read replicas on a real streaming replica: a primary cluster of this file's own and a copy made
// with pg_basebackup, replaying its WAL. Listings, search and feeds are read from the replica
// (with replay paused, a guest does not see a new work), a writer reads their own write from the
// primary, and a replica that falls behind or stops is left for the primary. PostgreSQL only.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { DIALECTS } from '../../test/databases.js';
import { TestClient } from '../../test/client.js';
import { postWork, signUp } from '../../test/helpers.js';
import { findPostgresBin, startCluster, startStandby, type Cluster } from '../../test/setup/postgres-cluster.js';
import { openDatabase, type DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { replicaOf, type Replica } from './replica.js';

const bin = findPostgresBin();

/** /readyz in one line: status code, status, and what it notes about the replica. */
function readiness(response: LightMyRequestResponse): string {
  const body = response.json<{ status: string; notes?: { replica?: string } }>();
  return `${response.statusCode} ${body.status}; replica: ${body.notes?.replica ?? '(none)'}`;
}

async function query<R extends object>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!DIALECTS.includes('postgres') || bin === undefined)('a read replica [postgres]', () => {
  let primary: Cluster;
  let standby: Cluster;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];

  /** An app reading from the standby, whose replica may be `maxLag` seconds behind. */
  async function appWithReplica(maxLag: number): Promise<FastifyInstance> {
    const env = { LOG_LEVEL: 'silent', BASE_URL: 'http://archive.test', RATE_LIMIT: 'off', RATE_LIMIT_MEMBERS: 'off',
      DATABASE_URL: primary.url, DATABASE_REPLICA_URL: standby.url, DATABASE_REPLICA_MAX_LAG: String(maxLag) };
    const config = loadConfig(env, { persist: false });
    const handle = openDatabase(config.databaseUrl, { poolSize: 4, replicaUrl: config.databaseReplicaUrl, replicaMaxLagSeconds: config.replicaMaxLagSeconds });
    handles.push(handle);
    const app = await buildApp(config, handle.db, { logger: false, readDb: handle.replica?.db });
    apps.push(app);
    await app.ready();
    return app;
  }

  function replicaOfApp(app: FastifyInstance): Replica {
    const replica = replicaOf(app.readDb);
    if (replica === undefined) throw new Error('the app has no replica');
    return replica;
  }

  /** Waits until the standby has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await query<{ lsn: string }>(primary.url, 'select pg_current_wal_lsn()::text as lsn') as [{ lsn: string }];
    for (let tries = 0; tries < 200; tries += 1) {
      const [row] = await query<{ done: boolean }>(standby.url, `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`);
      if (row?.done === true) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the standby did not catch up within 10 s');
  }

  const pauseReplay = () => query(standby.url, 'select pg_wal_replay_pause()');
  const resumeReplay = () => query(standby.url, 'select pg_wal_replay_resume()');

  beforeAll(async () => {
    if (bin === undefined) return;
    primary = await startCluster(bin);
    const setup = openDatabase(primary.url);
    await migrateToLatest(setup.db);
    await setup.close();
    standby = await startStandby(bin, primary);
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    standby.stop();
    primary.stop();
  });

  it('serves guests\' listings, search and feeds from the replica, and a writer\'s from the primary until the replica has their work', async () => {
    const app = await appWithReplica(60);
    const writer = await signUp(app);
    await caughtUp();
    expect((await replicaOfApp(app).check()).inUse).toBe(true);
    expect(readiness(await app.inject('/readyz'))).toMatch(/^200 ready; replica: in use, \d+\.\d s behind$/);

    await pauseReplay();
    try {
      await whileReplayIsPaused(app, writer);
    } finally {
      await resumeReplay();
    }
    await caughtUp();
    const guest = new TestClient(app, '10.9.0.5');
    expect((await guest.get('/works')).body).toContain('The Tidewater Ledger');
    expect((await guest.get('/works/search?work_search[query]=harbourmaster')).body).toContain('The Tidewater Ledger');
    expect((await guest.get('/opds/recent')).body).toContain('The Tidewater Ledger');
    expect((await guest.get('/bookmarks')).body).toContain('The Tidewater Ledger');
  }, 60_000);

  /** The writer posts while the standby replays nothing: guests do not see the work in listings, the writer does. */
  async function whileReplayIsPaused(app: FastifyInstance, writer: TestClient & { login: string }): Promise<void> {
    const id = await postWork(writer, { title: 'The Tidewater Ledger', 'chapter.text': 'The harbourmaster counted gulls instead of ships, and wrote every one of them down.' });
    expect((await replicaOfApp(app).check()).inUse).toBe(true);

    const guest = new TestClient(app, '10.9.0.1');
    expect((await guest.get('/works')).body).not.toContain('The Tidewater Ledger');
    expect((await guest.get(`/users/${writer.login}/works`)).body).not.toContain('The Tidewater Ledger');
    expect((await guest.get('/works/search?work_search[query]=harbourmaster')).body).not.toContain('The Tidewater Ledger');
    expect((await guest.get('/opds/recent')).body).not.toContain('The Tidewater Ledger');
    // The writer keeps their own work: bookmark listings are listings too.
    expect((await writer.post(`/works/${id}/bookmarks`, { notes: 'Ledger of gulls.', tags: 'harbours' })).statusCode).toBe(303);
    expect((await guest.get('/bookmarks')).body).not.toContain('The Tidewater Ledger');
    expect((await guest.get(`/users/${writer.login}/bookmarks`)).body).not.toContain('The Tidewater Ledger');
    // The work's own page is never read from the replica.
    const page = await guest.get(`/works/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The Tidewater Ledger');

    // The writer posted a moment ago: their listings, search and feeds come from the primary.
    expect(writer.cookies.get('bindery_fresh')).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
    expect((await writer.get(`/users/${writer.login}/works`)).body).toContain('The Tidewater Ledger');
    expect((await writer.get('/works')).body).toContain('The Tidewater Ledger');
    expect((await writer.get('/works/search?work_search[query]=harbourmaster')).body).toContain('The Tidewater Ledger');
    expect((await writer.get(`/users/${writer.login}/bookmarks`)).body).toContain('The Tidewater Ledger');

    // Once their mark runs out (or on a forged one) they read the replica like everyone else.
    const until = Date.now() + 5000;
    writer.cookies.set('bindery_fresh', `${until}.forged-signature`);
    expect((await writer.get('/works')).body).not.toContain('The Tidewater Ledger');
    writer.cookies.delete('bindery_fresh');
    expect((await writer.get(`/users/${writer.login}/works`)).body).not.toContain('The Tidewater Ledger');
  }

  it('gives no mark for a write that failed: a form sent back with errors', async () => {
    const app = await appWithReplica(60);
    const writer = await signUp(app);
    writer.cookies.delete('bindery_fresh');
    await writer.get('/works/new');
    const refused = await writer.post('/works', { title: '' });
    expect(refused.statusCode).toBe(422);
    expect(writer.cookies.has('bindery_fresh')).toBe(false);
  });

  it('reads from the primary while the replica is further behind than DATABASE_REPLICA_MAX_LAG, and says so', async () => {
    const patient = await appWithReplica(60);
    const strict = await appWithReplica(1);
    const writer = await signUp(patient);
    await caughtUp();
    expect((await replicaOfApp(strict).check()).inUse).toBe(true);
    await pauseReplay();
    try {
      await postWork(writer, { title: 'Lanterns Over Skerry Sound' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const state = await replicaOfApp(strict).check();
      expect(state.inUse).toBe(false);
      expect(state.problem).toMatch(/^it is \d+\.\d s behind the primary \(DATABASE_REPLICA_MAX_LAG is 1\)$/);
      expect((await new TestClient(strict, '10.9.0.2').get('/works')).body).toContain('Lanterns Over Skerry Sound');
      expect((await new TestClient(patient, '10.9.0.3').get('/works')).body).not.toContain('Lanterns Over Skerry Sound');
      const ready = await strict.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(readiness(ready)).toMatch(/^200 ready; replica: not used, reads go to the primary: it is .* behind/);
    } finally {
      await resumeReplay();
    }
    await caughtUp();
    expect((await replicaOfApp(strict).check()).inUse).toBe(true);
  }, 30_000);

  it('refuses a replica that is not a standby, and logs why its reads go to the primary', async () => {
    const handle = openDatabase(primary.url, { replicaUrl: primary.url });
    handles.push(handle);
    const told: string[] = [];
    await handle.replica?.start({ warn: (message) => told.push(`warn: ${message}`), info: (message) => told.push(`info: ${message}`) });
    handle.replica?.stop();
    expect(handle.replica?.state.inUse).toBe(false);
    expect(told).toEqual(['warn: Read replica not used, reads go to the primary: it is not a standby (pg_is_in_recovery() is false): a promoted replica no longer follows the primary']);
  });

  it('reads from the primary once the replica stops, and stays ready', async () => {
    const app = await appWithReplica(60);
    const writer = await signUp(app);
    await caughtUp();
    expect((await replicaOfApp(app).check()).inUse).toBe(true);
    const guest = new TestClient(app, '10.9.0.4');
    expect((await guest.get('/works')).statusCode).toBe(200);
    standby.stop();
    await postWork(writer, { title: 'After the Second Light Went Out' });
    // The very next listing, before any check: the front finds the replica gone and asks the primary.
    const listing = await guest.get('/works');
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain('After the Second Light Went Out');
    expect(replicaOfApp(app).state.inUse).toBe(false);
    const state = await replicaOfApp(app).check();
    expect(state.inUse).toBe(false);
    expect(state.problem).toMatch(/^cannot check: /);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(readiness(ready)).toMatch(/^200 ready; replica: not used, reads go to the primary: cannot check/);
    expect(ready.json<{ checks: Record<string, string> }>().checks).toEqual({ database: 'ok', migrations: 'ok', queue: 'ok' });
    expect((await guest.get('/works/search?work_search[query]=light')).statusCode).toBe(200);
    expect((await guest.get('/opds/recent')).body).toContain('After the Second Light Went Out');
  }, 30_000);
});
