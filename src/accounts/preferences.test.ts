// A member's reading preferences through the pages, on both databases: adult works without the
// notice, warnings and additional tags folded until clicked, the entire work at once, and a time
// zone for dates; each changes only what that member sees, never a guest's (cached) page.
import { expect, it } from 'vitest';
import { TestClient, type Fields } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

/** Saves a member's preferences from the form (boxes not named are left unticked) and follows the redirect, as a browser does. */
async function choose(client: TestClient & { login: string }, fields: Fields): Promise<Document> {
  await client.get(`/users/${client.login}/preferences`);
  const saved = await client.post(`/users/${client.login}/preferences`, fields);
  expect(saved.statusCode, saved.body.slice(0, 600)).toBe(303);
  return page(client, String(saved.headers.location));
}

async function page(client: TestClient, path: string): Promise<Document> {
  return parsePage((await client.get(path)).body);
}

describeEachDatabase('reading preferences', (ctx) => {
  it('saves the choices, and refuses a time zone not on the list with everything else kept as typed', async () => {
    const reader = await signUp(ctx().app);
    const path = `/users/${reader.login}/preferences`;
    await reader.get(path);
    const refused = await reader.post(path, { view_adult: '1', hide_freeforms: '1', email_comments: '1', time_zone: 'Atlantis/Lost_City' });
    expect(refused.statusCode).toBe(422);
    const form = parsePage(refused.body);
    expect(textOf(form, '#field-time_zone-error')).toBe('Choose a time zone from the list.');
    expect(form.querySelector('input[name=view_adult]')?.hasAttribute('checked')).toBe(true);
    expect(form.querySelector('input[name=hide_freeforms]')?.hasAttribute('checked')).toBe(true);
    expect(form.querySelector('input[name=hide_warnings]')?.hasAttribute('checked')).toBe(false);
    expect(form.querySelector('#field-time_zone option[selected]')?.getAttribute('value')).toBe('Atlantis/Lost_City');
    // Nothing was saved.
    expect((await page(reader, path)).querySelector('input[name=view_adult]')?.hasAttribute('checked')).toBe(false);

    const saved = await choose(reader, { view_adult: '1', view_full_work: '1', email_comments: '1', time_zone: 'Pacific/Auckland' });
    expect(textOf(saved, '.flash')).toContain('Preferences saved');
    expect(saved.querySelector('input[name=view_adult]')?.hasAttribute('checked')).toBe(true);
    expect(saved.querySelector('input[name=view_full_work]')?.hasAttribute('checked')).toBe(true);
    expect(saved.querySelector('input[name=hide_freeforms]')?.hasAttribute('checked')).toBe(false);
    expect(saved.querySelector('#field-time_zone option[selected]')?.getAttribute('value')).toBe('Pacific/Auckland');
    expect(textsOf(saved, '#field-time_zone option').slice(0, 1)).toEqual(['UTC']);
    // The reading history keeps its own switch: saving this form leaves it on.
    expect((await page(reader, `/users/${reader.login}/readings`)).body.textContent).toContain('Stop keeping a history');
  });

  it('opens adult works without the notice for a member who chose so, and for nobody else', async () => {
    const writer = await signUp(ctx().app);
    const bold = await signUp(ctx().app);
    const careful = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Storm Season', rating: 'Explicit' });
    await choose(bold, { view_adult: '1' });
    const read = await page(bold, `/works/${id}`);
    expect(textOf(read, '.userstuff.module')).toContain('The lamp had to be lit');
    expect(read.querySelector('.adult-notice')).toBeNull();
    for (const other of [careful, new TestClient(ctx().app)]) {
      const notice = await page(other, `/works/${id}`);
      expect(textOf(notice, 'p.caution')).toContain('This work could have adult content');
      expect(notice.body.textContent).not.toContain('The lamp had to be lit');
    }
    await choose(bold, {});
    expect(textOf(await page(bold, `/works/${id}`), 'p.caution')).toContain('This work could have adult content');
  });

  it('folds warnings and additional tags behind a button on the work and in listings, search and bookmarks; guests see them', async () => {
    const writer = await signUp(ctx().app);
    const reader = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Low Water Mark', warnings: 'Major Character Death', freeforms: 'Shipwrecks, Grief' });
    const guest = new TestClient(ctx().app);
    // A guest's page goes into the shared cache first: the member's choices must not reach it, nor it them.
    const before = (await guest.get(`/works/${id}`)).body;
    await reader.get(`/works/${id}/bookmarks/new`);
    expect((await reader.post(`/works/${id}/bookmarks`, { notes: '' })).statusCode).toBe(303);
    await choose(reader, { hide_warnings: '1', hide_freeforms: '1' });

    const work = await page(reader, `/works/${id}`);
    expect(textOf(work, 'dd.warning.tags details.folded-tags summary')).toContain('Show warnings');
    expect(textOf(work, 'dd.warning.tags details.folded-tags a.tag')).toBe('Major Character Death');
    expect(textOf(work, 'dd.freeform.tags details.folded-tags summary')).toContain('Show additional tags');
    expect(textsOf(work, 'dd.freeform.tags details.folded-tags a.tag')).toEqual(['Shipwrecks', 'Grief']);
    expect(work.querySelector('dd.character.tags details')).toBeNull();

    for (const listing of ['/works', `/users/${writer.login}/works`, '/works/search?work_search[query]=water', `/users/${reader.login}/bookmarks`]) {
      const blurb = (await page(reader, listing)).querySelector(`li#work_${id}`);
      expect(blurb, listing).not.toBeNull();
      if (blurb === null) continue;
      expect(textsOf(blurb, 'ul.tags li.folded > details > summary .when-closed'), listing).toEqual(['Show warnings', 'Show additional tags']);
      expect(textsOf(blurb, 'ul.tags li.folded li.warnings a.tag'), listing).toEqual(['Major Character Death']);
      expect(blurb.querySelector('ul.required-tags span.warnings')?.getAttribute('title'), listing).not.toContain('Major Character Death');
    }

    const guestWork = (await guest.get(`/works/${id}`)).body;
    expect(guestWork).toBe(before);
    expect(parsePage(guestWork).querySelector('details.folded-tags')).toBeNull();
    expect(textOf(parsePage(guestWork), 'dd.warning.tags > ul.commas a.tag')).toBe('Major Character Death');
    const guestListing = (await page(guest, '/works')).querySelector(`li#work_${id}`);
    expect(guestListing?.querySelector('details.folded-tags')).toBeNull();
    expect(guestListing?.querySelector('ul.required-tags span.warnings')?.getAttribute('title')).toBe('Major Character Death');
  });

  it('shows the entire work by default to a member who chose it, with each chapter still one at a time', async () => {
    const writer = await signUp(ctx().app);
    const reader = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Three Tides', expectedChapters: '3' });
    for (const title of ['Second Tide', 'Third Tide']) {
      await writer.get(`/works/${id}/chapters/new`);
      await writer.post(`/works/${id}/chapters`, { title, summary: '', notes: '', endNotes: '', text: `${title}: the water came in over the stones.`, action: 'post' });
    }
    await choose(reader, { view_full_work: '1' });
    const full = await page(reader, `/works/${id}`);
    expect(full.querySelectorAll('#chapters > div.chapter')).toHaveLength(3);
    const byChapter = full.querySelector('li.chapter.bychapter a')?.getAttribute('href') ?? '';
    expect(byChapter).toMatch(new RegExp(`^/works/${id}/chapters/\\d+$`));
    expect((await page(reader, byChapter)).querySelectorAll('#chapters > div.chapter')).toHaveLength(1);
    expect((await page(reader, `/works/${id}?view_full_work=false`)).querySelectorAll('#chapters > div.chapter')).toHaveLength(1);
    expect((await page(new TestClient(ctx().app), `/works/${id}`)).querySelectorAll('#chapters > div.chapter')).toHaveLength(1);
  });

  it('shows comment times and bookmark dates in the member\'s time zone; guests and other members read UTC', async () => {
    const writer = await signUp(ctx().app);
    const reader = await signUp(ctx().app);
    const plain = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Night Ferry' });
    await reader.get(`/works/${id}`);
    expect((await reader.post(`/works/${id}/comments`, { comment: 'The crossing felt endless.' })).statusCode).toBe(303);
    await reader.get(`/works/${id}/bookmarks/new`);
    expect((await reader.post(`/works/${id}/bookmarks`, { notes: '' })).statusCode).toBe(303);
    // Late on 5 March in UTC is already 6 March in Tokyo.
    const at = '2024-03-05T23:30:00.000Z';
    await ctx().app.db.updateTable('comments').set({ created_at: at }).where('work_id', '=', id).execute();
    await ctx().app.db.updateTable('bookmarks').set({ created_at: at }).where('work_id', '=', id).execute();
    await choose(reader, { time_zone: 'Asia/Tokyo' });

    const comments = `/works/${id}?show_comments=true`;
    expect(textOf(await page(reader, comments), 'li.comment .posted.datetime')).toBe('2024-03-06 08:30 GMT+9');
    expect(textOf(await page(reader, `/users/${reader.login}/bookmarks`), '.user.module .datetime')).toBe('2024-03-06');
    for (const other of [plain, new TestClient(ctx().app)]) {
      expect(textOf(await page(other, comments), 'li.comment .posted.datetime')).toBe('2024-03-05 23:30 UTC');
      expect(textOf(await page(other, `/users/${reader.login}/bookmarks`), '.user.module .datetime')).toBe('2024-03-05');
    }
  });
});
