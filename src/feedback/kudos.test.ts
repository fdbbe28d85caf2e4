// Kudos through the pages and the API, on both databases: one per account, one per guest address,
// never on one's own work, only where the giver may read, with the line under the work.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, enableTwoFactor, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';
import { createApiToken } from '../accounts/session.service.js';
import * as m038 from '../db/migrations/038_kudos_counted.js';
import { KudosCounter } from './kudos-count.js';
import { insertKudos } from './kudos.repository.js';

async function workPage(client: TestClient, workId: number): Promise<Document> {
  return parsePage((await client.get(`/works/${workId}`)).body);
}

async function kudos(client: TestClient, workId: number) {
  await client.get(`/works/${workId}`);
  return client.post(`/works/${workId}/kudos`);
}

async function flashAfter(client: TestClient, workId: number): Promise<string | null> {
  const response = await kudos(client, workId);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  expect(response.headers.location).toBe(`/works/${workId}#kudos`);
  return textOf(parsePage((await client.get(`/works/${workId}`)).body), '.flash');
}

/** The work's kudos count as stored (its counter row). */
async function storedKudos(t: TestApp, workId: number): Promise<number> {
  const row = await t.database.db.selectFrom('work_counters').select('kudos').where('work_id', '=', workId).executeTakeFirstOrThrow();
  return row.kudos;
}

async function makeAdmin(t: TestApp, login: string): Promise<void> {
  await t.database.db.updateTable('users').set({ is_admin: 1 }).where('login', '=', login).execute();
}

async function setGuestKudos(admin: TestClient, on: boolean): Promise<void> {
  await admin.get('/admin/settings');
  expect((await admin.post('/admin/settings', on ? { guestKudos: '1' } : {})).statusCode).toBe(303);
}

describeEachDatabase('kudos', (ctx) => {
  it('a member leaves kudos once; the work counts it and names them', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    let page = await workPage(reader, workId);
    expect(page.querySelector('#feedback form#new_kudo button')?.textContent).toBe('Kudos ♥');
    expect(page.querySelector('#kudos p.kudos')).toBeNull();

    expect(await flashAfter(reader, workId)).toBe('Thank you for leaving kudos!');
    expect(await flashAfter(reader, workId)).toBe('You have already left kudos here. :)');
    page = await workPage(writer, workId);
    expect(textOf(page, 'dl.stats dd.kudos')).toBe('1');
    expect(textOf(page, '#kudos p.kudos')).toBe(`${reader.login} left kudos on this work!`);
    expect(page.querySelector('#kudos a')?.getAttribute('href')).toBe(`/users/${reader.login}`);
  });

  it('never on one’s own work: no button for its creator, and a forged press is refused', async () => {
    const writer = await signUp(ctx().app);
    const workId = await postWork(writer);
    expect((await workPage(writer, workId)).querySelector('form#new_kudo')).toBeNull();
    const refused = await kudos(writer, workId);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You can’t leave kudos on your own work.');
    expect(textOf(await workPage(writer, workId), 'dl.stats dd.kudos')).toBeNull();
  });

  it('guests leave one kudos per address, counted beside members', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const member = await signUp(t.app);
    const workId = await postWork(writer);
    const first = new TestClient(t.app, '203.0.113.7');
    expect((await workPage(first, workId)).querySelector('form#new_kudo')).not.toBeNull();
    expect(await flashAfter(first, workId)).toBe('Thank you for leaving kudos!');
    // Another browser at the same address is the same guest; another address is another guest.
    expect(await flashAfter(new TestClient(t.app, '203.0.113.7'), workId)).toBe('You have already left kudos here. :)');
    expect(await flashAfter(new TestClient(t.app, '198.51.100.23'), workId)).toBe('Thank you for leaving kudos!');
    expect(await flashAfter(member, workId)).toBe('Thank you for leaving kudos!');
    const page = await workPage(writer, workId);
    expect(textOf(page, 'dl.stats dd.kudos')).toBe('3');
    expect(textOf(page, '#kudos p.kudos')).toBe(`${member.login} and 2 guests left kudos on this work!`);
    // No address is stored, only a keyed hash of it.
    const keys = await t.database.db.selectFrom('kudos').select('guest_key').where('guest_key', 'is not', null).execute();
    expect(keys).toHaveLength(2);
    for (const { guest_key: key } of keys) expect(key).not.toContain('203.0.113.7');
  });

  it('an archive can keep kudos for members: guests lose the button, on cached pages too, and a forged press asks them to log in', async () => {
    const t = ctx();
    const admin = await signUp(t.app);
    await makeAdmin(t, admin.login);
    await enableTwoFactor(admin);
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guest = new TestClient(t.app, '192.0.2.44');
    expect((await workPage(guest, workId)).querySelector('form#new_kudo')).not.toBeNull();
    expect((await workPage(guest, workId)).querySelector('form#new_kudo')).not.toBeNull();
    await setGuestKudos(admin, false);
    expect((await workPage(guest, workId)).querySelector('form#new_kudo')).toBeNull();
    const refused = await kudos(guest, workId);
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('on this archive only registered users can');
    await setGuestKudos(admin, true);
    expect((await workPage(guest, workId)).querySelector('form#new_kudo')).not.toBeNull();
  });

  it('only on a work the giver may read: a draft is not found, a registered-users-only work asks a guest to log in', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const draft = await postWork(writer, { action: 'draft' });
    const locked = await postWork(writer, { restricted: '1' });
    const reader = await signUp(t.app);
    expect((await kudos(reader, draft)).statusCode).toBe(404);
    const guest = new TestClient(t.app, '192.0.2.45');
    await guest.get('/');
    // As everywhere a guest meets such a work: the log-in page that says why.
    const asked = await guest.post(`/works/${locked}/kudos`);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('This work is only available to registered users of the Archive.');
    expect((await kudos(reader, locked)).statusCode).toBe(303);
    expect((await kudos(reader, 999_999)).statusCode).toBe(404);
    const rows = await t.database.db.selectFrom('kudos').select('work_id').where('work_id', 'in', [draft, locked]).execute();
    expect(rows.map((r) => r.work_id)).toEqual([locked]);
  });

  it('a long list stops at 50 names and links to everyone who left kudos', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const logins: string[] = [];
    for (let i = 0; i < 53; i++) {
      const reader = await signUp(t.app);
      logins.push(reader.login);
      expect((await kudos(reader, workId)).statusCode).toBe(303);
    }
    const page = await workPage(writer, workId);
    const links = Array.from(page.querySelectorAll('#kudos p.kudos a'));
    expect(links).toHaveLength(51);
    expect(links[0]?.textContent).toBe(logins[52]);
    expect(links[50]?.textContent).toBe('3 more users');
    expect(links[50]?.getAttribute('href')).toBe(`/works/${workId}/kudos`);
    const all = parsePage((await writer.get(`/works/${workId}/kudos`)).body);
    expect(all.querySelectorAll('ul.kudos-givers li')).toHaveLength(53);
    expect(textOf(all, 'main p')).toBe('53 users and 0 guests left kudos on this work.');
  });

  it('the API leaves kudos with a token and lists who did, with the same rules', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const auth = (login: string) => createApiToken(t.database.db, login).then((token) => ({ authorization: `Bearer ${token}` }));
    const headers = await auth(reader.login);
    const left = await t.app.inject({ method: 'POST', url: `/api/v1/works/${workId}/kudos`, headers });
    expect(left.statusCode).toBe(201);
    expect(left.json()).toEqual({ kudos: { left: true, count: 1 } });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/works/${workId}/kudos`, headers });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ kudos: { left: false, count: 1 } });
    const own = await t.app.inject({ method: 'POST', url: `/api/v1/works/${workId}/kudos`, headers: await auth(writer.login) });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({ error: { code: 'forbidden', message: 'You can’t leave kudos on your own work.' } });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/works/${workId}/kudos` });
    expect(list.json()).toEqual({ users: [reader.login], members: 1, guests: 0, page: 1, pages: 1 });
    const work = await t.app.inject({ method: 'GET', url: `/api/v1/works/${workId}` });
    expect(work.json<{ stats: { kudos: number } }>().stats.kudos).toBe(1);
  });

  it('listings sort by kudos and search filters and sorts by them', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const word = `kudosword${Math.random().toString(36).slice(2, 8)}`;
    const ids: Record<string, number> = {};
    for (const title of ['Little Praise', 'Much Praise', 'No Praise']) ids[title] = await postWork(writer, { title, freeforms: word });
    const readers = [await signUp(t.app), await signUp(t.app)];
    for (const reader of readers) await kudos(reader, ids['Much Praise'] ?? 0);
    await kudos(new TestClient(t.app, '198.51.100.99'), ids['Little Praise'] ?? 0);
    const titles = async (url: string) => Array.from(parsePage((await writer.get(url)).body).querySelectorAll('li.work.blurb h4 a:first-child'), (a) => a.textContent);
    const tag = `/tags/${encodeURIComponent(word)}/works`;
    expect(await titles(`${tag}?work_search[sort_column]=kudos_count`)).toEqual(['Much Praise', 'Little Praise', 'No Praise']);
    expect(await titles(`${tag}?work_search[sort_column]=kudos_count&work_search[sort_direction]=asc`)).toEqual(['No Praise', 'Little Praise', 'Much Praise']);
    const search = (q: string) => `/works/search?work_search[query]=${encodeURIComponent(q)}`;
    expect(await titles(search(`${word} kudos>0 sort:kudos`))).toEqual(['Much Praise', 'Little Praise']);
    expect(await titles(search(`${word} kudos>=2`))).toEqual(['Much Praise']);
    expect(await titles(search(`${word} kudos:0`))).toEqual(['No Praise']);
  });

  it('counts every one of many kudos given at once', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guests = Array.from({ length: 80 }, (_, i) => new TestClient(t.app, `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}`));
    for (const guest of guests) await guest.get(`/works/${workId}`);
    const answers = await Promise.all(guests.map((guest) => guest.post(`/works/${workId}/kudos`)));
    expect(answers.map((a) => a.statusCode)).toEqual(guests.map(() => 303));
    expect(textOf(await workPage(writer, workId), 'dl.stats dd.kudos')).toBe('80');
    expect(await storedKudos(t, workId)).toBe(80);
  });

  it('counts a kudos its process stored but never counted (killed in between) once, when the sweep runs', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guests = Array.from({ length: 3 }, (_, i) => new TestClient(t.app, `198.19.7.${i + 1}`));
    for (const guest of guests) expect((await kudos(guest, workId)).statusCode).toBe(303);
    // Two kudos stored the way leaving kudos stores them, with no counting after: a process killed there.
    expect(await insertKudos(t.database.db, workId, { guestKey: 'left-by-a-killed-process-1' })).toBe(true);
    expect(await insertKudos(t.database.db, workId, { guestKey: 'left-by-a-killed-process-2' })).toBe(true);
    expect(textOf(await workPage(writer, workId), 'dl.stats dd.kudos')).toBe('3');
    await t.app.jobs.runOnce();
    expect(textOf(await workPage(writer, workId), 'dl.stats dd.kudos')).toBe('5');
    // Counted once: another sweep and another kudos add only what is new.
    await t.app.jobs.runOnce();
    expect((await kudos(new TestClient(t.app, '198.19.7.9'), workId)).statusCode).toBe(303);
    expect(textOf(await workPage(writer, workId), 'dl.stats dd.kudos')).toBe('6');
    const uncounted = await t.database.db.selectFrom('kudos').select('id').where('work_id', '=', workId).where('counted', '=', 0).execute();
    expect(uncounted).toEqual([]);
  });

  it('two app servers counting one work’s kudos at once count each kudos once', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    for (let i = 0; i < 60; i++) await insertKudos(t.database.db, workId, { guestKey: `racing-${i}` });
    // Two counters of one database, as two processes have; each counting is a transaction of its own on the pool.
    const one = new KudosCounter(t.database.db);
    const other = new KudosCounter(t.database.db);
    const counts = await Promise.all([one.settle(workId), other.settle(workId), one.settle(workId), other.settle(workId)]);
    // Whichever counted them, each answers a count that includes all sixty, and none is counted twice.
    expect(counts).toEqual([60, 60, 60, 60]);
    expect(await storedKudos(t, workId)).toBe(60);
  });

  it('the migration that marks kudos counted sets every work’s count from its rows once', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const short = await postWork(writer);
    const uncounted = await postWork(writer);
    for (const guest of ['198.19.8.1', '198.19.8.2']) expect((await kudos(new TestClient(t.app, guest), short)).statusCode).toBe(303);
    // What a crash before migration 038 could leave: a count one short, and a work whose only kudos never made its counter row.
    await t.database.db.updateTable('work_counters').set({ kudos: 1 }).where('work_id', '=', short).execute();
    await t.database.db.deleteFrom('work_counters').where('work_id', '=', uncounted).execute();
    await insertKudos(t.database.db, uncounted, { guestKey: 'before-038' });
    await m038.down(t.database.db);
    await m038.up(t.database.db);
    const rows = await t.database.db.selectFrom('work_counters').select(['work_id', 'kudos']).where('work_id', 'in', [short, uncounted]).orderBy('work_id').execute();
    expect(rows).toEqual([{ work_id: short, kudos: 2 }, { work_id: uncounted, kudos: 1 }]);
    const left = await t.database.db.selectFrom('kudos').select('id').where('work_id', 'in', [short, uncounted]).where('counted', '=', 0).execute();
    expect(left).toEqual([]);
  });
});
