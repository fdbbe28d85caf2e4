// PostgreSQL's text index: RUM where the server has it (the tests install it), and a GIN index
// that still answers every search, with a warning saying what to do, where it does not.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { TestClient } from '../../test/client.js';
import { buildTestApp, postWork, signUp } from '../../test/helpers.js';
import { reindexAll, searchIndexWarning } from './search-index.service.js';
import { SEARCH_TIMEOUT_MS } from './search.service.js';

async function indexes(db: Parameters<typeof searchIndexWarning>[0]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'search_chunks' order by 1`.execute(db);
  return rows.map((r) => r.name);
}

describe.skipIf(!DIALECTS.includes('postgres'))('the story text index [postgres]', () => {
  it('is RUM after migrating, answers on GIN with a warning without it, and reindex brings RUM back', async () => {
    const { app, database, close } = await buildTestApp('postgres');
    try {
      const writer = await signUp(app);
      const lantern = await postWork(writer, { title: 'Harbour Lights', 'chapter.text': 'The keeper trimmed the lantern wick before the storm came over the headland.' });
      await postWork(writer, { title: 'Inland', 'chapter.text': 'A wick of a different kind burned in the chapel, and the storm passed north.' });
      const guest = new TestClient(app);
      const search = async (q: string) => (await guest.get(`/works/search?${new URLSearchParams({ 'work_search[query]': q }).toString()}`)).body;

      expect(await indexes(database.db)).toContain('search_chunks_rum_idx');
      expect(await searchIndexWarning(database.db)).toBeNull();
      const withRum = await search('"lantern wick" storm');
      expect(withRum).toContain('Harbour Lights');
      expect(withRum).not.toContain('Inland');

      // A server without the RUM package: the migration would have kept GIN.
      await sql`drop index search_chunks_rum_idx`.execute(database.db);
      await sql`create index search_chunks_tsv_idx on search_chunks using gin (tsv)`.execute(database.db);
      expect(await searchIndexWarning(database.db)).toMatch(/GIN index.*reindex/);
      const withGin = await search('"lantern wick" storm');
      expect(withGin).toContain('Harbour Lights');
      expect(withGin).not.toContain('Inland');
      expect(await search('wick storm')).toContain('Inland');

      const lines: string[] = [];
      expect(await reindexAll(database.db, (done, total) => lines.push(`${done}/${total}`))).toBe(2);
      expect(lines.at(-1)).toBe('2/2');
      expect(await indexes(database.db)).toContain('search_chunks_rum_idx');
      expect(await indexes(database.db)).not.toContain('search_chunks_tsv_idx');
      expect(await searchIndexWarning(database.db)).toBeNull();
      expect(await search('"lantern wick"')).toContain(`/works/${lantern}`);
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
        await sql`lock table search_chunks in access exclusive mode`.execute(trx);
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
});
