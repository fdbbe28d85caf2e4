import { expect, it } from 'vitest';
import { createApiToken } from '../accounts/session.service.js';
import { describeEachDatabase, signUp } from '../../test/helpers.js';

describeEachDatabase('how writes are authorized', (ctx) => {
  it('refuses every API write that carries a login cookie but no bearer token, before reading its body', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const cookie = [...writer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const writes = app.routeTable.filter((r) => r.url.startsWith('/api/') && !['GET', 'OPTIONS'].includes(r.method));
    expect(writes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/works');
    for (const route of writes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1');
      const response = await app.inject({ method: route.method as 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: '{"not json' });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      const { error } = response.json<{ error: { code: string; message: string } }>();
      expect(error.code, `${route.method} ${route.url}`).toBe('unauthorized');
      expect(error.message).toContain('Authorization: Bearer');
    }
  });

  it('accepts the same write with the writer\'s token', async () => {
    const { app, database } = ctx();
    const writer = await signUp(app);
    const token = await createApiToken(database.db, writer.login);
    const response = await app.inject({ method: 'POST', url: '/api/v1/works', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('bad_request');
  });

  it('refuses a form post without this visitor\'s CSRF token, whoever is logged in', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const stranger = await signUp(app);
    await stranger.get('/works/new');
    const stolen = /name="_csrf" value="([^"]+)"/.exec((await stranger.get('/works/new')).body)?.[1] ?? '';
    const cookie = [...writer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const works = async () => (await app.inject({ url: `/users/${writer.login}/works` , headers: { cookie } })).body;
    for (const payload of ['title=Nobody%20Asked', `_csrf=${encodeURIComponent(stolen)}&title=Nobody%20Asked`]) {
      // The work form comes back with what was typed (a kept form); another form answers the error page.
      const kept = await app.inject({ method: 'POST', url: '/works', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
      expect(kept.statusCode).toBe(403);
      expect(kept.body).toContain('This form had expired, so this was not saved yet.');
      const plain = await app.inject({ method: 'POST', url: '/logout', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
      expect(plain.statusCode).toBe(403);
      expect(plain.body).toContain('This form has expired');
    }
    expect(await works()).not.toContain('Nobody Asked');
    expect(await works()).toContain('Log out');
  });
});
