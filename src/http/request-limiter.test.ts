// The general rate limit, on a test app with small limits: per address for guests, per account
// for members, shared between two app servers on one database, and a 429 that loses nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, signUp, uniqueLogin, workFields } from '../../test/helpers.js';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { parsePage } from '../../test/html.js';
import type { FastifyInstance } from 'fastify';

describeEachDatabase('request limits', (_ctx, dialect) => {
  let database: TestDatabase;
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const config = loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://archive.test', RATE_LIMIT: '12/300', RATE_LIMIT_MEMBERS: '30/300', SIGNUP_LIMIT: '3/3600' }, { persist: false });
    // Two app servers on one database, as behind a load balancer.
    first = await buildApp(config, database.db, { logger: false });
    second = await buildApp(config, database.db, { logger: false });
    await Promise.all([first.ready(), second.ready()]);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it('answers a guest address past its limit with 429, Retry-After and a readable page; assets never count', async () => {
    const guest = new TestClient(first, '10.50.0.1');
    for (let i = 0; i < 30; i++) expect((await guest.get('/favicon.ico')).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await guest.get('/works')).statusCode);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    const refused = await guest.get('/works');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(200);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('more requests than this archive allows');
    // Another address is not held back.
    expect((await new TestClient(first, '10.50.0.2').get('/works')).statusCode).toBe(200);
  });

  it('shares the count between app servers', async () => {
    const a = new TestClient(first, '10.51.0.1');
    const b = new TestClient(second, '10.51.0.1');
    for (let i = 0; i < 8; i++) expect((await a.get('/works')).statusCode).toBe(200);
    await first.requestLimiter.sync();
    // The second server learns the other's count at its next sync (each runs every second).
    expect((await b.get('/works')).statusCode).toBe(200);
    await second.requestLimiter.sync();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.get('/works')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('reads back a key it served lately though it has nothing new of its own to share', async () => {
    const a = new TestClient(first, '10.54.0.1');
    const b = new TestClient(second, '10.54.0.1');
    // The second server shares its one request before the first has shared any of its eight.
    expect((await b.get('/works')).statusCode).toBe(200);
    await second.requestLimiter.sync();
    for (let i = 0; i < 8; i++) expect((await a.get('/works')).statusCode).toBe(200);
    await first.requestLimiter.sync();
    // A sync with nothing to add for the address still learns the other's eight.
    await second.requestLimiter.sync();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.get('/works')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('gives members a larger allowance of their own, and keeps a work being posted when it refuses', async () => {
    const login = uniqueLogin();
    // Signed up on its own app so the test's own requests start from nothing.
    const writer = await signUp(first, login, '10.52.0.1');
    for (let i = 0; i < 20; i++) expect((await writer.get('/works')).statusCode).toBe(200);
    await writer.get('/works/new');
    let posted;
    for (let i = 0; i < 12; i++) posted = await writer.post('/works', workFields({ title: `Tidewater ${i}`, action: 'preview' }));
    expect(posted?.statusCode).toBe(429);
    const page = parsePage(posted?.body ?? '');
    expect(page.querySelector('input[name="title"]')?.getAttribute('value')).toBe('Tidewater 11');
    expect(posted?.body).toContain('Nothing was lost');
    // The guest budget of the address the member is on is untouched.
    expect((await new TestClient(first, '10.52.0.1').get('/works')).statusCode).toBe(200);
  });

  it('lets one address make only so many accounts an hour, keeping what was typed', async () => {
    const made: number[] = [];
    for (let i = 0; i < 3; i++) made.push((await signUp(second, uniqueLogin(), '10.53.0.1').then(() => 303, () => 0)));
    expect(made).toEqual([303, 303, 303]);
    const client = new TestClient(second, '10.53.0.1');
    await client.get('/signup');
    const login = uniqueLogin();
    const refused = await client.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Too many accounts have been made from your address lately');
    expect(parsePage(refused.body).querySelector('input[name="login"]')?.getAttribute('value')).toBe(login);
    expect(await database.db.selectFrom('users').select('id').where('login_key', '=', login.toLowerCase()).executeTakeFirst()).toBeUndefined();
  });
});
