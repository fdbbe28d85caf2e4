import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import { SaxesParser } from 'saxes';
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';
import { creatorAuthors } from './feed.service.js';
import { ANONYMOUS } from '../works/work-view.js';
import { feedLinkForTag, tagParam } from '../tags/tag-url.js';
import { renderAtomFeed } from './views/atom-feed.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const BASE = 'http://archive.test';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An element of the feed as a strict XML parser read it. */
type XmlNode = { name: string; uri: string; attributes: Record<string, string>; children: XmlNode[]; text: string };

/** Parses with saxes, which throws on anything that is not well-formed XML 1.0 with namespaces. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const top: XmlNode = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
  const stack = [top];
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: XmlNode = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => { const node = stack.at(-1); if (node) node.text += text; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(xml).close();
  expect(top.children).toHaveLength(1);
  return top.children[0] as XmlNode;
}

const all = (node: XmlNode, name: string) => node.children.filter((c) => c.uri === ATOM && c.name === name);

function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name);
  expect(found, `${node.name} needs exactly one ${name}`).toHaveLength(1);
  return found[0] as XmlNode;
}

function expectAbsoluteIri(value: string | undefined): void {
  expect(value).toMatch(/^[a-z][a-z0-9+.-]*:[^\s]+$/i);
  expect(() => new URL(value ?? '')).not.toThrow();
}

function expectDate(node: XmlNode): void {
  expect(node.text).toMatch(RFC3339);
  expect(Number.isNaN(Date.parse(node.text))).toBe(false);
}

function expectTextConstruct(node: XmlNode): void {
  expect(['text', 'html', 'xhtml', undefined]).toContain(node.attributes.type);
}

function expectPerson(node: XmlNode): void {
  expect(one(node, 'name').text).not.toBe('');
  expect(all(node, 'uri').length).toBeLessThanOrEqual(1);
  for (const uri of all(node, 'uri')) expectAbsoluteIri(uri.text);
}

/** At most one alternate link per type and hreflang (RFC 4287 4.1.1 and 4.1.2), each with an href. */
function expectLinks(node: XmlNode): XmlNode[] {
  const links = all(node, 'link');
  for (const link of links) expectAbsoluteIri(link.attributes.href);
  const alternates = links.filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate');
  const kinds = alternates.map((l) => `${l.attributes.type ?? ''} ${l.attributes.hreflang ?? ''}`);
  expect(new Set(kinds).size).toBe(kinds.length);
  return alternates;
}

function expectValidEntry(entry: XmlNode, feedHasAuthor: boolean): void {
  expectAbsoluteIri(one(entry, 'id').text);
  expectTextConstruct(one(entry, 'title'));
  expectDate(one(entry, 'updated'));
  expect(all(entry, 'published').length).toBeLessThanOrEqual(1);
  for (const published of all(entry, 'published')) expectDate(published);
  if (!feedHasAuthor) expect(all(entry, 'author').length).toBeGreaterThan(0);
  for (const author of all(entry, 'author')) expectPerson(author);
  const alternates = expectLinks(entry);
  if (all(entry, 'content').length === 0) expect(alternates.length).toBeGreaterThan(0);
  expect(all(entry, 'summary').length).toBeLessThanOrEqual(1);
  for (const summary of all(entry, 'summary')) expectTextConstruct(summary);
  for (const category of all(entry, 'category')) expect(category.attributes.term).toBeTruthy();
}

/** Every element RFC 4287 requires of a feed and its entries. */
function expectValidAtom(feed: XmlNode): void {
  expect([feed.uri, feed.name]).toEqual([ATOM, 'feed']);
  expectAbsoluteIri(one(feed, 'id').text);
  expectTextConstruct(one(feed, 'title'));
  expectDate(one(feed, 'updated'));
  const authors = all(feed, 'author');
  expect(authors.length).toBeGreaterThan(0);
  for (const author of authors) expectPerson(author);
  expectLinks(feed);
  expect(all(feed, 'link').filter((l) => l.attributes.rel === 'self')).toHaveLength(1);
  const entries = all(feed, 'entry');
  for (const entry of entries) expectValidEntry(entry, authors.length > 0);
  const ids = entries.map((e) => one(e, 'id').text);
  expect(new Set(ids).size).toBe(ids.length);
}

const feedPath = (name: string) => `/tags/${tagParam(name)}/feed.atom`;

/** Fetches a feed, checks it is well-formed, valid Atom, and readable by a real feed parser. */
async function fetchFeed(app: FastifyInstance, name: string, client = new TestClient(app)) {
  const response = await client.get(feedPath(name));
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const root = parseXml(response.body);
  expectValidAtom(root);
  return { body: response.body, root, feed: parseFeed(response.body) };
}

async function tagId(ctx: TestApp, name: string): Promise<number> {
  return (await ctx.database.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** Wrangling straight in the database (the wrangling pages are tested elsewhere). */
async function makeSynonym(ctx: TestApp, synonym: string, canonical: string): Promise<void> {
  const { db } = ctx.database;
  await db.updateTable('tags').set({ canonical: 1 }).where('name', '=', canonical).execute();
  await db.updateTable('tags').set({ canonical: 0, merger_id: await tagId(ctx, canonical) }).where('name', '=', synonym).execute();
}

async function makeSubtag(ctx: TestApp, sub: string, meta: string): Promise<void> {
  const { db } = ctx.database;
  await db.updateTable('tags').set({ canonical: 1 }).where('name', 'in', [sub, meta]).execute();
  await db.insertInto('meta_tags').values({ meta_id: await tagId(ctx, meta), sub_id: await tagId(ctx, sub) }).execute();
}

const unique = (prefix: string) => `${prefix} ${uniqueLogin('')}`;

describeEachDatabase('tag feeds', (ctx) => {
  it('lists the 25 newest of 30 works, newest update first, and is updated when the newest one was', async () => {
    const writer = await signUp(ctx().app);
    const fandom = unique('Tidewater Chronicles');
    const ids = new Map<number, number>();
    for (let i = 0; i < 30; i++) {
      // Posted out of order, so the feed's order can only come from the update dates.
      const day = ((i * 7) % 30) + 1;
      const date = `2024-03-${String(day).padStart(2, '0')}`;
      ids.set(day, await postWork(writer, { title: `Tide of day ${day}`, fandoms: fandom, backdate: date }));
    }
    const { feed, root } = await fetchFeed(ctx().app, fandom);
    const days = Array.from({ length: 25 }, (_, i) => 30 - i);
    expect(feed.items.map((item) => item.title)).toEqual(days.map((day) => `Tide of day ${day}`));
    expect(feed.items.map((item) => item.url)).toEqual(days.map((day) => `${BASE}/works/${ids.get(day) ?? 0}`));
    expect(feed.items[0]?.updated?.toISOString()).toBe('2024-03-30T00:00:00.000Z');
    expect(feed.items[24]?.updated?.toISOString()).toBe('2024-03-06T00:00:00.000Z');
    expect(one(root, 'updated').text).toBe(one(all(root, 'entry')[0] as XmlNode, 'updated').text);
    expect(feed.updated?.getTime()).toBe(Math.max(...feed.items.map((item) => item.updated?.getTime() ?? 0)));
  });

  it('describes the feed and each work: title, creators, summary with its facts, tags and links', async () => {
    const writer = await signUp(ctx().app);
    await writer.get(`/users/${writer.login}/pseuds`);
    expect((await writer.post(`/users/${writer.login}/pseuds`, { name: 'Night Owl', description: '' })).statusCode).toBe(303);
    const form = parsePage((await writer.get('/works/new')).body);
    const owl = Array.from(form.querySelectorAll('input[name="pseuds"]')).find((i) => i.parentElement?.textContent.includes('Night Owl'))?.getAttribute('value') ?? '';
    const fandom = unique('Lamplight');
    const named = await postWork(writer, { fandoms: fandom, relationships: 'Mara Quill/Tobias Fenn', rating: 'Teen And Up Audiences' });
    const byOwl = await postWork(writer, { title: 'By the Owl', fandoms: fandom, pseuds: owl });
    const { feed, root } = await fetchFeed(ctx().app, fandom);

    expect(feed.title).toBe(`${fandom} works on Bindery`);
    expect(feed.self).toBe(`${BASE}${feedPath(fandom)}`);
    expect(feed.url).toBe(`${BASE}/tags/${tagParam(fandom)}/works`);
    expect(feed.authors.map((a) => a.name)).toEqual(['Bindery']);
    expect(feed.generator?.label).toBe('Bindery');
    expect(one(root, 'id').text).toBe(`tag:archive.test,2026:tags/${await tagId(ctx(), fandom)}`);

    const [owlItem, namedItem] = feed.items;
    expect(owlItem?.title).toBe('By the Owl');
    expect(owlItem?.authors).toEqual([{ name: `Night Owl (${writer.login})`, url: `${BASE}/users/${writer.login}/pseuds/Night%20Owl`, email: null }]);
    expect(namedItem?.id).toBe(`tag:archive.test,2026:works/${named}`);
    expect(owlItem?.id).toBe(`tag:archive.test,2026:works/${byOwl}`);
    expect(namedItem?.authors).toEqual([{ name: writer.login, url: `${BASE}/users/${writer.login}/pseuds/${writer.login}`, email: null }]);
    expect(namedItem?.title).toBe('The Lighthouse Keeper’s Daughter');
    expect(namedItem?.url).toBe(`${BASE}/works/${named}`);
    expect(namedItem?.published?.toISOString()).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(namedItem?.description).toContain('Mara keeps the light — and a secret.');
    expect(namedItem?.description).toContain('Rating: Teen And Up Audiences · Warnings: No Archive Warnings Apply · '
      + `Fandoms: ${fandom} · Words: 26 · Chapters: 1/1`);
    expect(namedItem?.categories.map((c) => c.term)).toEqual([
      'Teen And Up Audiences', 'No Archive Warnings Apply', 'Gen', fandom, 'Mara Quill/Tobias Fenn', 'Mara Quill', 'Tobias Fenn', 'Fluff', 'Sea Stories',
    ]);
    expect(namedItem?.categories[3]).toEqual({ term: fandom, label: fandom, url: `${BASE}/tags/` });
  });

  it('includes works tagged with a synonym or a subtag, and sends a synonym or another spelling to the right feed', async () => {
    const writer = await signUp(ctx().app);
    const [canonical, synonym, sub, other] = [unique('Star Harbor'), unique('Star Harbour'), unique('Star Harbor Shipyards'), unique('Elsewhere')];
    await postWork(writer, { title: 'Under the canonical', fandoms: canonical });
    await postWork(writer, { title: 'Under the synonym', fandoms: synonym });
    await postWork(writer, { title: 'Under the subtag', fandoms: sub });
    await postWork(writer, { title: 'Somewhere else', fandoms: other });
    expect((await fetchFeed(ctx().app, canonical)).feed.items.map((i) => i.title)).toEqual(['Under the canonical']);

    await makeSynonym(ctx(), synonym, canonical);
    await makeSubtag(ctx(), sub, canonical);
    const { feed } = await fetchFeed(ctx().app, canonical);
    expect(feed.items.map((i) => i.title)).toEqual(['Under the subtag', 'Under the synonym', 'Under the canonical']);
    expect((await fetchFeed(ctx().app, sub)).feed.items.map((i) => i.title)).toEqual(['Under the subtag']);

    const guest = new TestClient(ctx().app);
    const fromSynonym = await guest.get(feedPath(synonym));
    expect(fromSynonym.statusCode).toBe(302);
    expect(fromSynonym.headers.location).toBe(feedPath(canonical));
    const otherCase = await guest.get(feedPath(canonical.toUpperCase()));
    expect(otherCase.statusCode).toBe(301);
    expect(otherCase.headers.location).toBe(feedPath(canonical));
  });

  it('shows only what a guest may see, even to a logged-in creator or reader', async () => {
    const writer = await signUp(ctx().app);
    const fandom = unique('Quiet Coves');
    await postWork(writer, { title: 'Open to all', fandoms: fandom });
    await postWork(writer, { title: 'Still a draft', fandoms: fandom, action: 'draft' });
    await postWork(writer, { title: 'Members only', fandoms: fandom, restricted: '1' });
    const reader = await signUp(ctx().app);
    expect((await reader.get(`/tags/${tagParam(fandom)}/works`)).body).toContain('Members only');
    for (const client of [writer, reader, new TestClient(ctx().app)]) {
      const { feed, body } = await fetchFeed(ctx().app, fandom, client);
      expect(feed.items.map((i) => i.title)).toEqual(['Open to all']);
      expect(body).not.toContain('Still a draft');
      expect(body).not.toContain('Members only');
    }
    const withToken = await reader.get(feedPath(fandom), { authorization: 'Bearer not-a-real-token' });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).not.toContain('Members only');
  });

  it('is an empty, valid feed dated by the tag when a canonical tag has no visible work', async () => {
    const writer = await signUp(ctx().app);
    const fandom = unique('Unwritten Shores');
    await postWork(writer, { title: 'Hidden draft', fandoms: fandom, action: 'draft' });
    // A name only a draft uses says what the draft is about: no feed until wranglers make it canonical.
    expect((await new TestClient(ctx().app).get(feedPath(fandom))).statusCode).toBe(404);
    await ctx().database.db.updateTable('tags').set({ canonical: 1 }).where('name', '=', fandom).execute();
    const { feed, root } = await fetchFeed(ctx().app, fandom);
    expect(feed.items).toEqual([]);
    const tag = await ctx().database.db.selectFrom('tags').select('created_at').where('name', '=', fandom).executeTakeFirstOrThrow();
    expect(one(root, 'updated').text).toBe(new Date(tag.created_at).toISOString());
  });

  it('exists for fandoms, characters and relationships only', async () => {
    const writer = await signUp(ctx().app);
    const [fandom, character, relationship, freeform] = [unique('Glass Isles'), unique('Ilse Varga'), unique('Ilse Varga/Oren Tal'), unique('Slow Burn')];
    await postWork(writer, { fandoms: fandom, characters: character, relationships: relationship, freeforms: freeform });
    for (const name of [fandom, character, relationship]) expect((await fetchFeed(ctx().app, name)).feed.items).toHaveLength(1);
    const guest = new TestClient(ctx().app);
    for (const name of [freeform, 'General Audiences', 'No Archive Warnings Apply', 'Gen', unique('No Such Tag')]) {
      const response = await guest.get(feedPath(name));
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
    }
  });

  it('keeps typographic punctuation and CJK exactly', async () => {
    const writer = await signUp(ctx().app);
    const character = unique('灯台守の娘 “Mara”');
    const fandom = unique('Ōkami — Shiranui…');
    const title = 'Ça commence — “ici”… 灯台守の娘';
    const summary = '“Wait—” she said… «Ça va?»\u00a0— 灯台守の娘。';
    await postWork(writer, { title, summary, fandoms: fandom, characters: character });
    const { feed, body } = await fetchFeed(ctx().app, character);
    expect(feed.title).toBe(`${character} works on Bindery`);
    expect(feed.items[0]?.title).toBe(title);
    expect(feed.items[0]?.description).toContain(summary);
    expect(feed.items[0]?.categories.map((c) => c.term)).toEqual(expect.arrayContaining([fandom, character]));
    expect(body).toContain(`<title type="text">${title}</title>`);
  });

  it('stays well-formed when titles, summaries and tags hold markup characters, quotes and control characters', async () => {
    const writer = await signUp(ctx().app);
    const fandom = unique('Tom & Jerry\'s "Chase"?');
    const id = await postWork(writer, { fandoms: fandom });
    // Past the form's checks, as older or imported data might be (both databases refuse NUL and lone surrogates themselves).
    await ctx().database.db.updateTable('works')
      .set({ title: 'Fish & <Chips> "quoted" \'single\' \u0007bell\ufffe ]]>', summary: '<p>Bad \u0001 summary &amp; more \u001f</p>' })
      .where('id', '=', id).execute();
    const { feed, body, root } = await fetchFeed(ctx().app, fandom);
    expect(feed.title).toBe(`${fandom} works on Bindery`);
    expect(feed.self).toBe(`${BASE}/tags/${tagParam(fandom)}/feed.atom`);
    expect(feed.self).toContain('*a*');
    expect(feed.items[0]?.title).toBe('Fish & <Chips> "quoted" \'single\' bell ]]>');
    // The HTML exactly as a strict parser reads it (the feed parser decodes entities a second time).
    expect(one(one(root, 'entry'), 'summary').text).toBe('<p>Bad  summary &amp; more </p>'
      + `<p>Rating: General Audiences · Warnings: No Archive Warnings Apply · Fandoms: ${fandom.replace('&', '&amp;').replace('\'', '&#x27;').replaceAll('"', '&quot;')}`
      + ' · Words: 26 · Chapters: 1/1</p>');
    expect(feed.items[0]?.categories.map((c) => c.term)).toContain(fandom);
    expect(body).not.toMatch(/&(?!(?:amp|lt|gt|quot|#\d+);)/);
    expect(body).not.toContain('\u0007');
  });
});

it('renders an anonymous work\'s author as "Anonymous" with no link', () => {
  const entry = {
    id: 'tag:archive.test,2026:works/1', title: 'Unsigned', updated: '2024-01-01T00:00:00Z', published: null, url: `${BASE}/works/1`,
    authors: creatorAuthors([ANONYMOUS], BASE), summaryHtml: '', categories: [],
  };
  const xml = renderAtomFeed({
    id: 'tag:archive.test,2026:tags/1', title: 'T', updated: '2024-01-01T00:00:00Z', selfUrl: `${BASE}/tags/T/feed.atom`,
    alternateUrl: `${BASE}/tags/T/works`, author: { name: 'Bindery', uri: `${BASE}/` }, generator: 'Bindery', entries: [entry],
  });
  const root = parseXml(xml);
  expectValidAtom(root);
  const author = one(one(root, 'entry'), 'author');
  expect(one(author, 'name').text).toBe('Anonymous');
  expect(all(author, 'uri')).toEqual([]);
  expect(parseFeed(xml).items[0]?.authors).toEqual([{ name: 'Anonymous', url: null, email: null }]);
});

it('gives a listing page the feed link of a fandom, character or relationship tag only', () => {
  expect(feedLinkForTag({ name: 'Tom & Jerry', type: 'fandom' }, 'Bindery')).toEqual({ href: '/tags/Tom%20*a*%20Jerry/feed.atom', title: 'Tom & Jerry works on Bindery' });
  expect(feedLinkForTag({ name: 'A/B', type: 'relationship' }, 'Bindery')?.href).toBe('/tags/A*s*B/feed.atom');
  expect(feedLinkForTag({ name: 'Mara', type: 'character' }, 'Bindery')?.title).toBe('Mara works on Bindery');
  for (const type of ['freeform', 'rating', 'warning', 'category'] as const) expect(feedLinkForTag({ name: 'Fluff', type }, 'Bindery')).toBeUndefined();
});
