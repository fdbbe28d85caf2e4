// Several app servers behind Debian's nginx on one PostgreSQL, as scripts/cluster.ts runs them:
// what one server writes the other shows within a second (its page cache included), a session
// and its form token work on either, rate limits are counted once for all, and kill -9 of a server
// under load costs no GET and loses no acknowledged POST. docs/decisions/048-several-app-servers.md.
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
      env: { RATE_LIMIT: `${GUEST_LIMIT}/60`, SIGNUP_LIMIT: 'off', LOG_LEVEL: 'warn' },
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
    // Directly to the servers (which trust X-Forwarded-For): 200 on A, then B knows of them.
    const address = { 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}` };
    expect((await countUntilRefused(new Visitor(a(), { headers: address }), 200)).answered).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const onB = await countUntilRefused(new Visitor(b(), { headers: address }), GUEST_LIMIT);
    expect(onB.answered).toBeLessThanOrEqual(GUEST_LIMIT - 200 + 10);
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
    expect((await new Visitor(cluster.url, { localAddress: '127.0.9.10' }).get('/token_dispenser.json')).status).toBe(200);
  });

  it('loses no GET and no acknowledged POST when one server is killed under load', async () => {
    const report = await killUnderLoad(cluster, database.pool, author);
    expect(report.failedGets).toEqual([]);
    expect(report.getsAfterKill).toBeGreaterThanOrEqual(150);
    expect(report.acknowledgedPostsAfterKill).toBeGreaterThanOrEqual(10);
    expect(report.missingPosts).toEqual([]);
    expect(cluster.apps[0]?.exited()).toBe(true);
  }, 120_000);
});
