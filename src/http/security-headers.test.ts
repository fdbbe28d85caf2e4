// The headers every answer carries, and the cookies, on plain http and behind an https proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { buildTestApp, PASSWORD, postWork, signUp, uniqueLogin, type TestApp } from '../../test/helpers.js';

describe('on plain http (a local archive)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp('sqlite'); });
  afterAll(async () => { await t.close(); });

  it('turns off powerful browser features and keeps a window of its own, without promising https', async () => {
    const page = await new TestClient(t.app).get('/');
    expect(page.headers['permissions-policy']).toContain('camera=()');
    expect(page.headers['permissions-policy']).toContain('geolocation=()');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps cookie names unprefixed, since __Host- cookies need https', async () => {
    const client = await signUp(t.app);
    expect([...client.cookies.keys()]).toContain('bindery_session');
  });

  it('marks API answers that depend on who asks as private to that caller', async () => {
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const answer = await new TestClient(t.app).get(`/api/v1/works/${workId}/comments`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('private, no-cache');
    expect(answer.headers.vary).toContain('Authorization');
    expect(answer.headers.vary).toContain('Cookie');
    // An answer that is the same for everyone keeps its own caching.
    expect((await new TestClient(t.app).get('/api/v1/openapi.json')).headers['cache-control']).toBe('public, max-age=300');
  });
});

describe('behind an https proxy', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp('sqlite', { BASE_URL: 'https://archive.example', TRUST_PROXY: 'true' }); });
  afterAll(async () => { await t.close(); });

  it('tells browsers to use https only', async () => {
    const page = await new TestClient(t.app).get('/');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('names its cookies __Host-, Secure and for the whole site, and logs in and out with them', async () => {
    const login = uniqueLogin();
    const client = await signUp(t.app, login);
    await client.post('/logout');
    await client.get('/login');
    const form = await new TestClient(t.app).get('/login');
    const guestCookie = ([] as string[]).concat(form.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-bindery_guest='));
    expect(guestCookie).toMatch(/^__Host-bindery_guest=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const response = await client.post('/login', { login, password: PASSWORD });
    expect(response.statusCode).toBe(303);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('__Host-bindery_session='));
    expect(session).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(session).not.toContain('Domain=');
    expect((await client.get('/')).body).toContain('Log out');
    // An unprefixed cookie planted by someone else is not a session here.
    const planted = new TestClient(t.app);
    planted.cookies.set('bindery_session', client.cookies.get('__Host-bindery_session') ?? '');
    expect((await planted.get('/')).body).not.toContain('Log out');
  });
});
