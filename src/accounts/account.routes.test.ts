import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, signUp, uniqueLogin } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';

describeEachDatabase('accounts', (ctx) => {
  it('makes the first account an admin and logs it in', async () => {
    const client = await signUp(ctx().app, 'firstadmin');
    const home = await client.get('/');
    expect(home.body).toContain('Log out');
    expect(home.body).toContain('first administrator');
    const second = await signUp(ctx().app);
    expect((await second.get('/')).body).not.toContain('first administrator');
  });

  it('re-renders the sign-up form with what was typed and a message beside each field', async () => {
    const client = new TestClient(ctx().app);
    await client.get('/signup');
    const response = await client.post('/signup', { login: '_bad login', email: 'kim@example', password: 'password', passwordConfirmation: 'other' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="_bad login"');
    expect(response.body).toContain('value="kim@example"');
    expect(response.body).toContain('Use only letters, digits and underscores');
    expect(response.body).toContain('Enter a valid email address');
    expect(response.body).toContain('most commonly used');
    expect(response.body).toContain('do not match');
    expect(response.body).not.toContain('value="password"');
  });

  it('refuses a taken login, case-insensitively, and passwords outside 8 to 256 characters', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const client = new TestClient(ctx().app);
    await client.get('/signup');
    const taken = await client.post('/signup', { login: login.toUpperCase(), email: 'x@example.org', password: PASSWORD, passwordConfirmation: PASSWORD });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('already taken');
    const short = await client.post('/signup', { login: uniqueLogin(), email: 'y@example.org', password: 'a7#kQ', passwordConfirmation: 'a7#kQ' });
    expect(short.body).toContain('at least 8 characters');
    const long = 'x'.repeat(257);
    const tooLong = await client.post('/signup', { login: uniqueLogin(), email: 'z@example.org', password: long, passwordConfirmation: long });
    expect(tooLong.body).toContain('at most 256 characters');
    const ok64 = 'correct horse battery staple '.repeat(3).slice(0, 64);
    const accepted = await client.post('/signup', { login: uniqueLogin(), email: 'w@example.org', password: ok64, passwordConfirmation: ok64 });
    expect(accepted.statusCode).toBe(303);
  });

  it('logs in with a new session id, remembers when asked, and logs out on the server', async () => {
    const login = uniqueLogin();
    const first = await signUp(ctx().app, login);
    const signUpSession = first.cookies.get('bindery_session');
    const client = new TestClient(ctx().app, '10.1.1.1');
    await client.get('/login');
    const response = await client.post('/login', { login, password: PASSWORD, remember_me: '1', return_to: '/works' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/works');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/bindery_session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/);
    const session = client.cookies.get('bindery_session');
    expect(session).toBeDefined();
    expect(session).not.toBe(signUpSession);
    expect((await client.get('/')).body).toContain('Log out');

    await client.post('/logout');
    expect((await client.get('/')).body).toContain('Log in');
    const stolen = new TestClient(ctx().app);
    stolen.cookies.set('bindery_session', session ?? '');
    expect((await stolen.get('/')).body).not.toContain('Log out');
  });

  it('answers a wrong password with the form again, and never redirects off-site', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const client = new TestClient(ctx().app, '10.2.2.2');
    await client.get('/login');
    const wrong = await client.post('/login', { login, password: 'not the password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('do not match an account');
    expect(wrong.body).toContain(`value="${login}"`);
    const offsite = await client.post('/login', { login: `${login}@example.org`, password: PASSWORD, return_to: '//evil.example/' });
    expect(offsite.statusCode).toBe(303);
    expect(offsite.headers.location).toBe('/');
  });

  it('makes an account wait after 5 failed log-ins in a row, from any address, with Retry-After and a readable page', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      const client = new TestClient(ctx().app, `10.3.3.${i}`);
      last = await client.post('/login', { login, password: 'wrong guess' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['content-type']).toContain('text/html');
    expect(last?.body).toMatch(/Too many failed log-ins\. Please wait \d+ seconds? and try again, or reset your password\./);
  });

  it('keeps the log-in form, what was typed and where to go back to when it throttles', async () => {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const client = new TestClient(ctx().app, '10.5.5.5');
    let last;
    for (let i = 0; i < 6; i++) last = await client.post('/login', { login, password: 'wrong guess', remember_me: '1', return_to: '/works/42?view_full_work=true' });
    expect(last?.statusCode).toBe(429);
    const page = parsePage(last?.body ?? '');
    expect(page.querySelector('main form[action="/login"] input[name="login"]')?.getAttribute('value')).toBe(login);
    expect(page.querySelector('main form[action="/login"] input[name="return_to"]')?.getAttribute('value')).toBe('/works/42?view_full_work=true');
    expect(page.querySelector('main form[action="/login"] input[name="remember_me"]')?.hasAttribute('checked')).toBe(true);
    expect(page.querySelector('.field-error')?.textContent).toMatch(/Please wait \d+ seconds? and try again/);
  });

  it('makes an address wait after 20 failed log-ins in a row, whatever names it tries', async () => {
    const client = new TestClient(ctx().app, '10.4.4.4');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await client.post('/login', { login: uniqueLogin(), password: 'whatever' })).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 422)).toBe(true);
    expect(statuses.slice(-1)).toEqual([429]);
  });

  it('refuses a form without a valid CSRF token', async () => {
    const client = new TestClient(ctx().app);
    await client.get('/signup');
    const missing = await client.post('/signup', { login: uniqueLogin(), email: 'a@example.org', password: PASSWORD, passwordConfirmation: PASSWORD }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('did not come from this site');
    const forged = await client.post('/signup', { _csrf: 'forged', login: uniqueLogin(), email: 'b@example.org', password: PASSWORD, passwordConfirmation: PASSWORD }, { csrf: false });
    expect(forged.statusCode).toBe(403);
  });

  it('refuses form bodies that are not valid UTF-8', async () => {
    const client = new TestClient(ctx().app);
    await client.get('/signup');
    const response = await client.postRaw('/signup', Buffer.from('login=caf%E9&email=a%40b.org'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('not valid UTF-8');
  });
});

describeEachDatabase('where a log-in returns to', (ctx) => {
  async function logInReturningTo(returnTo: string) {
    const login = uniqueLogin();
    await signUp(ctx().app, login);
    const client = new TestClient(ctx().app, '10.6.6.6');
    await client.get('/login');
    return client.post('/login', { login, password: PASSWORD, return_to: returnTo });
  }

  it.each([
    ['a tab that browsers drop', '/\t/evil.example/'],
    ['a line break', '/\n/evil.example/'],
    ['a backslash', '/\\evil.example/'],
    ['a scheme-relative address', '//evil.example/'],
    ['another site', 'https://evil.example/'],
  ])('goes home, not off-site, for %s', async (_name, returnTo) => {
    const response = await logInReturningTo(returnTo);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
  });

  it('keeps a path with letters past ASCII, percent-encoded, instead of failing after the log-in', async () => {
    const response = await logInReturningTo('/tags/Café Ŧ/works?page=2');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/tags/Caf%C3%A9%20%C5%A6/works?page=2');
  });
});
