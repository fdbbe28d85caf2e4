// Wrangling: who may, what each action does, what is refused, and the record kept of it.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, enableTwoFactor, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { setWrangler } from '../accounts/user.service.js';

async function signUpWrangler(testApp: TestApp): Promise<TestClient> {
  const client = await signUp(testApp.app);
  await setWrangler(testApp.database.db, null, client.login, true);
  await client.get('/');
  return client;
}
import { parsePage, textsOf } from '../../test/html.js';

describeEachDatabase('tag wrangling', (ctx) => {
  it('lets only wranglers and admins wrangle; admins choose wranglers', async () => {
    const admin = await signUp(ctx().app, 'archivist');
    await enableTwoFactor(admin);
    const writer = await signUp(ctx().app);
    await postWork(writer, { fandoms: 'Gull Point Tales', characters: 'mara quill' });
    expect((await new TestClient(ctx().app).post('/tags/Gull%20Point%20Tales/wrangle', { do: 'canonical_on' })).statusCode).toBe(401);
    expect((await writer.post('/tags/Gull%20Point%20Tales/wrangle', { do: 'canonical_on' })).statusCode).toBe(403);
    expect((await writer.get('/admin/wranglers')).statusCode).toBe(403);
    expect((await admin.get('/tags/Gull%20Point%20Tales')).body).toContain('Wrangle this tag');
    expect((await writer.get('/tags/Gull%20Point%20Tales')).body).not.toContain('Wrangle this tag');

    await admin.get('/admin/wranglers');
    const missing = await admin.post('/admin/wranglers', { login: 'nobody_at_all' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('There is no user');
    expect((await admin.post('/admin/wranglers', { login: writer.login })).statusCode).toBe(303);
    expect((await admin.get('/admin/wranglers')).body).toContain(writer.login);
    await writer.get('/');
    expect((await writer.post('/tags/Gull%20Point%20Tales/wrangle', { do: 'canonical_on' })).statusCode).toBe(303);
    expect((await writer.get('/tags/Gull%20Point%20Tales')).body).toContain('It’s a canonical tag');
    await admin.post(`/admin/wranglers/${writer.login}/revoke`);
    expect((await writer.post('/tags/Gull%20Point%20Tales/wrangle', { do: 'canonical_off' })).statusCode).toBe(403);
  });

  it('renames a canonical tag only in case or accents, and refreshes the works showing it', async () => {
    const admin = await signUpWrangler(ctx());
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { fandoms: 'cafe society' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('>cafe society</a>');
    await admin.post('/tags/cafe%20society/wrangle', { do: 'canonical_on' });
    const bad = await admin.post('/tags/cafe%20society/wrangle', { do: 'rename', name: 'Coffee Society' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Only the case or accents');
    expect(bad.body).toContain('value="Coffee Society"');
    const good = await admin.post('/tags/cafe%20society/wrangle', { do: 'rename', name: 'Café Society' });
    expect(good.headers.location).toBe('/tags/Caf%C3%A9%20Society');
    expect((await guest.get(`/works/${id}`)).body).toContain('>Café Society</a>');
    const history = textsOf(parsePage((await admin.get('/tags/Caf%C3%A9%20Society')).body), 'table.tag-history td:nth-child(3)');
    expect(history).toEqual(['renamed: cafe society → Café Society', 'made canonical']);
  });

  it('refuses what would break the tag graph, with the reason beside the field', async () => {
    const admin = await signUpWrangler(ctx());
    const writer = await signUp(ctx().app);
    await postWork(writer, { fandoms: 'Salt Road, Salt Road Saga', characters: 'Ines Varga', freeforms: 'Sea Shanties' });
    for (const tag of ['Salt Road', 'Salt Road Saga', 'Ines Varga']) await admin.post(`/tags/${encodeURIComponent(tag)}/wrangle`, { do: 'canonical_on' });
    const crossType = await admin.post('/tags/Sea%20Shanties/wrangle', { do: 'synonym', synonym: 'Ines Varga' });
    expect(crossType.statusCode).toBe(422);
    expect(crossType.body).toContain('can only be a synonym of a freeform tag');
    await admin.post('/tags/Salt%20Road%20Saga/wrangle', { do: 'add_meta', meta: 'Salt Road' });
    const loop = await admin.post('/tags/Salt%20Road/wrangle', { do: 'add_meta', meta: 'Salt Road Saga' });
    expect(loop.body).toContain('that would make a loop');
    const fixed = await admin.post('/tags/Explicit/wrangle', { do: 'canonical_off' });
    expect(fixed.body).toContain('Ratings, archive warnings and categories are fixed');
    const unCanon = await admin.post('/tags/Salt%20Road/wrangle', { do: 'canonical_off' });
    expect(unCanon.body).toContain('still has synonyms or subtags');
    const parent = await admin.post('/tags/Ines%20Varga/wrangle', { do: 'add_parent', fandom: 'Salt Road Saga' });
    expect(parent.statusCode).toBe(303);
    expect(textsOf(parsePage((await admin.get('/tags/Salt%20Road%20Saga')).body), '.characters.listbox a.tag')).toEqual(['Ines Varga']);
  });

  it('lists a fandom’s unwrangled tags and wrangles several at once', async () => {
    const admin = await signUpWrangler(ctx());
    const writer = await signUp(ctx().app);
    await postWork(writer, { fandoms: 'Tidewater', characters: 'Oskar Lund, oskar lund jr', freeforms: 'boats boats boats' });
    await admin.post('/tags/Tidewater/wrangle', { do: 'canonical_on' });
    const page = parsePage((await admin.get('/tags/Tidewater/wrangle?type=character')).body);
    const boxes = Array.from(page.querySelectorAll('input[name="tags"]'));
    expect(textsOf(page, 'table.unwrangled td:nth-child(2)')).toEqual(['Oskar Lund', 'oskar lund jr']);
    const oskar = boxes[0]?.getAttribute('value') ?? '';
    expect((await admin.post('/tags/Tidewater/wrangle?type=character', { do: 'canonical', tags: oskar })).statusCode).toBe(303);
    const after = parsePage((await admin.get('/tags/Tidewater/wrangle?type=character')).body);
    expect(textsOf(after, 'table.unwrangled td:nth-child(2)')).toEqual(['oskar lund jr']);
    expect(textsOf(parsePage((await admin.get('/tags/Tidewater')).body), '.characters.listbox a.tag')).toEqual(['Oskar Lund']);
    const none = await admin.post('/tags/Tidewater/wrangle?type=character', { do: 'synonym', synonym: '' });
    expect(none.statusCode).toBe(422);
    expect((await writer.get('/tags/Tidewater/wrangle?type=character')).statusCode).toBe(403);
  });

  it('counts each work once per fandom on the fandoms index, guests seeing public works only', async () => {
    const admin = await signUpWrangler(ctx());
    const writer = await signUp(ctx().app);
    await postWork(writer, { fandoms: 'Quayside, Quayside Mysteries' });
    await postWork(writer, { fandoms: 'Quayside Mysteries', restricted: '1' });
    for (const tag of ['Quayside', 'Quayside Mysteries']) await admin.post(`/tags/${encodeURIComponent(tag)}/wrangle`, { do: 'canonical_on' });
    await admin.post('/tags/Quayside%20Mysteries/wrangle', { do: 'add_meta', meta: 'Quayside' });
    const counts = (body: string, name: string) => parsePage(body).querySelector(`a.tag[href="/tags/${encodeURIComponent(name)}/works"]`)?.parentElement?.querySelector('.count')?.textContent;
    const member = (await admin.get('/fandoms')).body;
    expect(counts(member, 'Quayside')).toBe('(2)');
    expect(counts(member, 'Quayside Mysteries')).toBe('(2)');
    const guest = (await new TestClient(ctx().app).get('/fandoms')).body;
    expect(counts(guest, 'Quayside')).toBe('(1)');
  });
});

describeEachDatabase('the fandoms index of a new archive', (ctx) => {
  const section = (body: string, selector: string) => textsOf(parsePage(body), `${selector} a.tag`);

  it('lists fandoms no one has wrangled in their own section, and moves one the moment it is made canonical', async () => {
    const admin = await signUpWrangler(ctx());
    const writer = await signUp(ctx().app);
    await postWork(writer, { fandoms: 'Saltmarsh Chronicles' });
    const before = (await new TestClient(ctx().app).get('/fandoms')).body;
    expect(section(before, '#unwrangled')).toContain('Saltmarsh Chronicles');
    expect(section(before, 'section.letter')).not.toContain('Saltmarsh Chronicles');
    expect(before).not.toContain('archive settings');
    await admin.post('/tags/Saltmarsh%20Chronicles/wrangle', { do: 'canonical_on' });
    const after = (await new TestClient(ctx().app).get('/fandoms')).body;
    expect(section(after, 'section.letter')).toContain('Saltmarsh Chronicles');
    expect(section(after, '#unwrangled')).not.toContain('Saltmarsh Chronicles');
    const opds = (await new TestClient(ctx().app).get('/opds/fandoms')).body;
    expect(opds).toContain('<title>Saltmarsh Chronicles</title>');
  });

  it('lets the admin make new fandoms, characters and relationships canonical on first use', async () => {
    const admin = await signUp(ctx().app);
    await ctx().database.db.updateTable('users').set({ is_admin: 1 }).where('login', '=', admin.login).execute();
    await enableTwoFactor(admin);
    const writer = await signUp(ctx().app);
    expect((await writer.get('/admin/settings')).statusCode).toBe(403);
    expect((await writer.post('/admin/settings', { canonicalOnFirstUse: '1' })).statusCode).toBe(403);
    await admin.get('/admin');
    expect((await admin.get('/admin')).body).toContain('href="/admin/settings"');
    const saved = await admin.post('/admin/settings', { canonicalOnFirstUse: '1' });
    expect(saved.statusCode).toBe(303);
    expect((await admin.get('/admin/settings')).body).toMatch(/name="canonicalOnFirstUse" value="1" checked/);
    await postWork(writer, { fandoms: 'Fenlight Sagas', characters: 'Ansel Reed', relationships: 'Ansel Reed/Mira Vale', freeforms: 'Marsh Lanterns' });
    const tags = await ctx().database.db.selectFrom('tags').select(['name', 'canonical'])
      .where('name', 'in', ['Fenlight Sagas', 'Ansel Reed', 'Ansel Reed/Mira Vale', 'Marsh Lanterns']).orderBy('name').execute();
    expect(tags).toEqual([
      { name: 'Ansel Reed', canonical: 1 }, { name: 'Ansel Reed/Mira Vale', canonical: 1 },
      { name: 'Fenlight Sagas', canonical: 1 }, { name: 'Marsh Lanterns', canonical: 0 },
    ]);
    expect(section((await new TestClient(ctx().app).get('/fandoms')).body, 'section.letter')).toContain('Fenlight Sagas');
    await admin.post('/admin/settings', {});
    await postWork(writer, { fandoms: 'Reedwater Tales' });
    expect(section((await new TestClient(ctx().app).get('/fandoms')).body, '#unwrangled')).toContain('Reedwater Tales');
  });
});
