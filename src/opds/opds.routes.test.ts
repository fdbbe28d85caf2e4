import { createRequire } from 'node:module';
import type { AcquisitionFeed as AcquisitionFeedClass, NavigationFeed as NavigationFeedClass, OPDSAcquisitionLink as AcquisitionLinkClass, OPDSFeed } from 'opds-feed-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { setWrangler } from '../accounts/user.service.js';

const BASE = 'http://archive.test';
// The package is CommonJS with its parser as `exports.default`: required as such, whatever the ESM interop.
const opds = createRequire(import.meta.url)('opds-feed-parser') as {
  default: new () => { parse(xml: string): Promise<OPDSFeed> };
  AcquisitionFeed: typeof AcquisitionFeedClass; NavigationFeed: typeof NavigationFeedClass; OPDSAcquisitionLink: typeof AcquisitionLinkClass;
};
const { AcquisitionFeed, NavigationFeed, OPDSAcquisitionLink } = opds;
const parser = new opds.default();

/** Fetches a catalog address (absolute, as the feeds give them) the way an e-reader app would: no cookies. */
async function fetchFeed(client: TestClient, href: string): Promise<{ feed: OPDSFeed; type: string }> {
  expect(href.startsWith(BASE)).toBe(true);
  const response = await client.get(href.slice(BASE.length));
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return { feed: await parser.parse(response.body), type: String(response.headers['content-type']) };
}

function linkTo(feed: OPDSFeed, title: string): string {
  const entry = feed.entries.find((e) => e.title === title);
  expect(entry, `an entry "${title}" in ${feed.title}`).toBeDefined();
  const href = entry?.links[0]?.href;
  expect(href).toBeTruthy();
  return href ?? '';
}

function epubLink(feed: OPDSFeed, title: string): string {
  const entry = feed.entries.find((e) => e.title === title);
  const link = entry?.links.find((l) => l instanceof OPDSAcquisitionLink);
  expect(link?.type).toBe('application/epub+zip');
  return link?.href ?? '';
}

describeEachDatabase('OPDS catalog', (ctx: () => TestApp) => {
  let titles: string[] = [];

  it('leads an e-reader app from the root to a fandom, a work and its EPUB', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    await postWork(writer, { title: 'Tidewater Letters', fandoms: 'Harbour Lights', 'chapter.text': 'The ferryman kept every letter in a biscuit tin.' });
    await postWork(writer, { title: 'Members Only Tide', fandoms: 'Harbour Lights', restricted: '1' });
    await postWork(writer, { title: 'Unfinished Draft Tide', fandoms: 'Harbour Lights', action: 'draft' });
    // The fandom lists, like /fandoms, hold canonical fandoms: a wrangler makes this one so.
    await setWrangler(ctx().database.db, null, writer.login, true);
    expect((await writer.post('/tags/Harbour%20Lights/wrangle', { do: 'canonical_on' })).statusCode).toBe(303);
    const reader = new TestClient(app);

    const root = await fetchFeed(reader, `${BASE}/opds`);
    expect(root.feed).toBeInstanceOf(NavigationFeed);
    expect(root.type).toContain('kind=navigation');
    expect(root.feed.entries.map((e) => e.title)).toEqual(['Recently updated works', 'Fandoms', 'Popular fandoms']);

    const fandoms = await fetchFeed(reader, linkTo(root.feed, 'Fandoms'));
    expect(fandoms.feed).toBeInstanceOf(NavigationFeed);
    const fandom = await fetchFeed(reader, linkTo(fandoms.feed, 'Harbour Lights'));
    expect(fandom.feed).toBeInstanceOf(AcquisitionFeed);
    expect(fandom.type).toContain('kind=acquisition');
    // Neither the registered-users-only work nor the draft reaches a guest's app.
    expect(fandom.feed.entries.map((e) => e.title)).toEqual(['Tidewater Letters']);
    expect(fandom.feed.entries[0]?.authors[0]?.name).toBe(writer.login);

    const href = epubLink(fandom.feed, 'Tidewater Letters');
    const download = await reader.get(href.slice(BASE.length));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/epub+zip');
    const files = unzipSync(new Uint8Array(download.rawPayload));
    expect(strFromU8(files.mimetype ?? new Uint8Array())).toBe('application/epub+zip');
    const chapters = Object.entries(files).filter(([name]) => /chapter.*\.xhtml$/.test(name)).map(([, data]) => strFromU8(data)).join('');
    expect(chapters).toContain('The ferryman kept every letter in a biscuit tin.');
    titles = ['Tidewater Letters'];
  });

  it('leads from a work to its series, a feed of its parts in order with the whole series as one EPUB first', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const first = await postWork(writer, { title: 'Lamplight, Part One', fandoms: 'Series Shore' });
    const second = await postWork(writer, { title: 'Lamplight, Part Two', fandoms: 'Series Shore' });
    for (const [workId, extra] of [[first, { new_title: 'The Lamplight Cycle', series_id: '' }], [second, {}]] as const) {
      const form = await writer.get(`/works/${workId}/series/new`);
      const seriesId = /<option value="(\d+)"[^>]*>The Lamplight Cycle/.exec(form.body)?.[1] ?? '';
      const response = await writer.post(`/works/${workId}/series`, { series_id: seriesId, new_title: '', position: '', ...extra });
      expect(response.statusCode).toBe(303);
    }
    const reader = new TestClient(app);
    const recent = await fetchFeed(reader, `${BASE}/opds/recent`);
    const entry = recent.feed.entries.find((e) => e.title === 'Lamplight, Part Two');
    const related = entry?.links.find((l) => l.rel === 'related');
    expect(related?.title).toBe('Part 2 of The Lamplight Cycle');
    const series = await fetchFeed(reader, related?.href ?? '');
    expect(series.feed).toBeInstanceOf(AcquisitionFeed);
    expect(series.feed.entries.map((e) => e.title)).toEqual(['The Lamplight Cycle (the whole series)', 'Lamplight, Part One', 'Lamplight, Part Two']);
    const whole = await reader.get(epubLink(series.feed, 'The Lamplight Cycle (the whole series)').slice(BASE.length));
    expect(whole.headers['content-type']).toBe('application/epub+zip');
    expect((await reader.get('/opds/series/999999')).statusCode).toBe(404);
  });

  it('shows registered-users-only works to a logged-in reader', async () => {
    const { app } = ctx();
    const member = await signUp(app);
    const recent = await fetchFeed(member, `${BASE}/opds/recent`);
    expect(recent.feed.entries.map((e) => e.title)).toContain('Members Only Tide');
    expect(recent.feed.entries.map((e) => e.title)).not.toContain('Unfinished Draft Tide');
    const guest = await fetchFeed(new TestClient(app), `${BASE}/opds/recent`);
    expect(guest.feed.entries.map((e) => e.title)).not.toContain('Members Only Tide');
  });

  it('searches through its OpenSearch description', async () => {
    const { app } = ctx();
    const reader = new TestClient(app);
    const root = await fetchFeed(reader, `${BASE}/opds`);
    const search = root.feed.links.find((l) => l.rel === 'search');
    expect(search?.type).toBe('application/opensearchdescription+xml');
    const description = await reader.get((search?.href ?? '').slice(BASE.length));
    expect(description.statusCode).toBe(200);
    const template = /<Url [^>]*template="([^"]+)"/.exec(description.body)?.[1] ?? '';
    expect(template).toContain('{searchTerms}');
    const results = await fetchFeed(reader, template.replace('{searchTerms}', encodeURIComponent('ferryman biscuit')));
    expect(results.feed).toBeInstanceOf(AcquisitionFeed);
    expect(results.feed.entries.map((e) => e.title)).toEqual(titles);
  });

  it('pages a long list with next and previous links', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    for (let i = 1; i <= 26; i++) await postWork(writer, { title: `Paged Tide ${String(i).padStart(2, '0')}`, fandoms: 'Paging Shore' });
    const reader = new TestClient(app);
    const first = await fetchFeed(reader, `${BASE}/opds/fandoms/Paging%20Shore`);
    expect(first.feed.entries).toHaveLength(25);
    expect(first.feed.search.totalResults).toBe(26);
    const next = first.feed.links.find((l) => l.rel === 'next');
    expect(next).toBeDefined();
    const second = await fetchFeed(reader, next?.href ?? '');
    expect(second.feed.entries.map((e) => e.title)).toEqual(['Paged Tide 01']);
    expect(second.feed.links.find((l) => l.rel === 'previous')?.href).toBe(`${BASE}/opds/fandoms/Paging%20Shore`);
    expect(second.feed.links.find((l) => l.rel === 'next')).toBeUndefined();
  });

  it('answers 404 for a fandom that does not exist', async () => {
    const response = await new TestClient(ctx().app).get('/opds/fandoms/No%20Such%20Fandom');
    expect(response.statusCode).toBe(404);
  });
});
