// Muting on the server: muted tags (with their synonyms) and creators leave every listing and
// search the member sees, with a line saying how many and a way to show them; an anonymous work
// is never left out for its creator (that would say who wrote it). On both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';
import { setWrangler } from '../accounts/user.service.js';

describeEachDatabase('muting', (ctx) => {
  const titles = async (client: TestClient, path: string) => {
    const doc = parsePage((await client.get(path)).body);
    return Array.from(doc.querySelectorAll('li.work.blurb h4 a:first-child')).map((a) => a.textContent);
  };

  it('leaves works carrying a muted tag, or its synonym, out of listings and search, and says how many', async () => {
    const reader = await signUp(ctx().app);
    const writer = await signUp(ctx().app);
    const wrangler = await signUp(ctx().app);
    await setWrangler(ctx().database.db, null, wrangler.login, true);
    const fandom = `Harbour ${uniqueLogin('town')}`;
    await postWork(writer, { title: 'Shanty at Low Tide', fandoms: fandom, freeforms: 'Sea Shanty Songs' });
    await postWork(writer, { title: 'Another Shanty', fandoms: fandom, freeforms: 'Shanty Songs Synonym' });
    await postWork(writer, { title: 'Quiet Nets', fandoms: fandom, freeforms: 'Mending' });
    await wrangler.get('/tags/Sea%20Shanty%20Songs');
    await wrangler.post('/tags/Sea%20Shanty%20Songs/wrangle', { do: 'canonical_on' });
    await wrangler.post('/tags/Shanty%20Songs%20Synonym/wrangle', { do: 'synonym', synonym: 'Sea Shanty Songs' });
    await wrangler.post(`/tags/${encodeURIComponent(fandom)}/wrangle`, { do: 'canonical_on' });

    await reader.get(`/users/${reader.login}/mutes`);
    const unknown = await reader.post(`/users/${reader.login}/mutes`, { kind: 'tag', tag: 'No Such Tag Anywhere' });
    expect(unknown.statusCode).toBe(422);
    expect(textOf(parsePage(unknown.body), '#field-tag-error')).toContain('There is no tag');
    expect((await reader.post(`/users/${reader.login}/mutes`, { kind: 'tag', tag: 'Sea Shanty Songs' })).statusCode).toBe(303);

    const listing = `/tags/${encodeURIComponent(fandom)}/works`;
    expect(await titles(reader, listing)).toEqual(['Quiet Nets']);
    const page = parsePage((await reader.get(listing)).body);
    expect(textOf(page, '.muted-line')).toContain('2 works hidden by your mutes');
    const show = page.querySelector('.muted-line a')?.getAttribute('href') ?? '';
    expect(show).toContain('show_muted=1');
    expect((await titles(reader, show)).sort()).toEqual(['Another Shanty', 'Quiet Nets', 'Shanty at Low Tide']);
    expect((await titles(reader, '/works')).filter((t) => t.includes('Shanty'))).toEqual([]);
    const searched = parsePage((await reader.get('/works/search?work_search[query]=shanty')).body);
    expect(Array.from(searched.querySelectorAll('li.work.blurb h4 a:first-child')).map((a) => a.textContent)).toEqual([]);
    // Search says what it left out, and shows it when asked (best match and a sorted search alike).
    expect(textOf(searched, '.muted-line')).toContain('2 works hidden by your mutes');
    const shownSearch = searched.querySelector('.muted-line a')?.getAttribute('href') ?? '';
    expect((await titles(reader, shownSearch)).sort()).toEqual(['Another Shanty', 'Shanty at Low Tide']);
    const sorted = parsePage((await reader.get('/works/search?work_search[query]=shanty&work_search[sort_column]=title_to_sort_on')).body);
    expect(textOf(sorted, '.muted-line')).toContain('2 works hidden by your mutes');
    // Someone else's bookmarks of the muted works leave too, with the same line.
    await writer.get('/works');
    const shantyId = (await ctx().app.db.selectFrom('works').select('id').where('title', '=', 'Shanty at Low Tide').executeTakeFirstOrThrow()).id;
    await writer.get(`/works/${shantyId}/bookmarks/new`);
    expect((await writer.post(`/works/${shantyId}/bookmarks`, { notes: '', tags: '', collections: '' })).statusCode).toBe(303);
    const marks = parsePage((await reader.get(`/users/${writer.login}/bookmarks`)).body);
    expect(textOf(marks, '.muted-line')).toContain('1 bookmark hidden by your mutes');
    const shownMarks = marks.querySelector('.muted-line a')?.getAttribute('href') ?? '';
    expect((await reader.get(shownMarks)).body).toContain('Shanty at Low Tide');
    // The fandom's own page counts what its listing shows the reader.
    expect(textOf(parsePage((await reader.get(`/tags/${encodeURIComponent(fandom)}`)).body), '.work-count a')).toBe('1 work');
    expect(textOf(parsePage((await new TestClient(ctx().app).get(`/tags/${encodeURIComponent(fandom)}`)).body), '.work-count a')).toBe('3 works');
    // Nobody else's listings change.
    expect((await titles(new TestClient(ctx().app), listing)).sort()).toEqual(['Another Shanty', 'Quiet Nets', 'Shanty at Low Tide']);

    const tagId = (await ctx().app.db.selectFrom('tags').select('id').where('name', '=', 'Sea Shanty Songs').executeTakeFirstOrThrow()).id;
    await reader.get(`/users/${reader.login}/mutes`);
    expect((await reader.post(`/users/${reader.login}/mutes/delete`, { kind: 'tag', id: String(tagId) })).statusCode).toBe(303);
    expect((await titles(reader, listing)).sort()).toEqual(['Another Shanty', 'Quiet Nets', 'Shanty at Low Tide']);
  });

  it('leaves a muted creator\'s works out, but never their anonymous ones, which would name them', async () => {
    const reader = await signUp(ctx().app);
    const loud = await signUp(ctx().app);
    const owner = await signUp(ctx().app);
    const fandom = `Quay ${uniqueLogin('side')}`;
    const collection = uniqueLogin('masked');
    await owner.get('/collections/new');
    expect((await owner.post('/collections', { name: collection, title: 'Masked Quay', anonymous: '1' })).statusCode).toBe(303);
    await postWork(loud, { title: 'Signed Work', fandoms: fandom });
    await postWork(loud, { title: 'Masked Work', fandoms: fandom, collections: collection });
    await reader.get(`/users/${reader.login}/mutes`);
    expect((await reader.post(`/users/${reader.login}/mutes`, { kind: 'user', user: loud.login })).statusCode).toBe(303);
    const all = await titles(reader, `/works?work_search[query]=&tag_id=${encodeURIComponent(fandom)}`);
    expect(all).toContain('Masked Work');
    expect(all).not.toContain('Signed Work');
    expect(await titles(reader, `/users/${loud.login}/works`)).toEqual([]);
    expect((await reader.get(`/users/${reader.login}/mutes`)).body).toContain(loud.login);
    const self = await reader.post(`/users/${reader.login}/mutes`, { kind: 'user', user: reader.login });
    expect(textOf(parsePage(self.body), '#field-user-error')).toBe('You cannot mute yourself.');
    expect((await loud.get(`/users/${reader.login}/mutes`)).statusCode).toBe(403);
  });

  it('mutes a creator from their profile and a tag from its page, and comes back there', async () => {
    const reader = await signUp(ctx().app);
    const writer = await signUp(ctx().app);
    await postWork(writer, { title: 'Harbour Lights', freeforms: 'Foghorn Mornings' });
    const profile = parsePage((await reader.get(`/users/${writer.login}/pseuds`)).body);
    const form = profile.querySelector('form.mute-button');
    expect(form?.textContent).toContain(`Mute ${writer.login}`);
    const muted = await reader.post(form?.getAttribute('action') ?? '', { kind: 'user', user: writer.login, return_to: `/users/${writer.login}/pseuds` });
    expect(muted.statusCode).toBe(303);
    expect(muted.headers.location).toBe(`/users/${writer.login}/pseuds`);
    expect(await titles(reader, '/works')).not.toContain('Harbour Lights');
    const tagPage = parsePage((await reader.get('/tags/Foghorn%20Mornings')).body);
    expect(tagPage.querySelector('form.mute-button button')?.textContent).toBe('Mute this tag');
    const back = await reader.post(`/users/${reader.login}/mutes`, { kind: 'tag', tag: 'Foghorn Mornings', return_to: '/tags/Foghorn%20Mornings' });
    expect(back.headers.location).toBe('/tags/Foghorn%20Mornings');
    const names = (await reader.get(`/users/${reader.login}/mutes`)).body;
    expect(names).toContain('Foghorn Mornings');
    // A guest has no button; a return_to off the archive goes to the mutes page instead.
    expect(parsePage((await new TestClient(ctx().app).get('/tags/Foghorn%20Mornings')).body).querySelector('form.mute-button')).toBeNull();
    const offsite = await reader.post(`/users/${reader.login}/mutes`, { kind: 'tag', tag: 'Foghorn Mornings', return_to: '//evil.example/' });
    expect(offsite.headers.location).toBe(`/users/${reader.login}/mutes`);
  });
});
