// Heavy work is bounded and reading is not held up by it (issue 14, decision 046): with one place
// and one queue place, a search, an entire long work and a download build are answered 503 with
// Retry-After at once when both are taken, while a cached work page still answers; on SQLite the
// searches read in threads of their own, so even a slow query leaves the event loop free.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestViewer } from '../access/viewer.js';
import { searchWorks } from '../search/search.service.js';
import { buildTestApp, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { TestClient } from '../../test/client.js';
import { DIALECTS } from '../../test/databases.js';

const QUEUE_MS = 1500;
const ENV = { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '1', HEAVY_QUEUE_MS: String(QUEUE_MS), SQLITE_READERS: '2' };

/** A piece of heavy work that holds its place until released. */
function holdPlace(t: TestApp): { release: () => void; done: Promise<void> } {
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  return { release, done: t.app.heavyGate.run(() => held) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

/** The search page's address for a query, as its form sends it. */
function searchPage(query: string): string {
  return `/works/search?work_search[query]=${encodeURIComponent(query)}`;
}

/** Times a request. */
async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await request();
  return { answer, ms: performance.now() - started };
}

/** A chapter of about 23,000 words: past the size at which the entire work is heavy work. */
const LONG_TEXT = Array.from({ length: 600 }, (_, i) => `Paragraph ${i + 1}: the tide came in over the harbour wall and the keepers counted every boat that made it home before the lamp went dark for the night, one by one, slowly, without a word between them.`).join('\n\n');

/** A chapter near the longest allowed (510,000 characters), about 85,000 words, no two paragraphs alike. */
const NIGHT_TEXT = Array.from({ length: 2300 }, (_, i) => `Watch ${i + 1} of the longest night: ${['the keeper', 'her brother', 'the ferryman', 'a stranger'][i % 4]} climbed ${i % 7 + 2} flights to trim the wick, counted ${i * 13 % 97} ships beyond the shoal and wrote each one into the ledger by hand.`).join('\n\n');

for (const dialect of DIALECTS) {
  describe(`heavy work under load [${dialect}]`, () => {
    let t: TestApp;
    let shortWork: number;
    let longWork: number;

    beforeAll(async () => {
      t = await buildTestApp(dialect, ENV);
      const writer = await signUp(t.app);
      shortWork = await postWork(writer, { title: 'Lamplight Over the Harbour' });
      longWork = await postWork(writer, { title: 'The Long Tide', 'chapter.text': LONG_TEXT });
    });
    afterAll(async () => { await t.close(); });

    it('answers a search at once with 503 and Retry-After when every place and the queue are taken, and runs the queued one when a place frees', async () => {
      const guest = new TestClient(t.app);
      const hold = holdPlace(t);
      const queued = guest.get(searchPage('lamplight'));
      await until(() => t.app.heavyGate.load.waiting === 1);
      try {
        const page = await timed(() => guest.get(searchPage('harbour')));
        expect(page.answer.statusCode).toBe(503);
        expect(page.answer.headers['retry-after']).toBe('2');
        expect(page.answer.body).toContain('Please try again in a few seconds');
        // Answered at once, not after waiting its turn in the queue.
        expect(page.ms).toBeLessThan(QUEUE_MS / 2);
        const api = await t.app.inject({ url: '/api/v1/search?q=harbour' });
        expect(api.statusCode).toBe(503);
        expect(api.headers['retry-after']).toBe('2');
        expect(api.json()).toMatchObject({ error: { code: 'service_busy' } });
      } finally {
        hold.release();
        await hold.done;
      }
      const answered = await queued;
      expect(answered.statusCode).toBe(200);
      expect(answered.body).toContain('Lamplight Over the Harbour');
      expect(t.app.heavyGate.load).toEqual({ running: 0, waiting: 0 });
    });

    it('answers a queued search 503 once it has waited HEAVY_QUEUE_MS without a place', async () => {
      const hold = holdPlace(t);
      try {
        const { answer, ms } = await timed(() => new TestClient(t.app).get(searchPage('lamplight')));
        expect(answer.statusCode).toBe(503);
        expect(ms).toBeGreaterThanOrEqual(QUEUE_MS - 50);
        expect(ms).toBeLessThan(QUEUE_MS * 3);
      } finally {
        hold.release();
        await hold.done;
      }
      expect(t.app.heavyGate.load).toEqual({ running: 0, waiting: 0 });
    });

    it('answers a guest\'s cached work page while every heavy place is taken', async () => {
      const guest = new TestClient(t.app);
      expect((await guest.get(`/works/${shortWork}`)).statusCode).toBe(200);
      const hold = holdPlace(t);
      const queued = guest.get(searchPage('harbour'));
      await until(() => t.app.heavyGate.load.waiting === 1);
      try {
        const hits = t.app.workPages.counts.hits;
        const { answer, ms } = await timed(() => guest.get(`/works/${shortWork}`));
        expect(answer.statusCode).toBe(200);
        expect(answer.body).toContain('Lamplight Over the Harbour');
        expect(t.app.workPages.counts.hits).toBe(hits + 1);
        expect(ms).toBeLessThan(QUEUE_MS / 2);
      } finally {
        hold.release();
        await hold.done;
        await queued;
      }
    });

    it('counts an entire long work as heavy work, an entire short one not, and serves a guest\'s kept copy of either without a place', async () => {
      const reader = await signUp(t.app);
      const guest = new TestClient(t.app);
      const hold = holdPlace(t);
      try {
        expect((await reader.get(`/works/${shortWork}?view_full_work=true`)).statusCode).toBe(200);
        const long = await reader.get(`/works/${longWork}?view_full_work=true`);
        expect(long.statusCode).toBe(503);
        expect(long.headers['retry-after']).toBe('2');
        // One chapter of the same work is ordinary reading.
        expect((await reader.get(`/works/${longWork}`)).statusCode).toBe(200);
        expect((await guest.get(`/works/${longWork}?view_full_work=true`)).statusCode).toBe(503);
      } finally {
        hold.release();
        await hold.done;
      }
      const whole = await guest.get(`/works/${longWork}?view_full_work=true`);
      expect(whole.statusCode).toBe(200);
      expect(whole.body).toContain('Paragraph 600: the tide came in');
      const again = holdPlace(t);
      try {
        expect((await guest.get(`/works/${longWork}?view_full_work=true`)).statusCode).toBe(200);
        expect((await reader.get(`/works/${longWork}?view_full_work=true`)).statusCode).toBe(503);
      } finally {
        again.release();
        await again.done;
      }
      const member = await reader.get(`/works/${longWork}?view_full_work=true`);
      expect(member.statusCode).toBe(200);
      expect(member.body).toContain('Paragraph 600: the tide came in');
    });

    it('builds a download only with a place, and sends a file already built without one', async () => {
      const guest = new TestClient(t.app);
      const path = `/downloads/${shortWork}/Lamplight_Over_the_Harbour.epub`;
      const hold = holdPlace(t);
      try {
        const refused = await guest.get(path);
        expect(refused.statusCode).toBe(503);
        expect(refused.headers['retry-after']).toBe('2');
      } finally {
        hold.release();
        await hold.done;
      }
      const built = await guest.get(path);
      expect(built.statusCode).toBe(200);
      expect(built.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const again = holdPlace(t);
      try {
        const kept = await guest.get(path);
        expect(kept.statusCode).toBe(200);
        expect(kept.rawPayload.equals(built.rawPayload)).toBe(true);
      } finally {
        again.release();
        await again.done;
      }
    });

    it('finds the same works through the reader as on the main connection', async () => {
      if (dialect === 'sqlite') expect(t.app.readDb).not.toBe(t.app.db);
      for (const query of ['harbour', '"the tide came in"', 'lamp*', 'title:lamplight', 'harbour -tide']) {
        const wants = { passages: true, marks: true };
        const [main, read] = await Promise.all([searchWorks(t.app.db, guestViewer(), query, 1, wants), searchWorks(t.app.readDb, guestViewer(), query, 1, wants)]);
        expect(read.page.items.map((w) => w.id)).toEqual(main.page.items.map((w) => w.id));
        expect(read.page.total).toBe(main.page.total);
        expect([...read.snippets]).toEqual([...main.snippets]);
        // The API's search runs whole in a search thread on SQLite, in process on PostgreSQL.
        const api = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(query)}` });
        expect(api.json<{ works: Array<{ id: number }> }>().works.map((w) => w.id)).toEqual(main.page.items.map((w) => w.id));
      }
      // A feed's search reads the works alone: no passage is cut for it.
      const plain = await searchWorks(t.app.readDb, guestViewer(), '"the tide came in"', 1);
      expect(plain.page.items.map((w) => w.id)).toEqual([longWork]);
      expect(plain.snippets.size).toBe(0);
      expect((await searchWorks(t.app.readDb, guestViewer(), '"the tide came in"', 1, { passages: true })).snippets.get(longWork)?.html).toContain('<mark>');
    });

    it('answers a cached work page at once while a work of 850,000 words is made into an EPUB', async () => {
      const writer = await signUp(t.app);
      const id = await postWork(writer, { title: 'The Longest Night', 'chapter.text': NIGHT_TEXT });
      for (let i = 2; i <= 10; i += 1) expect((await writer.post(`/works/${id}/chapters`, { title: `Night ${i}`, text: NIGHT_TEXT })).statusCode).toBe(303);
      const guest = new TestClient(t.app);
      expect((await guest.get(`/works/${shortWork}`)).statusCode).toBe(200);
      // The page is asked for every 10 ms while the EPUB is made: no round (the answer and the pause)
      // takes long, as none waits behind the build.
      let built = false;
      const started = performance.now();
      const download = guest.get(`/downloads/${id}/The_Longest_Night.epub`).finally(() => { built = true; });
      const rounds: number[] = [];
      while (!built) {
        const { ms } = await timed(async () => {
          expect((await guest.get(`/works/${shortWork}`)).statusCode).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 10));
        });
        rounds.push(ms);
      }
      const epub = await download;
      const buildMs = performance.now() - started;
      expect(epub.statusCode).toBe(200);
      expect(epub.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect(buildMs).toBeGreaterThan(250);
      expect(Math.max(...rounds)).toBeLessThan(buildMs / 4);
    }, 60_000);

    it('answers a cached work page while a slow query runs on the reader', async () => {
      const guest = new TestClient(t.app);
      expect((await guest.get(`/works/${shortWork}`)).statusCode).toBe(200);
      // A query that keeps its connection busy for seconds: on SQLite a reader thread, on PostgreSQL a pool connection.
      const slowQuery = dialect === 'sqlite'
        ? sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 8000000) select count(*) as n from c`
        : sql<{ n: number }>`select 1 as n from pg_sleep(3)`;
      let finished = false;
      const slow = t.app.heavyGate.run(() => slowQuery.execute(t.app.readDb)).then((result) => { finished = true; return result; });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { answer, ms } = await timed(() => guest.get(`/works/${shortWork}`));
      expect(answer.statusCode).toBe(200);
      expect(finished).toBe(false);
      expect(ms).toBeLessThan(1000);
      expect((await slow).rows[0]?.n).toBeGreaterThan(0);
    });
  });
}
