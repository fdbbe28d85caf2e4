// Two-factor sign-in through the pages: setting it up, logging in with a code or a recovery
// code (each good once), and administrators, who must use it.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { buildTestApp, describeEachDatabase, enableTwoFactor, PASSWORD, signUp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';
import { base32Decode, totp } from '../lib/totp.js';

function codeAt(secret: string, offsetSteps = 0): string {
  const key = base32Decode(secret);
  if (key === null) throw new Error('bad key');
  return totp(key, Date.now() / 1000 + offsetSteps * 30);
}

describeEachDatabase('two-factor sign-in', (ctx) => {
  it('is set up with a QR code or a typed key, confirmed by a code from the app, and gives ten recovery codes once', async () => {
    await signUp(ctx().app);
    const member = await signUp(ctx().app);
    const base = `/users/${member.login}/account/two_factor`;
    expect((await member.get(`/users/${member.login}/account`)).body).toContain('Set up two-factor sign-in');
    await member.get(base);
    expect((await member.post(`${base}/setup`)).statusCode).toBe(303);
    const page = await member.get(base);
    expect(page.headers['cache-control']).toBe('no-store');
    const doc = parsePage(page.body);
    expect(doc.querySelector('img.qr-code')?.getAttribute('src') ?? '').toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (textOf(doc, '.totp-secret') ?? '').replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await member.post(`${base}/confirm`, { code: '000000' === codeAt(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(textOf(parsePage(wrong.body), '#field-code-error')).toContain('does not match');
    const done = await member.post(`${base}/confirm`, { code: codeAt(secret) });
    expect(done.statusCode).toBe(200);
    const codes = parsePage(done.body).querySelectorAll('.recovery-codes code');
    expect(codes).toHaveLength(10);
    expect(codes[0]?.textContent ?? '').toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect((await member.get(base)).body).toContain('You have 10 of 10 recovery codes left');
  });

  it('asks for a code after the password, logs in only with a right one, and takes each code once', async () => {
    const member = await signUp(ctx().app);
    const secret = await enableTwoFactor(member);
    const device = new TestClient(ctx().app, '10.70.0.1');
    await device.get('/login');
    const password = await device.post('/login', { login: member.login, password: PASSWORD, return_to: '/works' });
    expect(password.statusCode).toBe(303);
    expect(password.headers.location).toBe('/login/two_factor');
    // Not logged in yet.
    expect((await device.get('/')).body).not.toContain('Log out');
    const form = await device.get('/login/two_factor');
    expect(form.body).toContain('Code from your authenticator app');
    const wrong = await device.post('/login/two_factor', { code: codeAt(secret, 5) });
    expect(wrong.statusCode).toBe(422);
    expect(textOf(parsePage(wrong.body), '#field-code-error')).toContain('does not match');
    const code = codeAt(secret, 1);
    const right = await device.post('/login/two_factor', { code });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/works');
    expect((await device.get('/')).body).toContain('Log out');
    // The same code again, on another device: refused.
    const thief = new TestClient(ctx().app, '10.70.0.2');
    await thief.post('/login', { login: member.login, password: PASSWORD });
    expect((await thief.post('/login/two_factor', { code })).statusCode).toBe(422);
    expect((await thief.get('/')).body).not.toContain('Log out');
  });

  it('takes a recovery code once in place of the app', async () => {
    const member = await signUp(ctx().app);
    await enableTwoFactor(member);
    const base = `/users/${member.login}/account/two_factor`;
    const fresh = await member.post(`${base}/recovery_codes`, { password: PASSWORD });
    const recovery = parsePage(fresh.body).querySelector('.recovery-codes code')?.textContent ?? '';
    const device = new TestClient(ctx().app, '10.71.0.1');
    await device.post('/login', { login: member.login, password: PASSWORD });
    expect((await device.post('/login/two_factor', { code: recovery.toUpperCase() })).statusCode).toBe(303);
    const again = new TestClient(ctx().app, '10.71.0.2');
    await again.post('/login', { login: member.login, password: PASSWORD });
    expect((await again.post('/login/two_factor', { code: recovery })).statusCode).toBe(422);
    expect((await member.get(base)).body).toContain('You have 9 of 10 recovery codes left');
  });

  it('is turned off with the password and a code, by members but not by administrators', async () => {
    const member = await signUp(ctx().app);
    const secret = await enableTwoFactor(member);
    const base = `/users/${member.login}/account/two_factor`;
    const wrong = await member.post(`${base}/disable`, { disablePassword: 'nope', disableCode: codeAt(secret, 1) });
    expect(wrong.statusCode).toBe(422);
    expect(textOf(parsePage(wrong.body), '#field-disablePassword-error')).toBe('That is not your current password.');
    expect((await member.post(`${base}/disable`, { disablePassword: PASSWORD, disableCode: codeAt(secret, 1) })).statusCode).toBe(303);
    const device = new TestClient(ctx().app, '10.72.0.1');
    expect((await device.post('/login', { login: member.login, password: PASSWORD })).headers.location).toBe('/');
  });
});

it('keeps the admin pages closed to an administrator until two-factor sign-in is on', async () => {
  const t = await buildTestApp('sqlite');
  try {
    const admin = await signUp(t.app);
    const closed = await admin.get('/admin');
    expect(closed.statusCode).toBe(403);
    expect(closed.body).toContain('Administrators must sign in with two factors');
    await enableTwoFactor(admin);
    expect((await admin.get('/admin')).statusCode).toBe(200);
    const page = await admin.get(`/users/${admin.login}/account/two_factor`);
    expect(page.body).not.toContain('Turn off two-factor sign-in');
  } finally {
    await t.close();
  }
});
