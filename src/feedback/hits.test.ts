// Hits, on both databases: one per visitor per work per day, not the work's creators, not robots,
// written off the reading path in batches that agree with the database across restarts.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';
import { HitCounter } from './hit-counter.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chromium/120.0';

describeEachDatabase('hits', (ctx) => {
  it('counts each visitor once a day, not the creators nor robots, and writes them off the reading path', async () => {
    const t = ctx();
    // The counter writes every two seconds on its own; here it writes only when told.
    await t.app.hits.stop();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const read = (client: TestClient, userAgent = BROWSER) => client.get(`/works/${workId}`, { 'user-agent': userAgent });
    const guests = [new TestClient(t.app, '192.0.2.10'), new TestClient(t.app, '192.0.2.11')];
    for (const guest of guests) {
      await read(guest);
      await read(guest);
      await read(guest);
    }
    await read(reader);
    await read(reader);
    await read(writer);
    await read(new TestClient(t.app, '192.0.2.12'), 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await read(new TestClient(t.app, '192.0.2.13'), 'curl/8.5.0');
    // Nothing is written while reading.
    expect(textOf(parsePage((await writer.get(`/works/${workId}`)).body), 'dl.stats dd.hits')).toBeNull();
    expect(await t.app.hits.flush()).toBe(3);
    expect(textOf(parsePage((await writer.get(`/works/${workId}`)).body), 'dl.stats dd.hits')).toBe('3');
    // Another process (or this one after a restart) does not count them again.
    const restarted = new HitCounter(t.database.db);
    const readerId = (await t.database.db.selectFrom('users').select('id').where('login', '=', reader.login).executeTakeFirstOrThrow()).id;
    restarted.record({ workId, userId: null, address: '192.0.2.10', userAgent: BROWSER, isCreator: false });
    restarted.record({ workId, userId: readerId, address: '203.0.113.99', userAgent: BROWSER, isCreator: false });
    restarted.record({ workId, userId: null, address: '192.0.2.77', userAgent: BROWSER, isCreator: false });
    expect(await restarted.flush()).toBe(1);
    const days = await t.database.db.selectFrom('work_hit_days').select(['day', 'hits']).where('work_id', '=', workId).execute();
    expect(days).toEqual([{ day: new Date().toISOString().slice(0, 10), hits: 4 }]);
    // Listings sort by hits, and search filters by them.
    const other = await postWork(writer, { title: 'Seldom Read' });
    const ids = (url: string) => writer.get(url).then((r) => Array.from(parsePage(r.body).querySelectorAll('li.work.blurb'), (li) => Number(li.id.replace('work_', ''))));
    expect((await ids(`/users/${writer.login}/works?work_search[sort_column]=hits`)).slice(0, 2)).toEqual([workId, other]);
    expect(await ids(`/works/search?work_search[query]=${encodeURIComponent(`hits>=4 creator:${writer.login}`)}`)).toEqual([workId]);
  });

  it('counts a visitor again on another day', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    let now = new Date('2026-03-01T23:59:00Z');
    const counter = new HitCounter(t.database.db, () => now);
    const visit = { workId, userId: null, address: '192.0.2.20', userAgent: BROWSER, isCreator: false };
    counter.record(visit);
    counter.record(visit);
    now = new Date('2026-03-02T00:01:00Z');
    counter.record(visit);
    expect(await counter.flush()).toBe(2);
    const days = await t.database.db.selectFrom('work_hit_days').select(['day', 'hits']).where('work_id', '=', workId).orderBy('day').execute();
    expect(days).toEqual([{ day: '2026-03-01', hits: 1 }, { day: '2026-03-02', hits: 1 }]);
  });
});
