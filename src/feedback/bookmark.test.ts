// Bookmarks through the pages, on both databases: making and changing one, its notes, tags, rec
// and private flags, the listings (everyone's, a member's, a work's) with the work listings'
// filters and sorts, and who may see what in them.
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

  it('bookmark listings filter and sort like work listings, with a bookmark’s own fields besides', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const guest = new TestClient(t.app);
    const harbour = await postWork(writer, { title: 'Harbour Lights' });
    const storm = await postWork(writer, { title: 'Storm Glass', fandoms: 'The Drowned Coast', expectedChapters: '?', 'chapter.text': 'Rain. '.repeat(400) });
    const secret = await postWork(writer, { title: 'Private Thing' });
    expect((await bookmark(reader, harbour, { notes: 'Lovely.', tags: 'cozy', rec: '1' })).statusCode).toBe(303);
    expect((await bookmark(reader, storm, { notes: '', tags: 'angst, storms' })).statusCode).toBe(303);
    expect((await bookmark(reader, secret, { notes: '', tags: 'cozy', private: '1' })).statusCode).toBe(303);
    await reader.get('/external_works/new');
    expect((await reader.post('/external_works', { url: 'https://stories.example.org/far-shore', title: 'The Far Shore', creator: 'Ines Mar', fandoms: 'Original Work', rating: 'General Audiences', summary: '', notes: 'A gem.', tags: 'cozy' })).statusCode).toBe(303);

    const mine = `/users/${reader.login}/bookmarks`;
    const list = async (client: TestClient, path: string) => titles(parsePage((await client.get(path)).body));
    expect(await list(guest, mine)).toEqual(['The Far Shore', 'Storm Glass', 'Harbour Lights']);
    expect(await list(reader, mine)).toEqual(['The Far Shore', 'Private Thing', 'Storm Glass', 'Harbour Lights']);
    // Everyone's bookmarks, newest first (earlier tests' bookmarks follow).
    expect((await list(guest, '/bookmarks')).slice(0, 3)).toEqual(['The Far Shore', 'Storm Glass', 'Harbour Lights']);
    // The work listings' filters narrow to bookmarked works matching them (works elsewhere drop out).
    const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
    expect(await list(guest, mine + q({ 'work_search[fandom_names]': 'The Drowned Coast' }))).toEqual(['Storm Glass']);
    expect(await list(guest, mine + q({ 'exclude_work_search[fandom_names]': 'The Drowned Coast' }))).toEqual(['Harbour Lights']);
    expect(await list(guest, mine + q({ 'work_search[complete]': 'F' }))).toEqual(['Storm Glass']);
    expect(await list(reader, mine + q({ 'work_search[words_to]': '100' }))).toEqual(['Private Thing', 'Harbour Lights']);
    // The works' sorts, works elsewhere last; and a bookmark's own fields.
    expect(await list(guest, mine + q({ 'bookmark_search[sort_column]': 'word_count' }))).toEqual(['Storm Glass', 'Harbour Lights', 'The Far Shore']);
    expect(await list(guest, mine + q({ 'bookmark_search[sort_column]': 'title_to_sort_on' }))).toEqual(['Harbour Lights', 'Storm Glass', 'The Far Shore']);
    expect(await list(guest, mine + q({ 'bookmark_search[rec]': '1' }))).toEqual(['Harbour Lights']);
    expect(await list(guest, mine + q({ 'bookmark_search[with_notes]': '1' }))).toEqual(['The Far Shore', 'Harbour Lights']);
    expect(await list(guest, mine + q({ 'bookmark_search[other_bookmark_tag_names]': 'Cozy' }))).toEqual(['The Far Shore', 'Harbour Lights']);
    expect(await list(reader, mine + q({ 'bookmark_search[other_bookmark_tag_names]': 'cozy', 'work_search[fandom_names]': 'Original Work' }))).toEqual(['Private Thing', 'Harbour Lights']);

    // The form shows what was asked, and says plainly what it could not use.
    const page = parsePage((await guest.get(mine + q({ 'work_search[fandom_names]': 'No Such Fandom', 'bookmark_search[sort_column]': 'word_count', 'bookmark_search[rec]': '1' }))).body);
    expect(titles(page)).toEqual([]);
    expect(textOf(page, '.filter-notices')).toBe('There is no tag named “No Such Fandom”, so no works match it.');
    expect(page.querySelector('input[name="work_search[fandom_names]"]')?.getAttribute('value')).toBe('No Such Fandom');
    expect(page.querySelector('select[name="bookmark_search[sort_column]"] option[selected]')?.getAttribute('value')).toBe('word_count');
    expect(page.querySelector('input[name="bookmark_search[rec]"]')?.hasAttribute('checked')).toBe(true);
  });

  it('bookmarks a series, shown as the series to whoever may see it', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const guest = new TestClient(t.app);
    const open = await postWork(writer, { title: 'Harbour Tales One' });
    const locked = await postWork(writer, { title: 'Members’ Tale', restricted: '1' });
    const newSeries = async (workId: number, title: string) => {
      await writer.get(`/works/${workId}/series/new`);
      return Number(/\/series\/(\d+)$/.exec(String((await writer.post(`/works/${workId}/series`, { series_id: '', new_title: title, position: '' })).headers.location))?.[1]);
    };
    const harbour = await newSeries(open, 'Harbour Tales');
    const members = await newSeries(locked, 'Members Only Tales');
    const series = parsePage((await reader.get(`/series/${harbour}`)).body);
    expect(series.querySelector('li.bookmark a')?.getAttribute('href')).toBe(`/series/${harbour}/bookmarks/new`);
    await reader.get(`/series/${harbour}/bookmarks/new`);
    const saved = await reader.post(`/series/${harbour}/bookmarks`, { notes: 'The whole harbour, in order.', tags: 'harbour', rec: '1' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const shown = parsePage((await guest.get(String(saved.headers.location))).body);
    expect(shown.querySelector('li.series.blurb h4 a')?.getAttribute('href')).toBe(`/series/${harbour}`);
    expect(textOf(shown, 'li.series.blurb h4 a')).toBe('Harbour Tales');
    expect(textOf(shown, 'blockquote.notes')).toBe('The whole harbour, in order.');
    // Bookmarking it again changes the one bookmark.
    await reader.get(`/series/${harbour}/bookmarks/new`);
    expect((await reader.post(`/series/${harbour}/bookmarks`, { notes: 'Still the whole harbour.', tags: 'harbour' })).statusCode).toBe(303);
    await reader.get(`/series/${members}/bookmarks/new`);
    expect((await reader.post(`/series/${members}/bookmarks`, { notes: '', tags: '' })).statusCode).toBe(303);

    const seriesTitles = async (client: TestClient, path: string) => textsOf(parsePage((await client.get(path)).body), 'li.series.blurb h4 a:first-child');
    expect(await seriesTitles(reader, `/users/${reader.login}/bookmarks`)).toEqual(['Members Only Tales', 'Harbour Tales']);
    // A series whose only work is for registered users is not shown to guests, anywhere.
    expect(await seriesTitles(guest, `/users/${reader.login}/bookmarks`)).toEqual(['Harbour Tales']);
    expect(await seriesTitles(guest, `/series/${harbour}/bookmarks`)).toEqual(['Harbour Tales']);
    expect((await guest.get(`/series/${members}/bookmarks`)).statusCode).toBe(404);
    const membersBookmark = (await t.database.db.selectFrom('bookmarks').select('id').where('series_id', '=', members).executeTakeFirstOrThrow()).id;
    expect((await guest.get(`/bookmarks/${membersBookmark}`)).statusCode).toBe(404);
    expect((await reader.get(`/bookmarks/${membersBookmark}`)).statusCode).toBe(200);
    // A filter on the bookmarked work leaves series out, as it does works elsewhere.
    expect(await seriesTitles(reader, `/users/${reader.login}/bookmarks?work_search%5Bcomplete%5D=T`)).toEqual([]);
    // Nobody bookmarks a series they may not see.
    const draft = await postWork(writer, { title: 'Draft Tale', action: 'draft' });
    const hidden = await newSeries(draft, 'Hidden Tales');
    expect((await reader.get(`/series/${hidden}/bookmarks/new`)).statusCode).toBe(404);
    expect((await reader.post(`/series/${hidden}/bookmarks`, { notes: '', tags: '' })).statusCode).toBe(404);
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
