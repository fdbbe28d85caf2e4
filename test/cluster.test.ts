// Several app servers behind Debian's nginx on one PostgreSQL, as scripts/cluster.ts runs them:
// what one server writes the other shows within a second (its page cache included), a session
// and its form token work on either, rate limits are counted once for all, and kill -9 of a server
// under load costs no GET and loses no acknowledged POST; two workers do each job once, and a job
// whose worker was killed is run again by the other. docs/decisions/048-several-app-servers.md.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBinderyCluster, type Cluster } from '../scripts/cluster/cluster.js';
import { signUpOver, workIdOf } from '../scripts/cluster/people.js';
import { Visitor, type Answer } from '../scripts/cluster/visitor.js';
import { createClusterDatabase, type ClusterDatabase } from './cluster/cluster-database.js';
import { killUnderLoad, postWorkOn } from './cluster/kill-under-load.js';
import { DIALECTS } from './databases.js';
import { workFields } from './helpers.js';

/** Requests a guest address may make a minute: low enough to reach in a test, high enough for the load below. */
const GUEST_LIMIT = 300;

let cluster: Cluster;
let database: ClusterDatabase;
let author: Visitor;

const word = () => randomBytes(4).toString('hex');

type ProbeJob = { id: number; state: string; attempts: number; lease_owner: string | null };

async function probeJobs(): Promise<ProbeJob[]> {
  return (await database.pool.query<ProbeJob>("select id, state, attempts, lease_owner from jobs where kind = 'probe' order by id")).rows;
}

async function waitFor(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function metric(base: string, token: string, line: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return Number(found?.slice(line.length + 1) ?? 0);
}

describe.skipIf(!DIALECTS.includes('postgres'))('two app servers behind nginx on PostgreSQL', () => {
  beforeAll(async () => {
    database = await createClusterDatabase();
    cluster = await startBinderyCluster({
      appServers: 2, workers: 0, databaseUrl: database.url,
      env: { RATE_LIMIT: `${GUEST_LIMIT}/60`, SIGNUP_LIMIT: 'off', LOG_LEVEL: 'warn', RUN_JOBS: 'false' },
    });
    author = await signUpOver(cluster.apps[0]?.url ?? '', database.pool, `author${word()}`);
  }, 180_000);

  afterAll(async () => {
    author.close();
    await cluster.stop();
    await database.drop();
  }, 60_000);

  const [a, b] = [() => cluster.apps[0]?.url ?? '', () => cluster.apps[1]?.url ?? ''];

  it('shows a work posted on one server on the other at once, and its edit within a second though the other had cached the page', async () => {
    const title = `Lantern ${word()}`;
    const id = await postWorkOn(author, title);
    const guest = new Visitor(b());
    const first = await guest.get(`/works/${id}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain(title);
    // Read again on B: from its cache now, as its metrics say.
    const hitsBefore = await metric(b(), cluster.metricsToken, 'bindery_work_page_cache_events{outcome="hit"}');
    expect((await guest.get(`/works/${id}`)).body).toContain(title);
    expect(await metric(b(), cluster.metricsToken, 'bindery_work_page_cache_events{outcome="hit"}')).toBe(hitsBefore + 1);

    const edited = `Beacon ${word()}`;
    await author.get(`/works/${id}/edit`);
    expect((await author.post(`/works/${id}`, workFields({ title: edited }))).status).toBe(303);
    const acknowledged = performance.now();
    // Every guest request started more than a second after the edit was acknowledged must show it.
    const seen: Array<{ startedMs: number; fresh: boolean }> = [];
    while (performance.now() - acknowledged < 2000) {
      const startedMs = performance.now() - acknowledged;
      const page = await guest.get(`/works/${id}`);
      expect(page.status).toBe(200);
      seen.push({ startedMs, fresh: page.body.includes(edited) && !page.body.includes(title) });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const lastStale = Math.max(-1, ...seen.filter((s) => !s.fresh).map((s) => s.startedMs));
    expect(lastStale).toBeLessThan(1000);
    expect(seen.at(-1)?.fresh).toBe(true);
    guest.close();
  });

  it('keeps a member logged in on the other server, whose forms take the token the first one gave', async () => {
    const login = `reader${word()}`;
    const onA = await signUpOver(a(), database.pool, login);
    const home = await onA.get('/');
    expect(home.body).toContain('Log out');
    // The same cookie and the token of A's page, sent to B.
    const onB = onA.at(b());
    const page = await onB.get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Log out');
    onB.csrf = onA.csrf;
    const title = `Crossing ${word()}`;
    const id = workIdOf(await onB.post('/works', workFields({ title })));
    expect((await new Visitor(a()).get(`/works/${id}`)).body).toContain(title);
    onA.close();
    onB.close();
  });

  it('counts a guest\'s requests once for both servers, by the address nginx saw', async () => {
    const countUntilRefused = async (visitor: Visitor, most: number) => {
      let answered = 0;
      for (let i = 0; i < most; i += 1) {
        const answer: Answer = await visitor.get('/token_dispenser.json');
        if (answer.status === 429) return { answered, refused: answer };
        expect(answer.status).toBe(200);
        answered += 1;
      }
      return { answered, refused: null };
    };
    // Directly to the servers (which trust X-Forwarded-For): 200 on A, which shares them within a
    // second; B, asked once after that, learns of them when it shares its own (within a second;
    // until then a server counts alone).
    const ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const address = { 'x-forwarded-for': ip };
    const onA = new Visitor(a(), { headers: address });
    expect((await countUntilRefused(onA, 200)).answered).toBe(200);
    const sharedHits = async () => (await database.pool.query<{ hits: number }>('select hits from rate_limits where key = $1', [`requests:address:${ip}`])).rows[0]?.hits ?? 0;
    await waitFor(async () => await sharedHits() === 200, 3000);
    const atB = new Visitor(b(), { headers: address });
    expect((await atB.get('/token_dispenser.json')).status).toBe(200);
    await waitFor(async () => await sharedHits() === 201, 1500);
    const onB = await countUntilRefused(atB, GUEST_LIMIT);
    expect(onB.answered).toBe(GUEST_LIMIT - 201);
    expect(onB.refused?.headers['retry-after']).toMatch(/^\d+$/);

    // Through nginx from one loopback address, whatever X-Forwarded-For the client claims: refused
    // past the limit (each server may let through a second's worth before it hears of the other's
    // count), and a second and a half later refused by both servers alike.
    const client = new Visitor(cluster.url, { localAddress: '127.0.9.9', headers: { 'x-forwarded-for': '198.51.100.7' } });
    const throughNginx = await countUntilRefused(client, 3 * GUEST_LIMIT);
    expect(throughNginx.refused?.status).toBe(429);
    expect(throughNginx.answered).toBeGreaterThanOrEqual(GUEST_LIMIT - 10);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const later = await Promise.all(Array.from({ length: 6 }, () => client.get('/token_dispenser.json')));
    expect(later.map((answer) => answer.status)).toEqual([429, 429, 429, 429, 429, 429]);
    // Another address is not refused.
    const other = new Visitor(cluster.url, { localAddress: '127.0.9.10' });
    expect((await other.get('/token_dispenser.json')).status).toBe(200);
    for (const visitor of [onA, atB, client, other]) visitor.close();
  });

  it('loses no GET and no acknowledged POST when one server is killed under load', async () => {
    const report = await killUnderLoad(cluster, database.pool, author);
    expect(report.failedGets).toEqual([]);
    expect(report.getsAfterKill).toBeGreaterThanOrEqual(150);
    expect(report.acknowledgedPostsAfterKill).toBeGreaterThanOrEqual(10);
    expect(report.missingPosts).toEqual([]);
    expect(cluster.apps[0]?.exited()).toBe(true);
  }, 120_000);

  it('has each of 200 jobs done exactly once by two competing workers', async () => {
    const workers = await Promise.all([cluster.startWorker(), cluster.startWorker()]);
    await cluster.cli(['jobs', 'enqueue-probe', '200', '--ms', '20']);
    await waitFor(async () => (await probeJobs()).every((job) => job.state === 'done'), 60_000);
    const jobs = await probeJobs();
    expect(jobs).toHaveLength(200);
    expect(jobs.filter((job) => job.attempts !== 1)).toEqual([]);
    const runs = await database.pool.query<{ job_id: number; pid: number }>('select job_id, pid from job_probes');
    expect(runs.rows.map((r) => r.job_id).sort((x, y) => x - y)).toEqual(jobs.map((job) => job.id).sort((x, y) => x - y));
    // Both took their share: the competition happened.
    const byWorker = workers.map((worker) => runs.rows.filter((r) => r.pid === worker.pid).length);
    expect(byWorker.every((n) => n > 0)).toBe(true);
    expect(byWorker.reduce((sum, n) => sum + n, 0)).toBe(200);
  }, 120_000);

  it('runs again, once, the job of a worker killed in the middle of it', async () => {
    await database.pool.query('delete from job_probes');
    await database.pool.query("delete from jobs where kind = 'probe'");
    await cluster.cli(['jobs', 'enqueue-probe', '1', '--ms', '4000']);
    let owner = '';
    await waitFor(async () => {
      owner = (await probeJobs())[0]?.lease_owner ?? '';
      return owner !== '';
    }, 20_000);
    const victim = cluster.workers.find((w) => owner.includes(`:${w.pid}:`));
    expect(victim).toBeDefined();
    victim?.kill('SIGKILL');
    // Its lease (a minute) has to run out before the other worker may take the job.
    await waitFor(async () => (await probeJobs())[0]?.state === 'done', 100_000);
    const [job] = await probeJobs();
    expect(job?.attempts).toBe(2);
    const runs = await database.pool.query<{ pid: number }>('select pid from job_probes');
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]?.pid).not.toBe(victim?.pid);
  }, 150_000);
});
