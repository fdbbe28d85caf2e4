import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, signUp, uniqueLogin } from '../../test/helpers.js';
import { BACKOFF, waitAfter } from './login-backoff.js';

it('lets a day hold a few hundred guesses at one account, not tens of thousands', () => {
  const day = 24 * 60 * 60_000;
  let elapsed = 0;
  let guesses = 0;
  while (elapsed < day) {
    guesses += 1;
    elapsed += waitAfter(guesses, BACKOFF.freeForAccount);
  }
  expect(guesses).toBeGreaterThan(100);
  expect(guesses).toBeLessThan(400);
  // The waits double: 2 s after the fifth failure, 4 s after the sixth, then 8 s...
  expect([4, 5, 6, 7].map((n) => waitAfter(n, BACKOFF.freeForAccount))).toEqual([0, 2000, 4000, 8000]);
  expect(waitAfter(40, BACKOFF.freeForAccount)).toBe(5 * 60_000);
});

describeEachDatabase('log-in back-off', (ctx) => {
  const db = () => ctx().app.db;
  /** As if the current wait were over: the streak stays, the lock goes. */
  const waitOut = (key: string) => db().updateTable('login_failures').set({ locked_until_ms: 0 }).where('key', '=', key).execute();
  const accountKey = async (login: string) => `account:${(await db().selectFrom('users').select('id').where('login_key', '=', login.toLowerCase()).executeTakeFirstOrThrow()).id}`;

  it('doubles the wait with each failure past the free ones, and counts the login and the email as one account', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const key = await accountKey(login);
    for (let i = 0; i < 5; i++) {
      const guesser = new TestClient(ctx().app, `10.20.${i}.1`);
      const name = i % 2 === 0 ? login : `${login}@example.org`;
      expect((await guesser.post('/login', { login: name, password: `guess ${i}` })).statusCode).toBe(422);
    }
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await new TestClient(ctx().app, `10.21.${i}.1`).post('/login', { login, password: PASSWORD });
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      // Waiting it out and guessing wrong again doubles the next wait.
      await waitOut(key);
      expect((await new TestClient(ctx().app, `10.22.${i}.1`).post('/login', { login, password: 'wrong again' })).statusCode).toBe(422);
    }
    expect(waits).toEqual([2, 4, 8]);
    // Even the right password waits while the account is locked; once the wait is over, it logs in and ends the streak.
    await waitOut(key);
    const owner = new TestClient(ctx().app, '10.23.0.1');
    expect((await owner.post('/login', { login, password: PASSWORD })).statusCode).toBe(303);
    expect(await db().selectFrom('login_failures').select('failures').where('key', '=', key).executeTakeFirst()).toBeUndefined();
  });

  it('tells the owner by email once, when their account locks up, with a way to reset the password', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const key = await accountKey(login);
    for (let i = 0; i < BACKOFF.tellOwnerAt + 2; i++) {
      await waitOut(key);
      expect((await new TestClient(ctx().app, `10.30.${i}.1`).post('/login', { login, password: `guess ${i}` })).statusCode).toBe(422);
    }
    const mail = await db().selectFrom('mail_outbox').selectAll().where('to_address', '=', `${login}@example.org`).where('subject', 'like', '%slowed down%').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).toContain(`There have been ${BACKOFF.tellOwnerAt} failed attempts in a row`);
    expect(mail[0]?.text_body).toContain('http://archive.test/password/forgot');
  });

  it('keeps a guesser from clearing their address by logging in to their own account', async () => {
    const own = uniqueLogin();
    await signUp(ctx().app, own);
    const guesser = new TestClient(ctx().app, '10.40.0.1');
    for (let i = 0; i < BACKOFF.freeForAddress - 1; i++) await guesser.post('/login', { login: uniqueLogin(), password: 'guess' });
    expect((await guesser.post('/login', { login: own, password: PASSWORD })).statusCode).toBe(303);
    await guesser.post('/logout');
    expect((await guesser.post('/login', { login: uniqueLogin(), password: 'guess' })).statusCode).toBe(422);
    expect((await guesser.post('/login', { login: own, password: PASSWORD })).statusCode).toBe(429);
  });
});
