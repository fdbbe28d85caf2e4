// PostgreSQL's story-text indexes (docs/decisions/049): words and pairs of common words, and
// positions (RUM where the server has it, the tests install it; GIN with a warning where not);
// and the time limit that stops a search too broad to finish.
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { TestClient } from '../../test/client.js';
import { buildTestApp, PASSWORD, postWork, signUp } from '../../test/helpers.js';
import { guestViewer, localViewer, type Viewer } from '../access/viewer.js';
import { authenticate } from '../accounts/user.service.js';
import { matchingWorkIds } from '../works/reading.service.js';
import { emptyFilter } from '../works/work-filter.js';
import { parseQuery } from './query-parser.js';
import { backendFor, reindexAll, searchIndexWarning } from './search-index.service.js';
import { SEARCH_TIMEOUT_MS } from './search.service.js';
import * as m035 from '../db/migrations/035_search_pairs.js';
import * as m037 from '../db/migrations/037_works_visible_ids.js';

async function indexes(db: Parameters<typeof searchIndexWarning>[0]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename in ('search_chunks', 'search_work_words') and indexname <> 'search_work_words_pkey' order by 1`.execute(db);
  return rows.map((r) => r.name);
}

describe.skipIf(!DIALECTS.includes('postgres'))('the story text index [postgres]', () => {
  it('answers words and common pairs from the words by work and phrases exactly, migrates, falls back to GIN with a warning, and reindex rebuilds both', async () => {
    const { app, database, close } = await buildTestApp('postgres');
    const db = database.db;
    try {
      const writer = await signUp(app);
      const harbour = await postWork(writer, { title: 'Harbour Lights', 'chapter.text': 'The keeper trimmed the lantern wick before the storm came over the headland.' });
      const chapel = await postWork(writer, { title: 'Inland', 'chapter.text': 'A wick of a different kind burned in the chapel, and the lantern stayed dark; the storm passed north over the hills.' });
      const apart = await postWork(writer, { title: 'Apart', 'chapter.text': 'They waited under the lantern. Lantern wick smoke rose from the other boat. It\'s cold.' });
      const sailors = await postWork(writer, { title: 'Sailors', 'chapter.text': 'Well-known sailors trim their lanterns at dusk, and she said it was over.' });
      const guest = new TestClient(app);
      const found = async (q: string) => {
        const body = (await guest.get(`/works/search?${new URLSearchParams({ 'work_search[query]': q }).toString()}`)).body;
        return [harbour, chapel, apart, sailors].filter((id) => body.includes(`/works/${id}"`));
      };
      const phrases = async () => {
        expect(await found('"lantern wick"')).toEqual([harbour, apart]); // rarer words only: the positions index
        expect(await found('"the lantern wick"')).toEqual([harbour]); // rarer words, then the whole phrase tested
        expect(await found('"over the"')).toEqual([harbour, chapel]); // two common words: one pair
        expect(await found('"came over the"')).toEqual([harbour]); // common words: their pairs, then the phrase
        expect(await found('"over the headland"')).toEqual([harbour]); // one rarer word and a pair
        expect(await found('"the lantern stayed" storm')).toEqual([chapel]);
        expect(await found('"keepers trim"')).toEqual([harbour]);
        expect(await found('"well-known sailors"')).toEqual([sailors]);
        expect(await found('"said it was"')).toEqual([sailors]);
        expect(await found('"wick lantern"')).toEqual([]);
        expect(await found('"the over"')).toEqual([]);
        expect(await found("it's")).toEqual([apart]); // a common word and a rarer one, no pair: positions
        expect(await found('lant*')).toEqual([harbour, chapel, apart, sailors]); // a prefix never reaches a pair
        expect(await found('over -headland')).toEqual([chapel, sailors]);
      };
      const pairs = async () => Number((await sql<{ n: number }>`select count(*)::int as n from search_work_words where words @@ '''_over the'''::tsquery`.execute(db)).rows[0]?.n);
      const both = ['search_chunks_pkey', 'search_chunks_rum_idx', 'search_chunks_work_idx', 'search_work_words_idx'];

      expect(await indexes(db)).toEqual(both);
      expect(await searchIndexWarning(db)).toBeNull();
      expect(await pairs()).toBe(2);
      await phrases();

      // The migration makes the words by work from what was indexed before it, and takes them away again.
      await m035.down(db);
      expect(await indexes(db)).not.toContain('search_work_words_idx');
      await m035.up(db);
      expect(await pairs()).toBe(2);
      await phrases();

      // A server without the RUM package keeps GIN for positions: the same answers, and a warning.
      await sql`drop index search_chunks_rum_idx`.execute(db);
      await sql`create index search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(db);
      expect(await searchIndexWarning(db)).toMatch(/GIN index.*reindex/);
      await phrases();

      // A reindex stopped midway leaves an index missing: the warning says what to do; a reindex rebuilds both.
      await sql`drop index search_work_words_idx`.execute(db);
      expect(await searchIndexWarning(db)).toMatch(/missing an index.*reindex/);
      const lines: string[] = [];
      expect(await reindexAll(db, (done, total) => lines.push(`${done}/${total}`))).toBe(4);
      expect(lines.at(-1)).toBe('4/4');
      expect(await indexes(db)).toEqual(both);
      expect(await searchIndexWarning(db)).toBeNull();
      await phrases();
    } finally {
      await close();
    }
  });

  it('stops a search that runs past its time and says so, on the page and in the API', async () => {
    const { app, database, close } = await buildTestApp('postgres');
    try {
      const writer = await signUp(app);
      await postWork(writer, { title: 'Tidewater', 'chapter.text': 'The ferry crossed twice before the fog settled on the estuary.' });
      const guest = new TestClient(app);
      // A writer holding the index's table stands in for a query too broad to finish: the search waits, then stops.
      const { page, api, seconds } = await database.db.transaction().execute(async (trx) => {
        await sql`lock table search_works, search_work_words, search_chunks in access exclusive mode`.execute(trx);
        const started = Date.now();
        const page = (await guest.get(`/works/search?${new URLSearchParams({ 'work_search[query]': 'ferry' }).toString()}`)).body;
        const api = await guest.get('/api/v1/search?q=ferry');
        return { page, api, seconds: (Date.now() - started) / 1000 };
      });
      expect(page).toContain('This search would take too long to finish');
      expect(page).not.toContain('Tidewater');
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ problems: [expect.stringContaining('too long to finish')], total: 0 });
      expect(seconds).toBeLessThan(2 * SEARCH_TIMEOUT_MS / 1000 + 3);
      const after = await guest.get(`/works/search?${new URLSearchParams({ 'work_search[query]': 'ferry' }).toString()}`);
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('Tidewater');
    } finally {
      await close();
    }
  });

  it('walks the matches through the ids of the works the reader may see, without reading the works, guest or member', async () => {
    const { app, database, close } = await buildTestApp('postgres');
    const db = database.db;
    try {
      const writer = await signUp(app);
      const open = await postWork(writer, { title: 'Open Quay', 'chapter.text': 'The bosun coiled the hawser on the open quay.' });
      const locked = await postWork(writer, { title: 'Locked Quay', restricted: '1', 'chapter.text': 'The bosun coiled the hawser behind a locked gate.' });
      const found = async (client: TestClient) => {
        const body = (await client.get('/works/search?work_search[query]=hawser')).body;
        return [open, locked].filter((id) => body.includes(`/works/${id}"`));
      };
      expect(await found(new TestClient(app))).toEqual([open]);
      expect(await found(writer)).toEqual([open, locked]);
      // The walk a search makes (newest first, 2,001 at most), as PostgreSQL would run it when
      // reading the works is dearer than reading an index (here, with sequential reads off).
      const user = await authenticate(db, writer.login, PASSWORD);
      if (user === null) throw new Error('the writer cannot sign in');
      const walk = async (viewer: Viewer): Promise<string> => {
        const seen: CompiledQuery[] = [];
        const recording: KyselyPlugin = {
          transformQuery: (args) => { seen.push(db.getExecutor().compileQuery(args.node, args.queryId)); return args.node; },
          transformResult: (args) => Promise.resolve(args.result),
        };
        const text = parseQuery('hawser').text;
        if (text === null) throw new Error('no text to search');
        const where = { ...(await backendFor(db).matching(db, text)), ignoreMutes: true };
        await matchingWorkIds(db.withPlugin(recording), viewer, where, emptyFilter(), 2001);
        const [query] = seen;
        if (query === undefined) throw new Error('the walk ran no query');
        return db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        });
      };
      expect(await walk(guestViewer())).toMatch(/Index Only Scan Backward using works_public_ids_idx/);
      expect(await walk(localViewer(user))).toMatch(/Index Only Scan Backward using works_member_ids_idx/);
      await m037.down(db);
      expect(await walk(guestViewer())).not.toMatch(/works_public_ids_idx/);
      await m037.up(db);
      expect(await walk(guestViewer())).toMatch(/Index Only Scan Backward using works_public_ids_idx/);
      expect(await found(new TestClient(app))).toEqual([open]);
    } finally {
      await close();
    }
  });
});
