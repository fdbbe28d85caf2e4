// Counters are not content: bumping them must leave downloads cached and the search index alone.
import { expect, it, vi } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields } from '../../test/helpers.js';
import { backendFor } from '../search/search-index.service.js';
import { bumpCounters } from './work-counter.service.js';

describeEachDatabase('work counters', (ctx) => {
  it('can be bumped 1,000 times without moving the content version, rebuilding a download or re-indexing the text', async () => {
    const { app, database } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'The Thousandth Visitor', 'chapter.text': 'The ferryman counted every lantern twice.' });
    const guest = new TestClient(app);
    const epub = `/downloads/${id}/The_Thousandth_Visitor.epub`;
    const version = async () => (await database.db.selectFrom('works').select('content_version').where('id', '=', id).executeTakeFirstOrThrow()).content_version;
    const before = { version: await version(), epub: (await guest.get(epub)).rawPayload, built: app.downloadFiles.counts.built };
    const links = (await guest.get(`/works/${id}`)).body.match(/\/downloads\/[^"]+/g);
    const indexing = vi.spyOn(backendFor(database.db), 'indexWorks');
    try {
      for (let i = 0; i < 1000; i++) await bumpCounters(database.db, id, i % 2 === 0 ? { hits: 1 } : { kudos: 1, hits: 1 });
      expect(indexing).not.toHaveBeenCalled();
      expect(await version()).toBe(before.version);
      const after = await guest.get(epub);
      expect(after.rawPayload.equals(before.epub)).toBe(true);
      expect(app.downloadFiles.counts.built).toBe(before.built);
      // The cached page reads counters at most once a second: look a second and a half later.
      const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 1500);
      const page = await guest.get(`/works/${id}`).finally(() => clock.mockRestore());
      expect(page.body.match(/\/downloads\/[^"]+/g)).toEqual(links);
      expect(page.body).toContain('<dt class="kudos">Kudos:</dt><dd class="kudos">500</dd>');
      expect(page.body).toContain('<dt class="hits">Hits:</dt><dd class="hits">1,000</dd>');
      const api = await app.inject({ url: `/api/v1/works/${id}` });
      expect(api.json<{ stats: Record<string, number> }>().stats).toEqual({ comments: 0, kudos: 500, bookmarks: 0, hits: 1000 });
      // An edit is content: it does move the version and re-index (so the spy above could have seen one).
      await writer.post(`/works/${id}`, workFields({ title: 'The Thousandth Visitor', 'chapter.text': 'The ferryman counted every lantern three times.' }));
      expect(indexing).toHaveBeenCalled();
      expect(await version()).toBeGreaterThan(before.version);
      expect((await guest.get(`/works/${id}`)).body).toContain('<dd class="kudos">500</dd>');
    } finally {
      indexing.mockRestore();
    }
  });

  it('refuses a bump that counts nothing', async () => {
    const { app, database } = ctx();
    const id = await postWork(await signUp(app));
    await expect(bumpCounters(database.db, id, {})).rejects.toThrow('at least one counter');
    await expect(bumpCounters(database.db, id, { kudos: 0.5 })).rejects.toThrow('at least one counter');
  });
});
