import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TagType } from '../db/database.js';
import { GUEST_SCOPE } from '../access/scope.js';
import { prefixUpperBound } from './autocomplete.repository.js';
import { findSuggestions, parseTerm, suggestTags, SUGGESTED_TYPES } from './autocomplete.service.js';
import { describeEachDatabase, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';

type Suggestion = { name: string; type: TagType; canonical: boolean; synonymOf?: string };
type ApiError = { error: { code: string; message: string; field?: string } };

function autocomplete(t: TestApp, query: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: '/api/v1/tags/autocomplete', query });
}

/** The names suggested for a term (and type), after checking the answer is a 200 with suggestions. */
async function names(t: TestApp, term: string, type?: string): Promise<string[]> {
  const response = await autocomplete(t, type === undefined ? { term } : { term, type });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ tags: Suggestion[] }>().tags.map((s) => s.name);
}

async function makeCanonical(t: TestApp, ...tagNames: string[]): Promise<void> {
  await t.database.db.updateTable('tags').set({ canonical: 1 }).where('name', 'in', tagNames).execute();
}

async function makeSynonym(t: TestApp, name: string, canonicalName: string): Promise<void> {
  const canonical = await t.database.db.selectFrom('tags').select('id').where('name', '=', canonicalName).executeTakeFirstOrThrow();
  await t.database.db.updateTable('tags').set({ merger_id: canonical.id }).where('name', '=', name).execute();
}

describe('prefixUpperBound', () => {
  it('is the prefix with its last code point incremented', () => {
    expect(prefixUpperBound('har')).toBe('has');
    expect(prefixUpperBound('𠀋')).toBe('𠀌');
    expect(prefixUpperBound('a\u{D7FF}')).toBe('a\u{E000}');
    expect(prefixUpperBound('ab\u{10FFFF}')).toBe('ac');
    expect(prefixUpperBound('\u{10FFFF}')).toBeNull();
  });
});

describeEachDatabase('tag autocomplete', (ctx) => {
  beforeAll(async () => {
    const writer = await signUp(ctx().app);
    await postWork(writer, {
      fandoms: 'Lanternfall Chronicles, Brindle Hollow', characters: 'Orrin Vasquez-Pell, Oona Orrin, Brindle Quince',
      relationships: 'Orrin Vasquez-Pell/Oona Orrin', freeforms: 'Café Société AU, Cafe Racer, ÉCLAIR Bakery, 灯台守の娘, 𠀋𠀋 Scroll, 𠀌 Scroll, Behemoth Rising, Five Small Words Fit Here, ' +
        'Gone with the Wind - Margaret Mitchell, One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen',
    });
    await postWork(writer, {
      fandoms: 'Mothwing',
      freeforms: 'Mothwing Saga Extended, Saga of the Mothwing, Mothwing Trilogy (Books), Moth Keeper, Old Moth Keeper, ' +
        'Moth Kept, Moth Kelp, (Moth) Lanterns at Midnight, Unwrangled Moth Thing',
    });
    const sagas = Array.from({ length: 20 }, (_, i) => `Quillon Saga ${i + 1}`);
    const shorter = Array.from({ length: 16 }, (_, i) => `Q Quillon ${i + 1}`);
    await postWork(writer, { freeforms: [...sagas, ...shorter].join(', ') });
    await makeCanonical(ctx(), 'Mothwing', 'Mothwing Saga Extended', 'Saga of the Mothwing', 'Q Quillon 3');
    await makeSynonym(ctx(), 'Mothwing Trilogy (Books)', 'Mothwing Saga Extended');
    await ctx().database.db.updateTable('tags').set({ unwrangleable: 1 }).where('name', '=', 'Unwrangled Moth Thing').execute();
  });

  it('matches the start of any word of a tag, never the inside of one', async () => {
    expect(await names(ctx(), 'lantern')).toEqual(['Lanternfall Chronicles', '(Moth) Lanterns at Midnight']);
    expect(await names(ctx(), 'Chron')).toEqual(['Lanternfall Chronicles']);
    expect(await names(ctx(), 'pell')).toEqual(['Orrin Vasquez-Pell', 'Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'fall')).toEqual([]);
    expect(await names(ctx(), 'rrin')).toEqual([]);
    expect(await names(ctx(), 'lanternfalls')).toEqual([]);
  });

  it('needs every word of the term, each at the start of a different word of the tag', async () => {
    expect(await names(ctx(), 'orr vas')).toEqual(['Orrin Vasquez-Pell', 'Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'vas orr')).toEqual(['Orrin Vasquez-Pell', 'Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'oo orr vas')).toEqual(['Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'orr lantern')).toEqual([]);
    // "o" and "orr" both fit "Orrin" alone; only tags with a second word starting with "o" qualify.
    expect(await names(ctx(), 'o orr')).toEqual(['Oona Orrin', 'Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'Orrin, Oona!')).toEqual(['Orrin Vasquez-Pell/Oona Orrin', 'Oona Orrin']);
  });

  it('folds case and accents in the term and in the tag names', async () => {
    expect(await names(ctx(), 'cafe')).toEqual(['Cafe Racer', 'Café Société AU']);
    expect(await names(ctx(), 'CAFÉ')).toEqual(['Cafe Racer', 'Café Société AU']);
    expect(await names(ctx(), 'societe caf')).toEqual(['Café Société AU']);
    expect(await names(ctx(), 'éclair')).toEqual(['ÉCLAIR Bakery']);
    expect(await names(ctx(), 'eclair bak')).toEqual(['ÉCLAIR Bakery']);
    expect(await names(ctx(), '灯台')).toEqual(['灯台守の娘']);
    expect(await names(ctx(), '𠀋')).toEqual(['𠀋𠀋 Scroll']);
  });

  it('filters by type, and never suggests ratings, warnings or categories', async () => {
    expect(await names(ctx(), 'brindle')).toEqual(['Brindle Hollow', 'Brindle Quince']);
    expect(await names(ctx(), 'brindle', 'fandom')).toEqual(['Brindle Hollow']);
    expect(await names(ctx(), 'brindle', 'character')).toEqual(['Brindle Quince']);
    expect(await names(ctx(), 'brindle', 'relationship')).toEqual([]);
    expect(await names(ctx(), 'orr', 'relationship')).toEqual(['Orrin Vasquez-Pell/Oona Orrin']);
    expect(await names(ctx(), 'general audiences')).toEqual([]);
    expect(await names(ctx(), 'gen')).toEqual([]);
  });

  it('orders canonical tags, then synonyms, then the rest; first-word matches, then shorter, then alphabetical', async () => {
    const response = await autocomplete(ctx(), { term: 'moth' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      tags: [
        { name: 'Mothwing', type: 'fandom', canonical: true },
        { name: 'Mothwing Saga Extended', type: 'freeform', canonical: true },
        { name: 'Saga of the Mothwing', type: 'freeform', canonical: true },
        { name: 'Mothwing Trilogy (Books)', type: 'freeform', canonical: false, synonymOf: 'Mothwing Saga Extended' },
        { name: 'Moth Kelp', type: 'freeform', canonical: false },
        { name: 'Moth Kept', type: 'freeform', canonical: false },
        { name: 'Moth Keeper', type: 'freeform', canonical: false },
        { name: '(Moth) Lanterns at Midnight', type: 'freeform', canonical: false },
        { name: 'Old Moth Keeper', type: 'freeform', canonical: false },
        { name: 'Unwrangled Moth Thing', type: 'freeform', canonical: false },
      ],
    });
    expect(await names(ctx(), 'saga moth')).toEqual(['Saga of the Mothwing', 'Mothwing Saga Extended']);
  });

  it('suggests at most 15 tags, first-word matches before shorter names', async () => {
    const suggested = await names(ctx(), 'quillon');
    expect(suggested).toEqual(['Q Quillon 3', ...Array.from({ length: 14 }, (_, i) => `Quillon Saga ${i + 1}`)]);
    expect(await names(ctx(), 'quillon 2')).toEqual(['Quillon Saga 2', 'Quillon Saga 20', 'Q Quillon 2']);
  });

  it('gives the same suggestions whether it sorts every match or walks the suggestion order', async () => {
    const { db } = ctx().database;
    const query = { prefixes: parseTerm('quillon'), types: SUGGESTED_TYPES, limit: 15, scope: GUEST_SCOPE };
    expect((await findSuggestions(db, query)).plan).toBe('words');
    const plans = new Set<string>();
    const terms = ['quillon', 'quillon saga', 'quillon 1', 'q', 'qu sa', 'moth', 'o orr', 'orr o', 'lantern', 'cafe', 'm', 's', 'o'];
    for (const window of [8, 25, 35, 45, 55, 10_000]) {
      const tuning = { commonWords: 1, window };
      plans.add((await findSuggestions(db, query, tuning)).plan);
      for (const term of terms) {
        for (const type of [undefined, 'freeform', 'character']) {
          expect(await suggestTags(db, GUEST_SCOPE, term, type, tuning), `${term} ${String(type)} in ${window}`).toEqual(await suggestTags(db, GUEST_SCOPE, term, type));
        }
      }
    }
    expect([...plans].sort()).toEqual(['order', 'order, then words']);
  });

  it('answers an empty or blank term with no suggestions', async () => {
    for (const term of ['', '   ', '/ - /']) expect(await names(ctx(), term)).toEqual([]);
    const none = await autocomplete(ctx(), {});
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ tags: [] });
  });

  it('completes long tag names word after word, and refuses only a term longer than any tag name can be', async () => {
    expect(await names(ctx(), 'fiv sma wor fit her')).toEqual(['Five Small Words Fit Here']);
    expect(await names(ctx(), 'gone with the wind - margaret')).toEqual(['Gone with the Wind - Margaret Mitchell']);
    expect(await names(ctx(), 'Gone with the Wind - Margaret Mitchell')).toEqual(['Gone with the Wind - Margaret Mitchell']);
    // Past twelve words the rest are not matched, so a long name is still found by what is typed.
    expect(await names(ctx(), 'one two three four five six seven eight nine ten eleven twelve thirteen fourt')).toEqual([
      'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen',
    ]);
    expect(await names(ctx(), `moth ${'x'.repeat(145)}`)).toEqual([]);
    const long = await autocomplete(ctx(), { term: `moth ${'x'.repeat(146)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json<ApiError>().error).toMatchObject({ code: 'bad_request', field: 'term', message: 'The term is at most 150 characters long.' });
  });

  it('refuses an unknown type with a 400 naming the field', async () => {
    for (const type of ['ship', 'rating', 'Fandom']) {
      const response = await autocomplete(ctx(), { term: 'moth', type });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json<ApiError>().error).toEqual({
        code: 'bad_request', field: 'type', fields: { type: 'The type must be one of fandom, character, relationship, freeform.' },
        message: 'The type must be one of fandom, character, relationship, freeform.',
      });
    }
    const twice = await ctx().app.inject({ method: 'GET', url: '/api/v1/tags/autocomplete?term=moth&term=saga' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ApiError>().error.field).toBe('term');
  });

  it('marks the four tag fields of the work form for suggestions, as plain text inputs', async () => {
    const writer = await signUp(ctx().app);
    const page = parsePage((await writer.get('/works/new')).body);
    const fields = Array.from(page.querySelectorAll('input[data-suggest]')).map((input) => [
      input.getAttribute('name'), input.getAttribute('data-suggest'), input.getAttribute('type'), input.getAttribute('autocomplete'), input.getAttribute('role'),
    ]);
    expect(fields).toEqual([
      ['fandoms', 'fandom', 'text', 'off', null], ['relationships', 'relationship', 'text', 'off', null],
      ['characters', 'character', 'text', 'off', null], ['freeforms', 'freeform', 'text', 'off', null],
    ]);
    expect(page.querySelector('input[name="title"]')?.hasAttribute('data-suggest')).toBe(false);
    expect(Array.from(page.querySelectorAll('script')).map((s) => s.getAttribute('src'))).toContainEqual(expect.stringMatching(/^\/assets\/autocomplete-[0-9a-f]{10}\.js$/));
  });

  it('answers guests and lets only the asker\'s browser keep the answer briefly (it depends on who asks)', async () => {
    const response = await autocomplete(ctx(), { term: 'lanternfall' });
    expect(response.headers['cache-control']).toBe('private, max-age=60');
    expect(response.json()).toEqual({ tags: [{ name: 'Lanternfall Chronicles', type: 'fandom', canonical: false }] });
  });
});
