// Bookmarks through the pages, on both databases: making and changing one, its notes, tags, rec
// and private flags, the listings (a member's, a work's) and who may see what in them.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { HOSTILE_HTML } from '../../test/sanitize-vectors.js';

async function bookmark(client: TestClient, workId: number, fields: Record<string, string>) {
  await client.get(`/works/${workId}/bookmarks/new`);
  return client.post(`/works/${workId}/bookmarks`, fields);
}

const titles = (doc: Document): string[] => textsOf(doc, 'ol.bookmark li.blurb h4.heading a:first-child');

describeEachDatabase('bookmarks', (ctx) => {
  it('a member bookmarks a work with notes, tags and rec; the work counts it and lists it', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'The Tidal Archive' });
    const page = parsePage((await reader.get(`/works/${workId}`)).body);
    expect(page.querySelector('#feedback li.bookmark a')?.getAttribute('href')).toBe(`/works/${workId}/bookmarks/new`);
    const saved = await bookmark(reader, workId, { notes: 'Read this on a ferry. <script>x()</script>Perfect.', tags: 'comfort read, sea', rec: '1' });
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(303);
    const shown = parsePage((await reader.get(String(saved.headers.location))).body);
    expect(textOf(shown, '.flash')).toBe('Bookmark saved.');
    expect(textOf(shown, 'blockquote.notes')).toBe('Read this on a ferry. Perfect.');
    expect(textsOf(shown, 'ul.meta.tags a')).toEqual(['comfort read', 'sea']);
    expect(textOf(shown, '.user.module h5')).toContain('Rec');
    const work = parsePage((await writer.get(`/works/${workId}`)).body);
    expect(work.querySelector('dl.stats dd.bookmarks a')?.getAttribute('href')).toBe(`/works/${workId}/bookmarks`);
    expect(textOf(work, 'dl.stats dd.bookmarks')).toBe('1');
    expect(titles(parsePage((await new TestClient(t.app).get(`/works/${workId}/bookmarks`)).body))).toEqual(['The Tidal Archive']);
    expect(titles(parsePage((await writer.get(`/users/${reader.login}/bookmarks?tag=SEA`)).body))).toEqual(['The Tidal Archive']);
    expect(titles(parsePage((await writer.get(`/users/${reader.login}/bookmarks?tag=storms`)).body))).toEqual([]);
    // Bookmarking again changes the one bookmark.
    expect((await bookmark(reader, workId, { notes: 'Changed my mind.', tags: '' })).statusCode).toBe(303);
    expect(textOf(parsePage((await writer.get(`/works/${workId}`)).body), 'dl.stats dd.bookmarks')).toBe('1');
    expect(titles(parsePage((await writer.get(`/users/${reader.login}/bookmarks?rec=1`)).body))).toEqual([]);
  });

  it('a private bookmark is its owner’s alone, and not counted', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Secret Shelf' });
    const saved = await bookmark(reader, workId, { notes: 'Guilty pleasure.', tags: '', private: '1' });
    const path = String(saved.headers.location);
    expect((await reader.get(path)).statusCode).toBe(200);
    expect((await writer.get(path)).statusCode).toBe(404);
    expect(titles(parsePage((await reader.get(`/users/${reader.login}/bookmarks`)).body))).toEqual(['Secret Shelf']);
    expect(titles(parsePage((await writer.get(`/users/${reader.login}/bookmarks`)).body))).toEqual([]);
    expect(textOf(parsePage((await writer.get(`/works/${workId}`)).body), 'dl.stats dd.bookmarks')).toBeNull();
  });

  it('keeps to the work’s own rule: a registered-users-only work’s bookmarks are not shown to guests, a draft cannot be bookmarked', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const locked = await postWork(writer, { title: 'Members Only Lighthouse', restricted: '1' });
    const draft = await postWork(writer, { action: 'draft' });
    expect((await bookmark(reader, locked, { notes: '', tags: '' })).statusCode).toBe(303);
    expect((await bookmark(reader, draft, { notes: '', tags: '' })).statusCode).toBe(404);
    const guest = new TestClient(t.app);
    expect(titles(parsePage((await guest.get(`/users/${reader.login}/bookmarks`)).body))).toEqual([]);
    expect(titles(parsePage((await writer.get(`/users/${reader.login}/bookmarks`)).body))).toEqual(['Members Only Lighthouse']);
    expect((await new TestClient(t.app).post(`/works/${locked}/bookmarks`, { notes: '' })).statusCode).toBe(401);
  });

  it('bookmarks a work elsewhere, and keeps what was typed when something is missing', async () => {
    const t = ctx();
    const reader = await signUp(t.app);
    await reader.get('/external_works/new');
    const missing = await reader.post('/external_works', { url: 'not a url', title: 'The Far Shore', creator: '', fandoms: 'Original Work', rating: 'General Audiences', summary: '', notes: 'A gem.', tags: '' });
    expect(missing.statusCode).toBe(422);
    const doc = parsePage(missing.body);
    expect(textOf(doc, '#field-url-error')).toBe('Enter the work’s address, starting with http:// or https://.');
    expect(textOf(doc, '#field-creator-error')).toBe('Enter who wrote it (up to 255 characters).');
    expect(doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('The Far Shore');
    expect(doc.querySelector('textarea[name="notes"]')?.textContent).toBe('A gem.');
    const saved = await reader.post('/external_works', { url: 'https://stories.example.org/far-shore', title: 'The Far Shore', creator: 'Ines Mar', fandoms: 'Original Work', rating: 'General Audiences', summary: 'A boat, a storm.', notes: 'A gem.', tags: 'sea' });
    expect(saved.statusCode).toBe(303);
    const page = parsePage((await new TestClient(t.app).get(String(saved.headers.location))).body);
    expect(page.querySelector('li.external h4 a')?.getAttribute('href')).toBe('https://stories.example.org/far-shore');
    expect(textOf(page, 'li.external h4')).toContain('by Ines Mar');
  });

  it('only its owner edits or deletes a bookmark; deleting takes it off the count', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const path = String((await bookmark(reader, workId, { notes: 'Mine.', tags: '' })).headers.location);
    await writer.get(path);
    expect((await writer.post(`${path}/edit`, { notes: 'Not yours.' })).statusCode).toBe(403);
    expect((await writer.post(`${path}/delete`)).statusCode).toBe(403);
    await reader.get(path);
    expect((await reader.post(`${path}/delete`)).statusCode).toBe(303);
    expect((await reader.get(path)).statusCode).toBe(404);
    expect(textOf(parsePage((await writer.get(`/works/${workId}`)).body), 'dl.stats dd.bookmarks')).toBeNull();
  });

  it('listings sort by bookmarks and comments, and search filters by them', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const readers = [await signUp(t.app), await signUp(t.app)];
    const word = `shelfword${Math.random().toString(36).slice(2, 8)}`;
    const kept = await postWork(writer, { title: 'Kept Twice', freeforms: word });
    const talked = await postWork(writer, { title: 'Talked About', freeforms: word });
    for (const reader of readers) expect((await bookmark(reader, kept, { notes: '', tags: '' })).statusCode).toBe(303);
    await readers[0]?.get(`/works/${talked}`);
    expect((await readers[0]?.post(`/works/${talked}/comments`, { comment: 'So good.' }))?.statusCode).toBe(303);
    const blurbTitles = async (url: string) => textsOf(parsePage((await writer.get(url)).body), 'li.work.blurb h4 a:first-child');
    const tag = `/tags/${encodeURIComponent(word)}/works`;
    expect(await blurbTitles(`${tag}?work_search[sort_column]=bookmarks_count`)).toEqual(['Kept Twice', 'Talked About']);
    expect(await blurbTitles(`${tag}?work_search[sort_column]=comments_count`)).toEqual(['Talked About', 'Kept Twice']);
    const search = (q: string) => `/works/search?work_search[query]=${encodeURIComponent(q)}`;
    expect(await blurbTitles(search(`${word} bookmarks>=2`))).toEqual(['Kept Twice']);
    expect(await blurbTitles(search(`${word} comments>0`))).toEqual(['Talked About']);
  });

  it('keeps hostile HTML out of bookmark notes exactly as out of story text (the sanitizer\'s vector list)', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    for (const [vector, expected] of HOSTILE_HTML) {
      expect((await bookmark(reader, workId, { notes: vector, tags: '' })).statusCode, vector).toBe(303);
      const row = await t.database.db.selectFrom('bookmarks').select('notes').where('work_id', '=', workId).executeTakeFirstOrThrow();
      expect(row.notes, vector).toBe(expected);
    }
  });
});
