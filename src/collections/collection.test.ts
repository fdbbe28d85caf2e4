// Collections on both databases: opening one, posting to it (from the new-work form and from an
// existing work), closed and moderated collections, anonymous and unrevealed ones and their
// reveals (by hand and by the clock, exactly once), and bad input that keeps what was typed.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin, workFields } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { revealDue } from './collection.service.js';

type Settings = { closed?: boolean; moderated?: boolean; anonymous?: boolean; unrevealed?: boolean; revealWorksAt?: string; revealCreatorsAt?: string };

async function openCollection(owner: TestClient, title: string, settings: Settings = {}): Promise<string> {
  const name = uniqueLogin('coll');
  await owner.get('/collections/new');
  const flags: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) if (value !== false) flags[key] = value === true ? '1' : value;
  const response = await owner.post('/collections', { name, title, description: '<p>A gathering of <em>small</em> stories.</p>', rules: 'Be kind.', ...flags });
  if (response.statusCode !== 303) throw new Error(`opening ${title}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return name;
}

async function addTo(client: TestClient, workId: number, name: string) {
  await client.get(`/works/${workId}/collections/new`);
  return client.post(`/works/${workId}/collections`, { collections: name });
}

const blurbTitles = async (client: TestClient, url: string) => textsOf(parsePage((await client.get(url)).body), 'li.work.blurb h4.heading a:first-child');

describeEachDatabase('collections', (ctx) => {
  it('opens a collection; a work posted into it from the new-work form is listed there and names it on its page', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const writer = await signUp(t.app);
    const guest = new TestClient(t.app);
    const name = await openCollection(owner, 'Lantern Festival');
    const workId = await postWork(writer, { title: 'Paper Boats', collections: name });
    const page = parsePage((await guest.get(`/collections/${name}`)).body);
    expect(textOf(page, 'h2.heading')).toBe('Lantern Festival');
    expect(textOf(page, '.collection.profile blockquote.summary')).toBe('A gathering of small stories.');
    expect(textOf(page, '.collection.profile .maintainers')).toBe(`Maintained by ${owner.login}.`);
    expect(await blurbTitles(guest, `/collections/${name}/works`)).toEqual(['Paper Boats']);
    const work = parsePage((await guest.get(`/works/${workId}`)).body);
    expect(textOf(work, 'dl.work.meta dt.collections')).toBe('Collections:');
    expect(textOf(work, 'dl.work.meta dd.collections')).toBe('Lantern Festival');
    expect(textsOf(parsePage((await guest.get('/collections')).body), 'li.collection.blurb h4 a')).toContain('Lantern Festival');
    // Bookmarks of the collection's works, and only those.
    const other = await postWork(writer, { title: 'Not Gathered' });
    for (const id of [workId, other]) {
      await owner.get(`/works/${id}/bookmarks/new`);
      expect((await owner.post(`/works/${id}/bookmarks`, { notes: 'Lovely.', tags: '' })).statusCode).toBe(303);
    }
    expect(textsOf(parsePage((await guest.get(`/collections/${name}/bookmarks`)).body), 'li.work.blurb h4.heading a:first-child')).toEqual(['Paper Boats']);
  });

  it('refuses a closed collection and an unknown one beside the field, and writes nothing', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const writer = await signUp(t.app);
    const name = await openCollection(owner, 'Shut Door', { closed: true });
    await writer.get('/works/new');
    const before = await t.app.db.selectFrom('works').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const response = await writer.post('/works', { ...workFields({ title: 'Knocking', collections: `${name}, nowhere_at_all` }), action: 'post' });
    expect(response.statusCode).toBe(422);
    const form = parsePage(response.body);
    expect(textOf(form, '#field-collections-error')).toBe('There is no collection named nowhere_at_all.');
    expect(form.querySelector('input[name="title"]')?.getAttribute('value')).toBe('Knocking');
    expect(form.querySelector('input[name="collections"]')?.getAttribute('value')).toBe(`${name}, nowhere_at_all`);
    const after = await t.app.db.selectFrom('works').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const workId = await postWork(writer, { title: 'Knocking Again' });
    const refused = await addTo(writer, workId, name);
    expect(refused.statusCode).toBe(422);
    expect(textOf(parsePage(refused.body), '#field-collections-error')).toBe('Shut Door is closed to new works.');
    expect(await blurbTitles(writer, `/collections/${name}`)).toEqual([]);
    // Someone else's work cannot be added at all.
    expect((await addTo(owner, workId, name)).statusCode).toBe(403);
  });

  it('holds works by non-members of a moderated collection until a maintainer approves them', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const moderator = await signUp(t.app);
    const writer = await signUp(t.app);
    const guest = new TestClient(t.app);
    const name = await openCollection(owner, 'Careful Gathering', { moderated: true });
    await owner.get(`/collections/${name}/participants`);
    expect((await owner.post(`/collections/${name}/participants`, { login: moderator.login, role: 'moderator' })).statusCode).toBe(303);
    expect((await moderator.post(`/collections/${name}/participants`, { login: writer.login, role: 'owner' })).statusCode).toBe(403);
    const workId = await postWork(writer, { title: 'Waiting Room' });
    const added = await addTo(writer, workId, name);
    expect(added.statusCode).toBe(303);
    expect(await blurbTitles(guest, `/collections/${name}`)).toEqual([]);
    expect(parsePage((await guest.get(`/works/${workId}`)).body).querySelector('dd.collections')).toBeNull();
    const mine = parsePage((await writer.get(`/collections/${name}/items`)).body);
    expect(textsOf(mine, 'li.work.blurb .item-actions .status')).toEqual(['Waiting for approval']);
    const queue = parsePage((await moderator.get(`/collections/${name}/items`)).body);
    const approve = queue.querySelector('form[action$="/approve"]')?.getAttribute('action') ?? '';
    expect(approve).toMatch(/^\/collection_items\/\d+\/approve$/);
    expect((await writer.post(approve)).statusCode).toBe(404);
    expect((await moderator.post(approve)).statusCode).toBe(303);
    expect(await blurbTitles(guest, `/collections/${name}`)).toEqual(['Waiting Room']);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'dd.collections')).toBe('Careful Gathering');
  });

  it('shows the creators of an anonymous collection as Anonymous to all but themselves and its maintainers, until revealed', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const guest = new TestClient(t.app);
    const name = await openCollection(owner, 'Masked Ball', { anonymous: true });
    const workId = await postWork(writer, { title: 'Behind the Mask', collections: name });
    for (const client of [guest, reader]) {
      const body = (await client.get(`/works/${workId}`)).body;
      expect(textOf(parsePage(body), 'h3.byline')).toBe('Anonymous');
      expect(body).not.toContain(writer.login);
      expect(await blurbTitles(client, `/users/${writer.login}/works`)).toEqual([]);
      const api = (await t.app.inject({ url: `/api/v1/works/${workId}` })).json<{ creators: unknown[] }>();
      expect(api.creators).toEqual([{ pseud: 'Anonymous', login: null, url: null }]);
    }
    const feed = (await guest.get(`/collections/${name}/feed.atom`)).body;
    expect(feed).toContain('<title type="text">Behind the Mask</title>');
    expect(feed).toMatch(/<author>\s*<name>Anonymous<\/name>\s*<\/author>/);
    expect(feed).not.toContain(writer.login);
    const search = parsePage((await guest.get(`/works/search?work_search[query]=${encodeURIComponent(`creator:${writer.login}`)}`)).body);
    expect(textOf(search, '#results-heading')).toBe('0 Works found');
    for (const client of [writer, owner]) expect(textOf(parsePage((await client.get(`/works/${workId}`)).body), 'h3.byline')).toBe(writer.login);
    expect(await blurbTitles(writer, `/users/${writer.login}/works`)).toEqual(['Behind the Mask']);
    await owner.get(`/collections/${name}`);
    expect((await reader.post(`/collections/${name}/reveal_creators`)).statusCode).toBe(403);
    expect((await owner.post(`/collections/${name}/reveal_creators`)).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toBe(writer.login);
    expect(await blurbTitles(guest, `/users/${writer.login}/works`)).toEqual(['Behind the Mask']);
  });

  it('hides the works of an unrevealed collection as Mystery Works until the clock reveals them, exactly once', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const writer = await signUp(t.app);
    const guest = new TestClient(t.app);
    const at = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    const name = await openCollection(owner, 'Sealed Letters', { unrevealed: true, revealWorksAt: at });
    const workId = await postWork(writer, { title: 'Hidden Ink', collections: name });
    const hidden = await guest.get(`/works/${workId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toContain('Mystery Work');
    expect(hidden.body).not.toContain('Hidden Ink');
    expect(textOf(parsePage((await guest.get(`/collections/${name}`)).body), '.mystery-count')).toBe('1 Mystery Work is waiting to be revealed.');
    expect(await blurbTitles(guest, '/works')).not.toContain('Hidden Ink');
    expect((await owner.get(`/works/${workId}`)).statusCode).toBe(200);
    expect((await writer.get(`/works/${workId}`)).statusCode).toBe(200);
    // The reveal clock (a recurring job) comes round before the time: nothing is revealed.
    await t.app.jobs.runOnce();
    expect((await guest.get(`/works/${workId}`)).statusCode).toBe(404);
    const later = new Date(Date.now() + 7_200_000).toISOString();
    // Two app servers' clocks at once: one reveals it, the other finds nothing left to do.
    const counts = await Promise.all([revealDue(t.app.db, later), revealDue(t.app.db, later)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await guest.get(`/works/${workId}`)).statusCode).toBe(200);
    expect(await blurbTitles(guest, `/collections/${name}`)).toEqual(['Hidden Ink']);
  });

  it('refuses a bad name, a taken name and a reveal date in the past, keeping what was typed', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const taken = await openCollection(owner, 'First Come');
    await owner.get('/collections/new');
    const bad = await owner.post('/collections', { name: 'no spaces!', title: '', description: 'Kept words.', revealWorksAt: '2001-01-01T00:00' });
    expect(bad.statusCode).toBe(422);
    const page = parsePage(bad.body);
    expect(textOf(page, '#field-name-error')).toBe('Use only letters, numbers and underscores, beginning and ending with a letter or number.');
    expect(textOf(page, '#field-title-error')).toBe('Title is required.');
    expect(textOf(page, '#field-revealWorksAt-error')).toBe('That time has passed: choose one ahead, or reveal now from the collection’s page.');
    expect(textOf(page, 'textarea[name="description"]')).toBe('Kept words.');
    const again = await owner.post('/collections', { name: taken.toUpperCase(), title: 'Second' });
    expect(textOf(parsePage(again.body), '#field-name-error')).toBe(`There is already a collection named ${taken.toUpperCase()}.`);
    expect(await t.app.db.selectFrom('collections').select('id').where('title', '=', 'Second').execute()).toEqual([]);
  });
});
