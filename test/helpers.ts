// Shared test helpers: an app on a fresh database, a signed-up visitor, a posted work.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Dialect } from '../src/db/connect.js';
import { openSqliteReader } from '../src/db/sqlite-reader.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.js';
import { testSqliteReaders } from './setup/environment.js';
import { TestClient, type Fields } from './client.js';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close: () => Promise<void> };

/**
 * An app on a fresh database of the given kind. On SQLite, reads that may be stale stay on the
 * main connection unless SQLITE_READERS (in `env`, or BINDERY_TEST_SQLITE_READERS for a whole run)
 * asks for reader threads: the database is then a file they open too, as on an app server.
 */
export async function buildTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const readers = env.SQLITE_READERS ?? testSqliteReaders();
  const database = await openTestDatabase(dialect, { file: dialect === 'sqlite' && readers !== '0' });
  // A test client makes thousands of requests from one address: the general limit has tests of its own.
  // Jobs run when a test says so (app.jobs.runOnce()), so what a test sees never races the queue.
  const config = loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://archive.test', RATE_LIMIT: 'off', RATE_LIMIT_MEMBERS: 'off', RUN_JOBS: 'false', ...env, SQLITE_READERS: readers }, { persist: false });
  const reader = openSqliteReader(database.url, config.sqliteReaders);
  const app = await buildApp(config, database.db, { logger: false, readDb: reader?.db ?? database.db });
  await app.ready();
  return { app, database, close: async () => { await app.close(); await reader?.close(); await database.drop(); } };
}

/** Runs a block of tests once per database, with one app per database shared by the block. */
export function describeEachDatabase(title: string, body: (ctx: () => TestApp, dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect}]`, () => {
      let testApp: TestApp | undefined;
      beforeAll(async () => { testApp = await buildTestApp(dialect); });
      afterAll(async () => { await testApp?.close(); });
      body(() => {
        if (testApp === undefined) throw new Error('test app not built');
        return testApp;
      }, dialect);
    });
  }
}

let counter = 0;
/** A unique login for a test. */
export function uniqueLogin(prefix = 'writer'): string {
  counter += 1;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export const PASSWORD = 'lantern orchard biscuit';

let signUpAddress = 0;
/** An address of its own for each sign-up: an address may make only a few accounts an hour. */
function nextSignUpAddress(): string {
  signUpAddress += 1;
  return `10.${100 + Math.floor(signUpAddress / 65536) % 100}.${Math.floor(signUpAddress / 256) % 256}.${signUpAddress % 256}`;
}

/** Signs up an administrator (made one in the database) with two-factor sign-in on, as the admin pages require. */
export async function signUpAdmin(app: FastifyInstance, login = uniqueLogin('admin')): Promise<TestClient & { login: string }> {
  const client = await signUp(app, login);
  await app.db.updateTable('users').set({ is_admin: 1 }).where('login', '=', client.login).execute();
  await enableTwoFactor(client);
  return client;
}

/** Signs up a new account and returns a logged-in client; it ticks the terms box, asked for once an administrator publishes terms. */
export async function signUp(app: FastifyInstance, login = uniqueLogin(), ip = nextSignUpAddress()): Promise<TestClient & { login: string }> {
  const client = new TestClient(app, ip) as TestClient & { login: string };
  await client.get('/signup');
  const response = await client.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD, terms: '1' });
  if (response.statusCode !== 303) throw new Error(`sign-up failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
  client.login = login;
  await confirmAddress(client, `${login}@example.org`);
  return client;
}

/** The newest confirmation link sent to an address, as a path, or null when none was sent (the first account needs none). */
export async function confirmationPath(app: FastifyInstance, email: string): Promise<string | null> {
  const mail = await app.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).where('subject', 'like', '%Confirm your%')
    .orderBy('id', 'desc').executeTakeFirst();
  const match = mail === undefined ? null : /\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text_body);
  return match?.[0] ?? null;
}

/** Follows the confirmation link sent to an address, as its owner would: opens it and presses the button. */
export async function confirmAddress(client: TestClient, email: string): Promise<void> {
  const path = await confirmationPath(client.app, email);
  if (path === null) return;
  await client.get(path);
  const confirmed = await client.post(path);
  if (confirmed.statusCode !== 303) throw new Error(`confirming ${email} failed: ${confirmed.statusCode} ${confirmed.body.slice(0, 500)}`);
}

/** The fields of a valid new-work form, with overrides. */
export function workFields(overrides: Fields = {}): Fields {
  return {
    title: 'The Lighthouse Keeper’s Daughter', summary: 'Mara keeps the light — and a secret.', notes: '', endNotes: '',
    rating: 'General Audiences', warnings: 'No Archive Warnings Apply', categories: 'Gen', fandoms: 'Original Work',
    relationships: '', characters: 'Mara Quill, Tobias Fenn', freeforms: 'Fluff, Sea Stories', language: 'en',
    commentPermission: 'all', expectedChapters: '1', backdate: '', 'chapter.title': '',
    'chapter.text': 'The lamp had to be lit before the tide turned.\n\nMara climbed the stairs two at a time, counting them as her mother had taught her.',
    action: 'post', ...overrides,
  };
}

/** Posts a work through the form and returns its id. */
export async function postWork(client: TestClient, overrides: Fields = {}): Promise<number> {
  await client.get('/works/new');
  const response = await client.post('/works', workFields(overrides));
  return workIdFrom(response);
}

/** The work id in a redirect to /works/:id. */
export function workIdFrom(response: LightMyRequestResponse): number {
  const match = /^\/works\/(\d+)$/.exec(String(response.headers.location));
  if (response.statusCode !== 303 || !match?.[1]) throw new Error(`expected a redirect to a work, got ${response.statusCode} ${String(response.headers.location)} ${response.body.slice(0, 800)}`);
  return Number(match[1]);
}

/** Turns on two-factor sign-in for a logged-in client through the account pages; returns the app's key (base32). */
export async function enableTwoFactor(client: TestClient & { login: string }): Promise<string> {
  const base = `/users/${client.login}/account/two_factor`;
  await client.get(base);
  await client.post(`${base}/setup`);
  const page = await client.get(base);
  const secret = /class="totp-secret">([A-Z2-7 ]+)</.exec(page.body)?.[1]?.replace(/ /g, '');
  if (secret === undefined) throw new Error(`no key on the set-up page: ${page.body.slice(0, 300)}`);
  const { base32Decode, totp } = await import('../src/lib/totp.js');
  const key = base32Decode(secret);
  if (key === null) throw new Error('the key is not base32');
  const done = await client.post(`${base}/confirm`, { code: totp(key, Date.now() / 1000) });
  if (done.statusCode !== 200 || !done.body.includes('Your recovery codes')) throw new Error(`turning on two-factor sign-in failed: ${done.statusCode} ${done.body.slice(0, 500)}`);
  return secret;
}
