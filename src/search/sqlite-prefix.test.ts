// SQLite keeps a prefix index (migration 036): made again with it, the table keeps every work,
// and a prefix search reads it; taken away, the works are all still there.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { TestClient } from '../../test/client.js';
import { buildTestApp, postWork, signUp } from '../../test/helpers.js';
import * as m036 from '../db/migrations/036_search_prefixes.js';

describe.skipIf(!DIALECTS.includes('sqlite'))('the prefix index [sqlite]', () => {
  it('is there after migrating, keeps the works through the migration both ways, and answers prefixes', async () => {
    const { app, database, close } = await buildTestApp('sqlite');
    const db = database.db;
    try {
      const writer = await signUp(app);
      const ferry = await postWork(writer, { title: 'Ferry Crossing', 'chapter.text': 'The ferryman counted the crossings twice before dawn.' });
      const fern = await postWork(writer, { title: 'Fern Hollow', 'chapter.text': 'Ferns grew thick in the hollow below the old mill.' });
      const guest = new TestClient(app);
      const found = async (q: string) => {
        const body = (await guest.get(`/works/search?${new URLSearchParams({ 'work_search[query]': q }).toString()}`)).body;
        return [ferry, fern].filter((id) => body.includes(`/works/${id}"`));
      };
      const definition = async () => (await sql<{ sql: string }>`select sql from sqlite_master where name = 'search_works'`.execute(db)).rows[0]?.sql ?? '';
      const answers = async () => {
        expect(await found('fer*')).toEqual([ferry, fern]);
        expect(await found('ferr*')).toEqual([ferry]);
        expect(await found('fe* mill')).toEqual([fern]);
        expect(await found('ferrym*')).toEqual([ferry]);
      };

      expect(await definition()).toContain("prefix = '3 4'");
      await answers();
      await m036.down(db);
      expect(await definition()).not.toContain('prefix');
      await answers();
      await m036.up(db);
      expect(await definition()).toContain("prefix = '3 4'");
      await answers();
    } finally {
      await close();
    }
  });
});
