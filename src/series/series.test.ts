// Series on both databases: a creator gathers works in order, the work page says "Part N of" with
// the works before and after (AO3's dd.series), the series page lists its works as the viewer may
// see them, positions never collide, and guests' cached pages follow every change.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { unzipEpub } from '../downloads/fixtures/epub-files.js';

async function addToSeries(client: TestClient, workId: number, fields: Record<string, string>) {
  await client.get(`/works/${workId}/series/new`);
  return client.post(`/works/${workId}/series`, fields);
}

function seriesIdFrom(location: unknown): number {
  return Number(/^\/series\/(\d+)$/.exec(String(location))?.[1]);
}

const seriesLine = (doc: Document): string => textOf(doc, 'dl.work.meta dd.series') ?? '';

describeEachDatabase('series', (ctx) => {
  it('gathers works in order: the work page says which part it is and links the works beside it', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const first = await postWork(writer, { title: 'Salt and Signal' });
    const second = await postWork(writer, { title: 'The Keeper’s Log' });
    const third = await postWork(writer, { title: 'Low Water' });
    const made = await addToSeries(writer, first, { series_id: '', new_title: 'The Lamp Trilogy', position: '' });
    expect(made.statusCode, made.body.slice(0, 300)).toBe(303);
    const seriesId = seriesIdFrom(made.headers.location);
    expect((await addToSeries(writer, third, { series_id: String(seriesId), new_title: '', position: '3' })).statusCode).toBe(303);
    expect((await addToSeries(writer, second, { series_id: String(seriesId), new_title: '', position: '2' })).statusCode).toBe(303);

    const guest = new TestClient(t.app);
    const middle = parsePage((await guest.get(`/works/${second}`)).body);
    expect(textOf(middle, 'dl.work.meta dt.series')).toBe('Series:');
    expect(textOf(middle, 'dd.series span.position')).toBe('Part 2 of The Lamp Trilogy');
    expect(middle.querySelector('dd.series span.position a')?.getAttribute('href')).toBe(`/series/${seriesId}`);
    expect(middle.querySelector('dd.series a.previous')?.getAttribute('href')).toBe(`/works/${first}`);
    expect(middle.querySelector('dd.series a.next')?.getAttribute('href')).toBe(`/works/${third}`);
    expect(seriesLine(parsePage((await guest.get(`/works/${first}`)).body))).toBe('Part 1 of The Lamp Trilogy Next Work →');

    const page = parsePage((await guest.get(`/series/${seriesId}`)).body);
    expect(textOf(page, 'div.series-show h2.heading')).toBe('The Lamp Trilogy');
    expect(textsOf(page, 'ul.series.work.index li.work h4 a:first-child')).toEqual(['Salt and Signal', 'The Keeper’s Log', 'Low Water']);
    expect(textOf(page, 'dl.series dd.works')).toBe('3');
    expect(textOf(page, 'dl.series dd.complete')).toBe('No');
    expect(page.querySelector('dl.series dd a[rel="author"]')?.textContent).toBe(writer.login);
    expect(page.querySelector('a[href$="/edit"]')).toBeNull();
    expect(textsOf(parsePage((await guest.get(`/users/${writer.login}/series`)).body), 'li.series.blurb h4 a:first-child')).toEqual(['The Lamp Trilogy']);
    // Listings and search say which part each work is, as AO3's blurbs do.
    const listed = parsePage((await guest.get(`/users/${writer.login}/works`)).body);
    expect(textOf(listed, `li#work_${second} ul.series li`)).toBe('Part 2 of The Lamp Trilogy');
    expect(listed.querySelector(`li#work_${second} ul.series a`)?.getAttribute('href')).toBe(`/series/${seriesId}`);
    const found = parsePage((await guest.get('/works/search?work_search%5Bquery%5D=%22Low+Water%22')).body);
    expect(textOf(found, `li#work_${third} ul.series li`)).toBe('Part 3 of The Lamp Trilogy');
  });

  it('refuses a part that is taken, a work that is not yours, and a series without a title, keeping what was typed', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const other = await signUp(t.app);
    const one = await postWork(writer, { title: 'Tide Tables' });
    const two = await postWork(writer, { title: 'Ebb' });
    const seriesId = seriesIdFrom((await addToSeries(writer, one, { series_id: '', new_title: 'Almanac', position: '' })).headers.location);
    const taken = await addToSeries(writer, two, { series_id: String(seriesId), new_title: '', position: '1' });
    expect(taken.statusCode).toBe(422);
    const doc = parsePage(taken.body);
    expect(textOf(doc, '#field-position-error')).toBe('Part 1 of that series is already “Tide Tables”. Choose another part, or leave it empty to add this work at the end.');
    expect(doc.querySelector('input[name="position"]')?.getAttribute('value')).toBe('1');
    expect(doc.querySelector('select[name="series_id"] option[selected]')?.getAttribute('value')).toBe(String(seriesId));
    const untitled = await addToSeries(writer, two, { series_id: '', new_title: '  ', position: 'two' });
    expect(untitled.statusCode).toBe(422);
    expect(textOf(parsePage(untitled.body), '#field-series_id-error')).toBe('Choose one of your series, or give a title for a new one.');
    expect(textOf(parsePage(untitled.body), '#field-position-error')).toBe('Give a whole number from 1, or leave it empty to add the work at the end.');
    // Nothing was half-written: the series still holds one work.
    expect(textOf(parsePage((await writer.get(`/series/${seriesId}`)).body), 'dl.series dd.works')).toBe('1');
    // Another member can neither add to this series nor add a work that is not theirs.
    const theirs = await postWork(other, { title: 'Not Yours' });
    expect(textOf(parsePage((await addToSeries(other, theirs, { series_id: String(seriesId), new_title: '', position: '' })).body), '#field-series_id-error')).toBe('Choose one of your own series.');
    await other.get(`/works/${theirs}`);
    expect((await other.post(`/works/${one}/series`, { series_id: '', new_title: 'Mine now', position: '' })).statusCode).toBe(403);
    expect((await other.get(`/series/${seriesId}/edit`)).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(`/works/${one}/series/new`)).statusCode).toBe(401);
  });

  it('shows each reader only the parts they may read, numbered among themselves', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const member = await signUp(t.app);
    const open = await postWork(writer, { title: 'Open Water' });
    const locked = await postWork(writer, { title: 'Members’ Harbour', restricted: '1' });
    const draft = await postWork(writer, { title: 'Unfinished Map', action: 'draft' });
    const last = await postWork(writer, { title: 'Last Light' });
    const seriesId = seriesIdFrom((await addToSeries(writer, open, { series_id: '', new_title: 'Charts', position: '' })).headers.location);
    for (const id of [locked, draft, last]) expect((await addToSeries(writer, id, { series_id: String(seriesId), new_title: '', position: '' })).statusCode).toBe(303);
    const guest = new TestClient(t.app);
    const titles = async (client: TestClient) => textsOf(parsePage((await client.get(`/series/${seriesId}`)).body), 'ul.series.work.index li.work h4 a:first-child');
    expect(await titles(guest)).toEqual(['Open Water', 'Last Light']);
    expect(await titles(member)).toEqual(['Open Water', 'Members’ Harbour', 'Last Light']);
    // A draft is in no listing, this one included, until it is posted.
    expect(await titles(writer)).toEqual(['Open Water', 'Members’ Harbour', 'Last Light']);
    expect(textOf(parsePage((await guest.get(`/works/${last}`)).body), 'dd.series span.position')).toBe('Part 2 of Charts');
    expect(parsePage((await guest.get(`/works/${last}`)).body).querySelector('dd.series a.previous')?.getAttribute('href')).toBe(`/works/${open}`);
    expect(textOf(parsePage((await member.get(`/works/${last}`)).body), 'dd.series span.position')).toBe('Part 3 of Charts');
    expect(textOf(parsePage((await guest.get('/works')).body), `li#work_${last} ul.series li`)).toBe('Part 2 of Charts');
    expect(textOf(parsePage((await member.get('/works')).body), `li#work_${last} ul.series li`)).toBe('Part 3 of Charts');
    // Downloads say the same, each to its reader (a guest's file never comes from a member's).
    const seriesOf = async (client: TestClient) => /Series: .*/.exec((await client.get(`/downloads/${last}/Last_Light.txt`)).body)?.[0];
    expect(await seriesOf(member)).toBe(`Series: Part 3 of Charts (http://archive.test/series/${seriesId})`);
    expect(await seriesOf(guest)).toBe(`Series: Part 2 of Charts (http://archive.test/series/${seriesId})`);
    // The whole series as one EPUB holds the works its reader may read, and nothing else.
    const link = parsePage((await guest.get(`/series/${seriesId}`)).body).querySelector('dd.download a')?.getAttribute('href') ?? '';
    expect(link).toBe(`/downloads/series/${seriesId}/Charts.epub`);
    const parts = async (client: TestClient) => {
      const response = await client.get(link);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/epub+zip');
      const nav = unzipEpub(new Uint8Array(response.rawPayload)).get('EPUB/nav.xhtml') ?? '';
      return [...nav.matchAll(/>(Part \d+: [^<]+)</g)].map((m) => m[1]);
    };
    expect(await parts(guest)).toEqual(['Part 1: Open Water', 'Part 2: Last Light']);
    expect(await parts(member)).toEqual(['Part 1: Open Water', 'Part 2: Members’ Harbour', 'Part 3: Last Light']);
    // A series none of whose works a reader may see does not exist for them.
    const hidden = seriesIdFrom((await addToSeries(writer, draft, { series_id: '', new_title: 'Secret Charts', position: '' })).headers.location);
    expect((await guest.get(`/series/${hidden}`)).statusCode).toBe(404);
    expect((await member.get(`/series/${hidden}`)).statusCode).toBe(404);
    expect((await member.get(`/series/${hidden}/edit`)).statusCode).toBe(404);
    expect((await guest.get(`/downloads/series/${hidden}/Secret_Charts.epub`)).statusCode).toBe(404);
    // The API answers the same as the pages.
    const api = async (client: TestClient, path: string) => JSON.parse((await client.get(path)).body) as Record<string, unknown>;
    const asGuest = await api(guest, `/api/v1/series/${seriesId}`);
    expect(asGuest).toMatchObject({ id: seriesId, title: 'Charts', url: `http://archive.test/series/${seriesId}`, complete: false });
    expect((asGuest.works as Array<{ title: string }>).map((w) => w.title)).toEqual(['Open Water', 'Last Light']);
    expect(((await api(member, `/api/v1/series/${seriesId}`)).works as unknown[]).length).toBe(3);
    expect((await guest.get(`/api/v1/series/${hidden}`)).statusCode).toBe(404);
    expect((await api(guest, `/api/v1/works/${last}`)).series).toEqual([{ id: seriesId, title: 'Charts', part: 2, url: `http://archive.test/series/${seriesId}` }]);
    expect((await api(member, `/api/v1/works/${last}`)).series).toEqual([{ id: seriesId, title: 'Charts', part: 3, url: `http://archive.test/series/${seriesId}` }]);
    expect(textsOf(parsePage((await guest.get(`/users/${writer.login}/series`)).body), 'li.series.blurb h4 a:first-child')).toEqual(['Charts']);
  });

  it('reorders, retitles and takes works out from the Edit page; guests’ cached pages follow at once', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const a = await postWork(writer, { title: 'Alpha Tide' });
    const b = await postWork(writer, { title: 'Beta Tide' });
    const c = await postWork(writer, { title: 'Gamma Tide' });
    const seriesId = seriesIdFrom((await addToSeries(writer, a, { series_id: '', new_title: 'Tides', position: '' })).headers.location);
    await addToSeries(writer, b, { series_id: String(seriesId), new_title: '', position: '' });
    const guest = new TestClient(t.app);
    // Read twice: the second answer comes from the guests' page cache.
    await guest.get(`/works/${a}`);
    expect(seriesLine(parsePage((await guest.get(`/works/${a}`)).body))).toBe('Part 1 of Tides Next Work →');
    await addToSeries(writer, c, { series_id: String(seriesId), new_title: '', position: '' });

    const edit = parsePage((await writer.get(`/series/${seriesId}/edit`)).body);
    expect(edit.querySelector(`input[name="position_${b}"]`)?.getAttribute('value')).toBe('2');
    const clash = await writer.post(`/series/${seriesId}/edit`, { title: 'Tides', summary: '', notes: '', [`position_${a}`]: '2', [`position_${b}`]: '2', [`position_${c}`]: '3' });
    expect(clash.statusCode).toBe(422);
    expect(textOf(parsePage(clash.body), `#field-position_${b}-error`)).toBe('Part 2 is given to two works: give each its own part.');
    const saved = await writer.post(`/series/${seriesId}/edit`, {
      title: 'The Tides', summary: 'Three tides. <script>alert(1)</script><em>Salt.</em>', notes: '', complete: '1',
      [`position_${a}`]: '2', [`position_${b}`]: '1', [`position_${c}`]: '3', [`remove_${c}`]: '1',
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const page = parsePage((await guest.get(`/series/${seriesId}`)).body);
    expect(textsOf(page, 'ul.series.work.index li.work h4 a:first-child')).toEqual(['Beta Tide', 'Alpha Tide']);
    expect(page.querySelector('dl.series blockquote.userstuff')?.innerHTML).toBe('<p>Three tides. <em>Salt.</em></p>');
    expect(textOf(page, 'dl.series dd.complete')).toBe('Yes');
    expect(seriesLine(parsePage((await guest.get(`/works/${a}`)).body))).toBe('← Previous Work Part 2 of The Tides');
    expect(parsePage((await guest.get(`/works/${c}`)).body).querySelector('dd.series')).toBeNull();

    // Deleting a work takes it out of its series, and the work beside it stops linking to it.
    await writer.get(`/works/${b}/confirm_delete`);
    expect((await writer.post(`/works/${b}/delete`)).statusCode).toBe(303);
    expect(seriesLine(parsePage((await guest.get(`/works/${a}`)).body))).toBe('Part 1 of The Tides');
    expect((await t.database.db.selectFrom('series_works').select('work_id').where('series_id', '=', seriesId).execute()).map((r) => r.work_id)).toEqual([a]);
    // Deleting the series leaves its works.
    expect((await writer.post(`/series/${seriesId}/delete`)).statusCode).toBe(303);
    expect((await guest.get(`/series/${seriesId}`)).statusCode).toBe(404);
    expect((await guest.get(`/works/${a}`)).statusCode).toBe(200);
    expect(parsePage((await guest.get(`/works/${a}`)).body).querySelector('dd.series')).toBeNull();
  });
});
