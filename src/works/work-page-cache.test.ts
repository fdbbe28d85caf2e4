// Guests' cached work pages must never outlive a change: edits, locking, drafts, deletion.
import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, postWork, signUp, workFields } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';
import { bumpCounters } from './work-counter.service.js';

describeEachDatabase('guest page cache', (ctx) => {
  it('serves the same bytes again, and the new text right after an edit', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'First Light' });
    const guest = new TestClient(ctx().app);
    const first = await guest.get(`/works/${id}`);
    const second = await guest.get(`/works/${id}`);
    expect(second.body).toBe(first.body);
    expect(second.headers['set-cookie']).toBeUndefined();
    await writer.post(`/works/${id}`, workFields({ title: 'Second Light' }));
    const after = await guest.get(`/works/${id}`);
    expect(after.body).toContain('Second Light');
    expect(after.body).not.toContain('First Light');
  });

  it('stops serving a cached page once the work is locked, unposted or deleted', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Soon Locked' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('Soon Locked');
    expect((await guest.get(`/works/${id}`)).body).toContain('Soon Locked');
    await writer.post(`/works/${id}`, workFields({ title: 'Soon Locked', restricted: '1' }));
    const locked = await guest.get(`/works/${id}`);
    expect(locked.body).toContain('only available to registered users');
    expect(locked.body).not.toContain('The lamp had to be lit');
    await writer.post(`/works/${id}`, workFields({ title: 'Soon Locked' }));
    expect((await guest.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    await writer.post(`/works/${id}/delete`);
    expect((await guest.get(`/works/${id}`)).statusCode).toBe(404);
  });

  it('never gives a logged-in reader the guest page, and keeps the adult notice per visitor', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { rating: 'Explicit' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('could have adult content');
    await guest.get(`/works/${id}?view_adult=true`);
    expect((await guest.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    expect((await new TestClient(ctx().app).get(`/works/${id}`)).body).toContain('could have adult content');
    const reader = await signUp(ctx().app);
    expect((await reader.get(`/works/${id}?view_adult=true`)).body).toContain('Log out');
  });

  it('notices a change made by another app server within a second', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Shared Database' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('Shared Database');
    // Another server's edit: the row changes, and this process hears nothing of it.
    await sql`update works set title = 'Changed Elsewhere', content_version = content_version + 1 where id = ${id}`.execute(ctx().database.db);
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start + 1500);
    try {
      expect((await guest.get(`/works/${id}`)).body).toContain('Changed Elsewhere');
    } finally {
      clock.mockRestore();
    }
  });
});

/** The form token in a page, and the guest cookie a response set. */
function tokenOf(body: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
}
function guestCookieOf(response: { cookies: Array<{ name: string; value: string }> }): string {
  return response.cookies.find((c) => c.name === 'bindery_guest')?.value ?? '';
}

describeEachDatabase('guest page cache and visitors', (ctx) => {
  it('gives two guests on one cached page their own form tokens, each good only with its own cookie', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'Two Guests at the Door' });
    const stored = app.workPages.counts.stored;
    const hits = app.workPages.counts.hits;
    const first = await app.inject({ url: `/works/${id}`, remoteAddress: '10.9.0.1' });
    const second = await app.inject({ url: `/works/${id}`, remoteAddress: '10.9.0.2' });
    expect(app.workPages.counts.stored).toBe(stored + 1);
    expect(app.workPages.counts.hits).toBe(hits + 1);
    const [cookieA, cookieB] = [guestCookieOf(first), guestCookieOf(second)];
    const [tokenA, tokenB] = [tokenOf(first.body), tokenOf(second.body)];
    expect(cookieA).not.toBe('');
    expect(cookieB).not.toBe(cookieA);
    expect(tokenA).not.toBe('');
    expect(tokenB).not.toBe(tokenA);
    expect(second.body.replaceAll(tokenB, 'TOKEN')).toBe(first.body.replaceAll(tokenA, 'TOKEN'));
    expect(first.body).not.toContain('bindery-slot-');
    // Guest A comes back with its cookie: the same token, no new cookie.
    const again = await app.inject({ url: `/works/${id}`, remoteAddress: '10.9.0.1', headers: { cookie: `bindery_guest=${cookieA}` } });
    expect(tokenOf(again.body)).toBe(tokenA);
    expect(again.headers['set-cookie']).toBeUndefined();
    const logIn = (cookie: string, token: string) => app.inject({
      method: 'POST', url: '/login', remoteAddress: '10.9.0.3', headers: { cookie: `bindery_guest=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, login: writer.login, password: 'not the password', return_to: `/works/${id}` }).toString(),
    });
    expect((await logIn(cookieA, tokenA)).statusCode).toBe(422);
    expect((await logIn(cookieB, tokenB)).statusCode).toBe(422);
    const crossed = await logIn(cookieB, tokenA);
    expect(crossed.statusCode).toBe(403);
    expect(crossed.body).toContain('This form has expired');
  });

  it('logs a guest in from the header of a cached page and brings them back to it', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'Back Where I Was' });
    await new TestClient(app).get(`/works/${id}`);
    const guest = new TestClient(app, '10.9.0.4');
    const page = await guest.get(`/works/${id}`);
    expect(page.body).toContain('<summary>Log in</summary>');
    const response = await guest.post('/login', { login: writer.login, password: PASSWORD, return_to: `/works/${id}` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/works/${id}`);
    expect((await guest.get(`/works/${id}`)).body).toContain('Log out');
  });

  it('shows a counter\'s new figure on a cached page within a second, without rendering the page again', async () => {
    const { app, database } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'Counted Quietly' });
    const guest = new TestClient(app);
    expect((await guest.get(`/works/${id}`)).body).not.toContain('<dt class="kudos">');
    const stored = app.workPages.counts.stored;
    await bumpCounters(database.db, id, { kudos: 3, hits: 12 });
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 1500);
    let body: string;
    try {
      body = (await guest.get(`/works/${id}`)).body;
    } finally {
      clock.mockRestore();
    }
    const page = parsePage(body);
    expect(page.querySelector('dl.stats dd.kudos')?.textContent).toBe('3');
    expect(page.querySelector('dl.stats dd.hits')?.textContent).toBe('12');
    expect(page.querySelector('dl.stats dd.comments')).toBeNull();
    expect(app.workPages.counts.stored).toBe(stored);
  });
});

describeEachDatabase('guest page cache over real sockets', (ctx) => {
  it('gives forty guests reading at once each their own token, the page whole', async () => {
    const { app } = ctx();
    const id = await postWork(await signUp(app), { title: 'Forty at the Door' });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${origin}/works/${id}`;
    const cookies: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(url);
      await response.text();
      cookies.push(response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').join('; '));
    }
    const tokens = new Map<string, Set<string>>();
    for (let round = 0; round < 5; round++) {
      await Promise.all(cookies.map(async (cookie) => {
        const body = await (await fetch(url, { headers: { cookie } })).text();
        expect(body).toContain('Forty at the Door');
        expect(body.trimEnd().endsWith('</html>')).toBe(true);
        tokens.set(cookie, (tokens.get(cookie) ?? new Set()).add(tokenOf(body)));
      }));
    }
    expect([...tokens.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set([...tokens.values()].flatMap((set) => [...set])).size).toBe(40);
  });
});
