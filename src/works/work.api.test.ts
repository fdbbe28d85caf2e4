import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { createApiToken } from '../accounts/session.service.js';

type ApiError = { code: string; message: string; field?: string; fields?: Record<string, string> };
type ChapterHeadJson = { position: number; id: number; title: string; draft: boolean; publishedOn: string | null; words: number; url: string };
type ChapterJson = ChapterHeadJson & { summary: string; notes: string; endNotes: string; text: string };
type WorkJson = {
  id: number; url: string; title: string; summary: string; notes: string; endNotes: string; restricted: boolean; draft: boolean;
  words: number; chapters: { posted: number; expected: number | null }; complete: boolean; stats: Record<'comments' | 'kudos' | 'bookmarks' | 'hits', number>; chapterList: ChapterHeadJson[];
  [key: string]: unknown;
};
type ListJson = { works: WorkJson[]; page: number; pages: number; total: number };
type Writer = { client: TestClient; login: string; auth: Record<string, string> };

const TODAY = new Date().toISOString().slice(0, 10);
const ANY_ID: unknown = expect.any(Number);
const ANY_URL: unknown = expect.any(String);

/** A valid body for POST /api/v1/works: a short original story, with overrides. */
function story(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'The Salt Road', summary: 'Two couriers, one cart, and a road that keeps moving.',
    notes: 'Written for a friend who likes maps.', endNotes: 'Thanks for reading!',
    rating: 'Teen And Up Audiences', warnings: ['No Archive Warnings Apply'], categories: ['Gen', 'F/F'],
    fandoms: ['Original Work'], relationships: ['Wren Halloway/Odile Marsh'], characters: ['Wren Halloway', 'Odile Marsh'],
    freeforms: ['Road Trip', 'Found Family'], language: 'en',
    chapters: [
      { title: 'Departure', text: 'The cart creaked out of the yard before the bells rang.' },
      { title: 'Crossroads', notes: 'A short one, sorry.', endNotes: 'Next time: the river.', text: 'Odile read the signpost twice and chose the left fork anyway.' },
    ],
    ...overrides,
  };
}

/** A signed-up writer (with a browser session) and an API token of theirs. */
async function apiWriter(t: TestApp): Promise<Writer> {
  const client = await signUp(t.app);
  const token = await createApiToken(t.database.db, client.login);
  return { client, login: client.login, auth: { authorization: `Bearer ${token}` } };
}

function postJson(app: FastifyInstance, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return app.inject({ method: 'POST', url: '/api/v1/works', payload, headers: { 'content-type': 'application/json', ...headers } });
}

function getJson(app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers });
}

/** Posts a work that must be accepted; returns its id. */
async function created(app: FastifyInstance, writer: Writer, body: unknown): Promise<number> {
  const response = await postJson(app, body, writer.auth);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

/** Checks the API's error shape, status and code; returns the error. */
function apiError(response: LightMyRequestResponse, status: number, code: string): ApiError {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<{ error: ApiError }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  return body.error;
}

/** Like apiError, for errors that name the field at fault. */
function fieldError(response: LightMyRequestResponse, status: number, code: string, field: string): ApiError {
  const error = apiError(response, status, code);
  expect(error.field).toBe(field);
  expect(error.fields?.[field]).toBe(error.message);
  return error;
}

describeEachDatabase('works API: listing', (ctx) => {
  // 23 works by one writer; the third gets a new chapter last, so it is the most recently updated.
  let newestFirst: number[] = [];
  beforeAll(async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const ids: number[] = [];
    for (let n = 1; n <= 23; n++) ids.push(await created(app, writer, story({ title: `Milestone ${n}` })));
    const third = ids[2] ?? 0;
    await writer.client.get(`/works/${third}/chapters/new`);
    const added = await writer.client.post(`/works/${third}/chapters`, { title: 'Detour', text: 'The third cart came back for its missing wheel.', action: 'post' });
    expect(added.statusCode).toBe(303);
    newestFirst = [third, ...ids.filter((id) => id !== third).reverse()];
  });

  it('lists 20 works a page, most recently updated first, with paging fields', async () => {
    const { app } = ctx();
    const first = await getJson(app, '/api/v1/works');
    expect(first.statusCode).toBe(200);
    const one = first.json<ListJson>();
    expect({ page: one.page, pages: one.pages, total: one.total }).toEqual({ page: 1, pages: 2, total: 23 });
    expect(one.works.map((w) => w.id)).toEqual(newestFirst.slice(0, 20));
    expect(one.works[0]?.title).toBe('Milestone 3');
    expect(one.works[0]?.chapters).toEqual({ posted: 3, expected: 3 });

    const two = (await getJson(app, '/api/v1/works?page=2')).json<ListJson>();
    expect({ page: two.page, pages: two.pages, total: two.total }).toEqual({ page: 2, pages: 2, total: 23 });
    expect(two.works.map((w) => w.id)).toEqual(newestFirst.slice(20));
    expect((await getJson(app, '/api/v1/works?page=not-a-number')).json<ListJson>().page).toBe(1);
  });

  it('answers a fractional page with a whole page of works', async () => {
    const pages = [newestFirst.slice(0, 20), newestFirst.slice(20)];
    for (const page of ['1.5', '1.01']) {
      const response = await getJson(ctx().app, `/api/v1/works?page=${page}`);
      expect.soft(response.statusCode, `page=${page}: ${response.body.slice(0, 300)}`).toBe(200);
      if (response.statusCode !== 200) continue;
      const list = response.json<ListJson>();
      expect.soft(Number.isInteger(list.page), `page=${page} answered "page": ${list.page}`).toBe(true);
      expect.soft(pages, `page=${page} answered ${list.works.length} works`).toContainEqual(list.works.map((w) => w.id));
    }
  });
});

describeEachDatabase('works API: reading', (ctx) => {
  it('shows one work with its metadata and its chapter list', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const id = await created(app, writer, story({ expectedChapters: null }));
    const response = await getJson(app, `/api/v1/works/${id}`);
    expect(response.statusCode).toBe(200);
    const work = response.json<WorkJson>();
    expect(work).toEqual({
      id, url: `http://archive.test/works/${id}`, title: 'The Salt Road',
      creators: [{ pseud: writer.login, login: writer.login, url: `http://archive.test/users/${writer.login}/pseuds/${writer.login}` }],
      summary: '<p>Two couriers, one cart, and a road that keeps moving.</p>', notes: '<p>Written for a friend who likes maps.</p>',
      endNotes: '<p>Thanks for reading!</p>', rating: 'Teen And Up Audiences', warnings: ['No Archive Warnings Apply'],
      categories: ['Gen', 'F/F'], fandoms: ['Original Work'], relationships: ['Wren Halloway/Odile Marsh'],
      characters: ['Wren Halloway', 'Odile Marsh'], freeforms: ['Road Trip', 'Found Family'], language: 'en',
      restricted: false, commentPermission: 'all', draft: false, words: 22, chapters: { posted: 2, expected: null }, complete: false,
      stats: { comments: 0, kudos: 0, bookmarks: 0, hits: 0 },
      publishedOn: TODAY, updatedOn: TODAY, chapterList: [
        { position: 1, id: ANY_ID, title: 'Departure', draft: false, publishedOn: TODAY, words: 11, url: ANY_URL },
        { position: 2, id: ANY_ID, title: 'Crossroads', draft: false, publishedOn: TODAY, words: 11, url: ANY_URL },
      ],
      series: [],
    });
    for (const chapter of work.chapterList) {
      expect(chapter.url).toBe(`http://archive.test/works/${id}/chapters/${chapter.id}`);
      const page = await new TestClient(app).get(new URL(chapter.url).pathname);
      expect(page.statusCode).toBe(200);
      expect(textOf(parsePage(page.body), 'h3.title')).toContain(chapter.title);
    }
    expect(textOf(parsePage((await new TestClient(app).get(`/works/${id}`)).body), 'dd.chapters')).toBe('2/?');
    apiError(await getJson(app, '/api/v1/works/999999'), 404, 'work_not_found');
    apiError(await getJson(app, '/api/v1/works/not-a-number'), 404, 'work_not_found');
  });

  it('reads a chapter by its position, and 404s for positions that do not exist', async () => {
    const { app } = ctx();
    const id = await created(app, await apiWriter(ctx()), story());
    const response = await getJson(app, `/api/v1/works/${id}/chapters/2`);
    expect(response.statusCode).toBe(200);
    const chapter = response.json<ChapterJson>();
    expect(chapter).toEqual({
      position: 2, id: ANY_ID, title: 'Crossroads', draft: false, publishedOn: TODAY, words: 11,
      url: `http://archive.test/works/${id}/chapters/${chapter.id}`, summary: '', notes: '<p>A short one, sorry.</p>',
      endNotes: '<p>Next time: the river.</p>', text: '<p>Odile read the signpost twice and chose the left fork anyway.</p>',
    });
    expect((await getJson(app, `/api/v1/works/${id}/chapters/1`)).json<ChapterJson>().title).toBe('Departure');
    for (const position of ['0', '3', '99', 'two', '-1']) {
      apiError(await getJson(app, `/api/v1/works/${id}/chapters/${position}`), 404, 'not_found');
    }
    apiError(await getJson(app, '/api/v1/works/999999/chapters/1'), 404, 'work_not_found');
  });

  it('answers an unknown API address with a JSON 404', async () => {
    apiError(await getJson(ctx().app, '/api/v1/nothing'), 404, 'not_found');
    apiError(await getJson(ctx().app, '/api/v2/works'), 404, 'not_found');
  });
});

// Typography that must survive the trip: curly quotes, em dashes, ellipses, U+00A0, CJK, Hebrew.
const TYPESET = {
  title: 'The Cartographer’s Apprentice — “North of Nowhere”…',
  summary: 'Ilse draws maps of places that do not exist yet\u00a0— until one of them does.',
  notes: '“Thank you” to everyone who asked for more… here it is.',
  one: ['“Hold the lamp steady,” Ilse said — and Bram, who had never held anything steady in his life, tried.',
    'The ink was still wet on the coastline… it shivered when the wind came through the shutters.'],
  two: ['The stall-keeper wrote the name in a careful hand: 北の灯台。 Below it, a line Ilse could not read at all.',
    'Bram copied it anyway, letter by letter: שלום, מפה ישנה. He said it looked like a road.',
    'It cost 3\u00a0coins, which was three more than they had.'],
  three: ['Dawn. The map was finished — almost. One river still ran off the edge of the page…'],
};

describeEachDatabase('works API: posting', (ctx) => {
  async function snapshot(writer: Writer) {
    const db = ctx().database.db;
    const list = (await getJson(ctx().app, '/api/v1/works', writer.auth)).json<ListJson>();
    const rows = await db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const chapters = await db.selectFrom('chapters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { listed: list.total, works: rows.n, chapters: chapters.n };
  }

  async function tagsNamed(names: string[]): Promise<string[]> {
    const rows = await ctx().database.db.selectFrom('tags').select('name').where('name', 'in', names).execute();
    return rows.map((r) => r.name);
  }

  /** Runs a POST that must fail and checks that neither works, chapters nor its new tags were saved. */
  async function refused(writer: Writer, send: (tags: string[]) => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
    const tags = [`Unsaved Thread ${Math.random().toString(36).slice(2, 8)}`, 'Never Saved Lighthouse Keeper'];
    const before = await snapshot(writer);
    const response = await send(tags);
    expect(await snapshot(writer)).toEqual(before);
    expect(await tagsNamed(tags)).toEqual([]);
    return response;
  }

  it('creates a multi-chapter work and keeps its typography exactly, in the API and on the pages', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const response = await postJson(app, story({
      title: TYPESET.title, summary: TYPESET.summary, notes: TYPESET.notes, characters: ['Ilse Varga', 'בְּרָם', '北斗'],
      chapters: [
        { title: 'Ink — and Wind', text: TYPESET.one.join('\n\n') },
        { title: '北の灯台', notes: 'Hebrew: שלום.', text: TYPESET.two.join('\n\n') },
        { title: 'Almost…', text: TYPESET.three.join('\n\n'), endNotes: '“Fin”\u00a0— for now.' },
      ],
    }), writer.auth);
    expect(response.statusCode, response.body).toBe(201);
    const { id, url } = response.json<{ id: number; url: string }>();
    expect(url).toBe(`http://archive.test/works/${id}`);
    expect(response.headers.location).toBe(`/api/v1/works/${id}`);

    const work = (await getJson(app, `/api/v1/works/${id}`)).json<WorkJson>();
    expect(work.title).toBe(TYPESET.title);
    expect(work.summary).toBe(`<p>${TYPESET.summary}</p>`);
    expect(work.notes).toBe(`<p>${TYPESET.notes}</p>`);
    expect(work.characters).toEqual(['Ilse Varga', 'בְּרָם', '北斗']);
    expect(work.chapterList.map((c) => [c.position, c.title])).toEqual([[1, 'Ink — and Wind'], [2, '北の灯台'], [3, 'Almost…']]);
    expect(work.chapters).toEqual({ posted: 3, expected: 3 });
    expect(work.complete).toBe(true);
    const two = (await getJson(app, `/api/v1/works/${id}/chapters/2`)).json<ChapterJson>();
    expect(two.text).toBe(TYPESET.two.map((p) => `<p>${p}</p>`).join('\n'));
    expect(two.notes).toBe('<p>Hebrew: שלום.</p>');
    expect((await getJson(app, `/api/v1/works/${id}/chapters/3`)).json<ChapterJson>().endNotes).toBe('<p>“Fin”\u00a0— for now.</p>');

    const page = await new TestClient(app).get(`/works/${id}?view_full_work=true`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h2 class="title heading">${TYPESET.title}</h2>`);
    for (const paragraph of [...TYPESET.one, ...TYPESET.two, ...TYPESET.three]) expect(page.body).toContain(`<p>${paragraph}</p>`);
    expect(textsOf(parsePage(page.body), 'dd.character.tags a.tag')).toEqual(['Ilse Varga', 'בְּרָם', '北斗']);
  });

  it('keeps non-breaking spaces in titles, chapter titles and tags', async () => {
    const { app } = ctx();
    const id = await created(app, await apiWriter(ctx()), story({
      title: 'Où est la carte\u00a0?', freeforms: ['Cartes\u00a0anciennes'],
      chapters: [{ title: 'Chapitre\u00a01', text: 'La carte était pliée en quatre, et humide.' }],
    }));
    const work = (await getJson(app, `/api/v1/works/${id}`)).json<WorkJson>();
    expect({ title: work.title, chapter: work.chapterList[0]?.title, tags: work.freeforms })
      .toEqual({ title: 'Où est la carte\u00a0?', chapter: 'Chapitre\u00a01', tags: ['Cartes\u00a0anciennes'] });
  });

  it('saves a draft that only its creator can see', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const id = await created(app, writer, story({ title: 'A Map Not Yet Drawn', draft: true }));
    const reader = await apiWriter(ctx());
    for (const headers of [reader.auth, {}]) {
      apiError(await getJson(app, `/api/v1/works/${id}`, headers), 404, 'work_not_found');
      apiError(await getJson(app, `/api/v1/works/${id}/chapters/1`, headers), 404, 'work_not_found');
      const list = (await getJson(app, '/api/v1/works', headers)).json<ListJson>();
      expect(list.works.map((w) => w.id)).not.toContain(id);
    }
    const page = await new TestClient(app).get(`/works/${id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('A Map Not Yet Drawn');
    expect((await reader.client.get(`/works/${id}`)).statusCode).toBe(404);

    const own = await getJson(app, `/api/v1/works/${id}`, writer.auth);
    expect(own.statusCode).toBe(200);
    const work = own.json<WorkJson>();
    expect({ title: work.title, draft: work.draft, drafts: work.chapterList.map((c) => c.draft) })
      .toEqual({ title: 'A Map Not Yet Drawn', draft: true, drafts: [true, true] });
    expect((await getJson(app, `/api/v1/works/${id}/chapters/2`, writer.auth)).json<ChapterJson>().text).toContain('left fork');
    expect((await writer.client.get(`/works/${id}`)).body).toContain('This work is a draft');
  });

  it('shows registered-users-only works to token users, and asks guests to log in', async () => {
    const { app } = ctx();
    const id = await created(app, await apiWriter(ctx()), story({ title: 'Members’ Map Room', restricted: true }));
    const guestWork = apiError(await getJson(app, `/api/v1/works/${id}`), 401, 'login_required');
    expect(guestWork.message).toBe('This work is only available to registered users of the Archive.');
    apiError(await getJson(app, `/api/v1/works/${id}/chapters/1`), 401, 'login_required');
    expect((await getJson(app, '/api/v1/works')).json<ListJson>().works.map((w) => w.id)).not.toContain(id);

    const reader = await apiWriter(ctx());
    const work = (await getJson(app, `/api/v1/works/${id}`, reader.auth)).json<WorkJson>();
    expect({ title: work.title, restricted: work.restricted }).toEqual({ title: 'Members’ Map Room', restricted: true });
    expect((await getJson(app, `/api/v1/works/${id}/chapters/1`, reader.auth)).json<ChapterJson>().text).toContain('bells rang');
    expect((await getJson(app, '/api/v1/works', reader.auth)).json<ListJson>().works.map((w) => w.id)).toContain(id);
  });

  it('refuses posts without a valid token, even from a logged-in browser', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const missing = await refused(writer, (tags) => postJson(app, story({ freeforms: tags })));
    expect(apiError(missing, 401, 'unauthorized').message).toContain('Authorization: Bearer');
    for (const authorization of ['Bearer bnd_notarealtoken', 'Bearer ', `Basic ${Buffer.from('a:b').toString('base64')}`]) {
      apiError(await refused(writer, (tags) => postJson(app, story({ freeforms: tags }), { authorization })), 401, 'unauthorized');
    }
    apiError(await getJson(app, '/api/v1/works', { authorization: 'Bearer bnd_notarealtoken' }), 401, 'unauthorized');

    const cookie = [...writer.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await writer.client.get('/works/new')).statusCode).toBe(200);
    apiError(await refused(writer, (tags) => postJson(app, story({ freeforms: tags }), { cookie })), 401, 'unauthorized');
  });

  it('refuses bodies that are not JSON objects, with clear codes', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const malformed = await refused(writer, (tags) => postJson(app, `{"title": "Half a Map", "freeforms": ["${tags[0] ?? ''}"], `, writer.auth));
    expect(apiError(malformed, 400, 'invalid_json').field).toBeUndefined();
    const badBytes = (tags: string[]) => Buffer.concat([Buffer.from(`{"freeforms": ["${tags[0] ?? ''}"], "title": "Caf`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    apiError(await refused(writer, (tags) => postJson(app, badBytes(tags), writer.auth)), 400, 'invalid_utf8');

    const plain = await refused(writer, (tags) => postJson(app, JSON.stringify(story({ freeforms: tags })), { ...writer.auth, 'content-type': 'text/plain' }));
    expect(apiError(plain, 415, 'unsupported_media_type').message).toMatch(/JSON/);
    apiError(await refused(writer, () => postJson(app, '<work/>', { ...writer.auth, 'content-type': 'application/xml' })), 415, 'unsupported_media_type');

    for (const body of ['[]', '"a story"', '42', 'null']) {
      apiError(await refused(writer, () => postJson(app, body, writer.auth)), 400, 'bad_request');
    }
  });

  it('takes a field sent as null, or an empty language or comment setting, as left out', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const id = await created(app, writer, story({
      summary: null, notes: null, categories: null, relationships: null, restricted: null, draft: null, backdate: null,
      language: '', commentPermission: '', fandoms: 'Original Work, Lighthouse Stories',
      chapters: [{ title: null, summary: null, text: 'The keeper counted the steps twice on the way down.' }],
    }));
    const work = (await getJson(app, `/api/v1/works/${id}`)).json<WorkJson>();
    expect(work).toMatchObject({ summary: '', categories: [], restricted: false, draft: false, language: 'en', commentPermission: 'all', fandoms: ['Original Work', 'Lighthouse Stories'] });
  });

  it('names the field whose type is wrong, with 400', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ chapters: undefined }, 'chapters'], [{ chapters: [] }, 'chapters'], [{ chapters: 'Once upon a time, a map.' }, 'chapters'],
      [{ chapters: ['Once upon a time, a map.'] }, 'chapters[0]'], [{ title: 42 }, 'title'],
      [{ warnings: 'No Archive Warnings Apply' }, 'warnings'], [{ restricted: 'yes' }, 'restricted'],
      [{ chapters: [{ text: 'A perfectly good first chapter.' }, { text: 12345678901 }] }, 'chapters[1].text'],
      [{ expectedChapters: 'three' }, 'expectedChapters'],
    ];
    for (const [overrides, field] of cases) {
      const response = await refused(writer, (tags) => postJson(app, story({ freeforms: tags, ...overrides }), writer.auth));
      fieldError(response, 400, 'bad_request', field);
    }
  });

  it('applies the same rules as the form, with 422 and the field at fault', async () => {
    const { app } = ctx();
    const writer = await apiWriter(ctx());
    // 1 fandom, 1 relationship and 2 characters, so 72 additional tags make 76 in all.
    const manyTags = (tags: string[]) => [...tags, ...Array.from({ length: 70 }, (_, i) => `Sea Chart ${i + 1}`)];
    const cases: Array<[(tags: string[]) => Record<string, unknown>, string, RegExp]> = [
      [(tags) => ({ freeforms: tags, rating: 'PG-13' }), 'rating', /is not a rating/],
      [(tags) => ({ freeforms: tags, warnings: [] }), 'warnings', /at least one archive warning/],
      [(tags) => ({ freeforms: tags, title: 'M'.repeat(256) }), 'title', /at most 255 characters/],
      [(tags) => ({ freeforms: tags, chapters: [{ text: 'A perfectly good first chapter.' }, { text: 'Too short' }] }), 'chapters[1].text', /at least 10 characters/],
      [(tags) => ({ freeforms: manyTags(tags) }), 'freeforms', /at most 75/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await refused(writer, (tags) => postJson(app, story(overrides(tags)), writer.auth));
      expect(fieldError(response, 422, 'validation_failed', field).message).toMatch(message);
    }
    expect(await tagsNamed(['Sea Chart 1', 'Sea Chart 70'])).toEqual([]);
  });

  it('reports only the fields that are wrong', async () => {
    const writer = await apiWriter(ctx());
    const response = await refused(writer, (tags) => postJson(ctx().app, story({ freeforms: tags, rating: 'PG-13' }), writer.auth));
    expect(Object.keys(fieldError(response, 422, 'validation_failed', 'rating').fields ?? {})).toEqual(['rating']);
  });
});
