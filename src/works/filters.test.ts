// Filters and sorts on every listing, with wrangled tags: synonyms and subtags count as their
// canonical tag for including and for excluding; removing a synonym link undoes it.
import { beforeAll, expect, it } from 'vitest';
import { setWrangler } from '../accounts/user.service.js';
import { describeEachDatabase, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';
import type { TestClient } from '../../test/client.js';

type Ids = Record<string, number>;
const LONG = 'The tide came in and went out again, as it always had. '.repeat(12);

async function listed(client: TestClient, url: string): Promise<number[]> {
  const page = await client.get(url);
  expect(page.statusCode, `${url}: ${page.body.slice(0, 300)}`).toBe(200);
  return Array.from(parsePage(page.body).querySelectorAll('li.work.blurb'), (li) => Number(li.id.replace('work_', ''))).sort((a, b) => a - b);
}

async function wrangle(client: TestClient, tag: string, fields: Record<string, string>): Promise<void> {
  const response = await client.post(`/tags/${encodeURIComponent(tag)}/wrangle`, fields);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
}

describeEachDatabase('filters over wrangled tags', (ctx: () => TestApp) => {
  const ids: Ids = {};
  let wrangler: TestClient;
  let reader: TestClient;

  beforeAll(async () => {
    const writer = await signUp(ctx().app, 'tidewriter');
    const base = { relationships: '', characters: '', expectedChapters: '1' };
    ids.W1 = await postWork(writer, { ...base, title: 'Anchor Point', fandoms: 'Harbour Town', rating: 'General Audiences', freeforms: 'Fluff' });
    ids.W2 = await postWork(writer, { ...base, title: 'Brine', fandoms: 'Harbour Town (Original)', rating: 'Teen And Up Audiences', freeforms: 'Angst' });
    ids.W3 = await postWork(writer, { ...base, title: 'Cormorant', fandoms: 'Lighthouse Keepers Saga', rating: 'Mature', freeforms: 'Fluff, Hurt/Comfort' });
    ids.W4 = await postWork(writer, { ...base, title: 'Driftwood', fandoms: 'Harbour Town, Lighthouse Keepers Saga', rating: 'Explicit', freeforms: 'Angst', expectedChapters: '?' });
    ids.W5 = await postWork(writer, { ...base, title: 'The Estuary', fandoms: 'Coastal Stories', rating: 'General Audiences', freeforms: 'Fluffy', language: 'fr', 'chapter.text': LONG });
    ids.W6 = await postWork(writer, { ...base, title: 'Foghorn', fandoms: 'Lighthouse Keepers Saga, Coastal Stories', rating: 'General Audiences', freeforms: 'Fluff' });
    wrangler = await signUp(ctx().app, 'saltwrangler');
    await setWrangler(ctx().database.db, null, 'saltwrangler', true);
    await wrangler.get('/');
    for (const tag of ['Harbour Town', 'Lighthouse Keepers Saga', 'Coastal Stories', 'Fluff']) await wrangle(wrangler, tag, { do: 'canonical_on' });
    await wrangle(wrangler, 'Harbour Town (Original)', { do: 'synonym', synonym: 'harbour town' });
    await wrangle(wrangler, 'Fluffy', { do: 'synonym', synonym: 'Fluff' });
    await wrangle(wrangler, 'Lighthouse Keepers Saga', { do: 'add_meta', meta: 'Coastal Stories' });
    reader = await signUp(ctx().app, 'harbourreader');
  });

  it.each([
    ['the tag page lists the tag, its synonyms and subtags', '/tags/Harbour%20Town/works', ['W1', 'W2', 'W4']],
    ['a metatag lists its subtags’ works', '/tags/Coastal%20Stories/works', ['W3', 'W4', 'W5', 'W6']],
    ['excluding a canonical excludes its synonyms', '/works?work_search[excluded_tag_names]=Harbour%20Town', ['W3', 'W5', 'W6']],
    ['excluding a metatag excludes its subtags', '/works?work_search[excluded_tag_names]=Coastal%20Stories', ['W1', 'W2']],
    ['excluding a freeform excludes its synonym too', '/works?exclude_work_search[freeform_names]=Fluff', ['W2', 'W4']],
    ['including a fandom by name, excluding a freeform', '/works?work_search[fandom_names]=Coastal%20Stories&work_search[excluded_tag_names]=Angst', ['W3', 'W5', 'W6']],
    ['two included tags must both match', '/works?work_search[fandom_names]=Harbour%20Town&work_search[other_tag_names]=Angst', ['W2', 'W4']],
    ['ratings are any of the ones chosen', '/works?include_work_search[rating_ids][]=RATING_General%20Audiences&include_work_search[rating_ids][]=RATING_Teen%20And%20Up%20Audiences', ['W1', 'W2', 'W5', 'W6']],
    ['excluding a rating', '/tags/Coastal%20Stories/works?exclude_work_search[rating_ids][]=RATING_Explicit', ['W3', 'W5', 'W6']],
    ['only crossovers', '/works?work_search[crossover]=T', ['W4']],
    ['no crossovers, in a fandom', '/tags/Lighthouse%20Keepers%20Saga/works?work_search[crossover]=F', ['W3', 'W6']],
    ['works in progress only', '/works?work_search[complete]=F', ['W4']],
    ['complete and long', '/works?work_search[complete]=T&work_search[words_from]=100', ['W5']],
    ['by language', '/works?work_search[language_id]=fr', ['W5']],
    ['a tag nobody used matches nothing', '/works?work_search[other_tag_names]=Nonexistent%20Tag', []],
  ])('%s', async (_label, url, expected) => {
    const ratings = parsePage((await reader.get('/works')).body);
    const resolved = url.replace(/RATING_([^&]+)/g, (_m, name: string) => {
      const label = Array.from(ratings.querySelectorAll('input[name="include_work_search[rating_ids][]"]')).find((i) => i.parentElement?.textContent.trim() === decodeURIComponent(name));
      return label?.getAttribute('value') ?? 'missing';
    });
    expect(await listed(reader, resolved)).toEqual(expected.map((k) => ids[k]).sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it('redirects a synonym’s listing to its canonical tag and counts works on the tag page', async () => {
    const synonym = await reader.get('/tags/Harbour%20Town%20(Original)/works');
    expect(synonym.statusCode).toBe(302);
    expect(synonym.headers.location).toBe('/tags/Harbour%20Town/works');
    const page = parsePage((await reader.get('/tags/Coastal%20Stories')).body);
    expect(page.querySelector('.work-count')?.textContent).toContain('4 works');
    expect(Array.from(page.querySelectorAll('.sub.listbox a.tag'), (a) => a.textContent)).toEqual(['Lighthouse Keepers Saga']);
    const synonymPage = (await reader.get('/tags/Harbour%20Town%20(Original)')).body;
    expect(synonymPage).toContain('This tag has been made a synonym of');
  });

  it('sorts by title, word count and creator', async () => {
    const byTitle = parsePage((await reader.get('/tags/Coastal%20Stories/works?work_search[sort_column]=title_to_sort_on')).body);
    expect(Array.from(byTitle.querySelectorAll('li.work.blurb h4 a:first-child'), (a) => a.textContent)).toEqual(['Cormorant', 'Driftwood', 'The Estuary', 'Foghorn']);
    const byWords = parsePage((await reader.get('/tags/Coastal%20Stories/works?work_search[sort_column]=word_count')).body);
    expect(byWords.querySelector('li.work.blurb h4 a')?.textContent).toBe('The Estuary');
  });

  it('marks crossovers again when wrangling relates or separates fandoms', async () => {
    expect(await listed(reader, '/works?work_search[crossover]=T')).toEqual([ids.W4]);
    await wrangle(wrangler, 'Lighthouse Keepers Saga', { do: 'remove_meta', id: String(await tagId('Coastal Stories')) });
    expect(await listed(reader, '/works?work_search[crossover]=T')).toEqual([ids.W4, ids.W6].sort((a, b) => (a ?? 0) - (b ?? 0)));
    await wrangle(wrangler, 'Lighthouse Keepers Saga', { do: 'add_meta', meta: 'Coastal Stories' });
    expect(await listed(reader, '/works?work_search[crossover]=T')).toEqual([ids.W4]);
  });

  it('restores the old listing when a synonym link is removed', async () => {
    await wrangle(wrangler, 'Harbour Town (Original)', { do: 'unsynonym' });
    expect(await listed(reader, '/tags/Harbour%20Town/works')).toEqual([ids.W1, ids.W4]);
    expect(await listed(reader, '/tags/Harbour%20Town%20(Original)/works')).toEqual([ids.W2]);
    await wrangle(wrangler, 'Harbour Town (Original)', { do: 'synonym', synonym: 'Harbour Town' });
    expect(await listed(reader, '/tags/Harbour%20Town/works')).toEqual([ids.W1, ids.W2, ids.W4]);
  });

  it('offers the tag’s feed on its listing, for fandoms but not additional tags', async () => {
    const fandom = parsePage((await reader.get('/tags/Harbour%20Town/works')).body);
    expect(fandom.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe('/tags/Harbour%20Town/feed.atom');
    expect(fandom.querySelector('a.rss')?.textContent).toBe('Subscribe to this tag\'s feed');
    expect(parsePage((await reader.get('/tags/Fluff/works')).body).querySelector('a.rss')).toBeNull();
  });

  it('says plainly what it could not use', async () => {
    const page = await reader.get('/works?work_search[words_from]=lots&work_search[date_to]=yesterday');
    expect(page.body).toContain('“lots” is not a number of words');
    expect(page.body).toContain('“yesterday” is not a date');
  });

  async function tagId(name: string): Promise<number> {
    const row = await ctx().database.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    return row.id;
  }
});
