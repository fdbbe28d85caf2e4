// Search, on both databases, the way a reader uses it: the words of the stories, the query
// language, ranking, the matching passage, and what must never be found.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';
import { runCommand } from '../cli/commands.js';
import { setWrangler } from '../accounts/user.service.js';

const LAMP = 'The keeper was running up the stairs before the storm broke over Gull Point.';
const CAFE = 'They met at the little café by the harbour, where Zoë didn’t care how many croissants she ate.';
const LATE = 'In the second chapter the lighthouse finally went dark, and nobody noticed the cormorant.';

async function found(client: TestClient, query: string): Promise<string[]> {
  const page = await client.get(`/works/search?work_search[query]=${encodeURIComponent(query)}`);
  expect(page.statusCode, page.body.slice(0, 500)).toBe(200);
  return Array.from(parsePage(page.body).querySelectorAll('li.work.blurb h4 a:first-child'), (a) => a.textContent);
}

describeEachDatabase('search', (ctx: () => TestApp) => {
  let writer: TestClient & { login: string };
  let guest: TestClient;
  let secondChapterId = 0;
  let twoChapters = 0;

  beforeAll(async () => {
    writer = await signUp(ctx().app, 'searchwriter');
    guest = new TestClient(ctx().app);
    await postWork(writer, { title: 'Storm Lantern', fandoms: 'Gull Point Tales', 'chapter.text': LAMP, summary: 'A lamp, a keeper, a promise.' });
    await postWork(writer, { title: 'Croissants', fandoms: 'Harbour Town', 'chapter.text': CAFE, freeforms: 'Fluff' });
    twoChapters = await postWork(writer, { title: 'The Long Dark', fandoms: 'Gull Point Tales', 'chapter.text': 'A quiet first chapter about fishing nets and weather.', expectedChapters: '?' });
    const added = await writer.post(`/works/${twoChapters}/chapters`, { title: 'Dark', text: LATE, action: 'post' });
    secondChapterId = Number(/chapters\/(\d+)/.exec(String(added.headers.location))?.[1]);
    await postWork(writer, { title: 'Lighthouse Secrets', fandoms: 'Gull Point Tales', 'chapter.text': 'Nothing much happens to the keeper here, only tea and weather.' });
    await postWork(writer, { title: 'Hidden Draft Lighthouse', 'chapter.text': 'This draft mentions the zeppelin quite clearly.', action: 'draft' });
    await postWork(writer, { title: 'Members Lighthouse', 'chapter.text': 'Only members may read about the albatross.', restricted: '1' });
  });

  it('finds the words of the story text, stemmed, accent- and apostrophe-insensitive', async () => {
    expect(await found(guest, 'run storm')).toEqual(['Storm Lantern']);
    expect(await found(guest, 'cafe zoe')).toEqual(['Croissants']);
    expect(await found(guest, 'didn\'t care')).toEqual(['Croissants']);
    expect(await found(guest, '"zoë didn’t"')).toEqual(['Croissants']);
    expect(await found(guest, 'cormorant')).toEqual(['The Long Dark']);
  });

  it('understands phrases, OR, exclusion, prefixes and fields', async () => {
    expect(await found(guest, '"the storm broke"')).toEqual(['Storm Lantern']);
    expect(await found(guest, '"storm the broke"')).toEqual([]);
    expect((await found(guest, 'croissants OR cormorant')).sort()).toEqual(['Croissants', 'The Long Dark']);
    expect((await found(guest, 'keeper -storm'))).toEqual(['Lighthouse Secrets']);
    expect(await found(guest, 'cormo*')).toEqual(['The Long Dark']);
    // Three and four letters are SQLite's prefix index (migration 036); two and five read the words.
    for (const prefix of ['co*', 'cor*', 'corm*']) expect(await found(guest, `${prefix} nobody`)).toEqual(['The Long Dark']);
    expect((await found(guest, 'croi* OR corm*')).sort()).toEqual(['Croissants', 'The Long Dark']);
    expect(await found(guest, 'title:lantern')).toEqual(['Storm Lantern']);
    expect(await found(guest, 'summary:promise')).toEqual(['Storm Lantern']);
    expect(await found(guest, `creator:${writer.login} croissants`)).toEqual(['Croissants']);
    expect((await found(guest, 'fandom:"Gull Point Tales" sort:title')).sort()).toEqual(['Lighthouse Secrets', 'Storm Lantern', 'The Long Dark']);
    expect(await found(guest, 'text:lantern')).toEqual([]);
  });

  it('ranks a match in the title above a match in the story text', async () => {
    expect(await found(guest, 'lighthouse')).toEqual(['Lighthouse Secrets', 'The Long Dark']);
  });

  it('shows the matching passage, highlighted, with a link to its chapter', async () => {
    const page = parsePage((await guest.get('/works/search?work_search[query]=cormorant')).body);
    const snippet = page.querySelector('blockquote.snippet');
    expect(snippet?.querySelector('mark')?.textContent).toBe('cormorant');
    expect(snippet?.querySelector('a')?.getAttribute('href')).toBe(`/works/${twoChapters}/chapters/${secondChapterId}#:~:text=and%20nobody%20noticed%20the-,cormorant`);
  });

  it('marks a stemmed match deep in a long chapter, and behind words that count differently (hyphens)', async () => {
    const filler = Array.from({ length: 500 }, (_, i) => `wave${i}`).join(' ');
    const hyphens = Array.from({ length: 400 }, () => 'sea-worn').join(' ');
    const deep = await postWork(writer, { title: 'Long Tide', 'chapter.text': `<p>${filler} and then the quartermasters reckoned the tide. ${filler}</p>` });
    const skewed = await postWork(writer, { title: 'Skewed Tide', 'chapter.text': `<p>${hyphens} the quartermasters reckoning again. ${filler}</p>` });
    for (const [id, word] of [[deep, 'reckoned'], [skewed, 'reckoning']] as const) {
      const page = parsePage((await guest.get('/works/search?work_search[query]=quartermaster%20reckons')).body);
      const blurb = page.querySelector(`li.work.blurb a[href="/works/${id}"]`)?.closest('li');
      expect(Array.from(blurb?.querySelectorAll('blockquote.snippet mark') ?? [], (m) => m.textContent)).toContain(word);
    }
  });

  it('marks a phrase of stems where its words are in a row, past many of its first word alone', async () => {
    const alone = Array.from({ length: 12 }, (_, i) => `The bosun reckoned wave${i} would pass.`).join(' ');
    const id = await postWork(writer, { title: 'Reckoning Tide', 'chapter.text': `<p>${alone}</p><p>At dusk the quartermasters reckoned otherwise.</p>` });
    const page = parsePage((await guest.get('/works/search?work_search[query]=%22quartermaster%20reckons%22')).body);
    const snippet = page.querySelector(`li.work.blurb a[href="/works/${id}"]`)?.closest('li')?.querySelector('blockquote.snippet');
    expect(Array.from(snippet?.querySelectorAll('mark') ?? [], (m) => m.textContent)).toEqual(['quartermasters reckoned']);
    expect(snippet?.textContent).toContain('At dusk the quartermasters reckoned otherwise');
    // The link leads to the phrase, not to the first "reckoned" alone, with words before it from its own paragraph (a browser matches no others).
    expect(snippet?.querySelector('a')?.getAttribute('href')).toMatch(/#:~:text=At%20dusk%20the-,quartermasters%20reckoned$/);
  });

  it('marks a word as typed far into a first chapter, past the part read first, and right where that part ends', async () => {
    const filler = Array.from({ length: 1500 }, (_, i) => `swell${i}`).join(' ');
    const far = await postWork(writer, { title: 'Far Harbour', 'chapter.text': `<p>${filler}</p><p>The halyard snapped at dawn.</p>` });
    // "halyards" is cut to "halyard" where the first 6,000 characters end: not a match to mark.
    const edge = await postWork(writer, { title: 'Edge Harbour', 'chapter.text': `<p>${'y'.repeat(49)} ${'swell '.repeat(990)}halyards and a halyard.</p>` });
    const page = parsePage((await guest.get('/works/search?work_search[query]=halyard')).body);
    for (const [id, before] of [[far, 'The'], [edge, 'and a']] as const) {
      const snippet = page.querySelector(`li.work.blurb a[href="/works/${id}"]`)?.closest('li')?.querySelector('blockquote.snippet');
      expect(snippet?.querySelector('mark')?.textContent, `work ${id}`).toBe('halyard');
      expect(snippet?.textContent, `work ${id}`).toContain(`${before} halyard`);
    }
  });

  it('never finds drafts, and registered-users-only works only for logged-in readers', async () => {
    expect(await found(guest, 'zeppelin')).toEqual([]);
    expect(await found(writer, 'zeppelin')).toEqual([]);
    expect(await found(guest, 'albatross')).toEqual([]);
    expect(await found(writer, 'albatross')).toEqual(['Members Lighthouse']);
    const api = await guest.get('/api/v1/search?q=albatross');
    expect(JSON.parse(api.body)).toMatchObject({ total: 0, works: [] });
  });

  it('is never stale: edits, new chapters and deletions show at once', async () => {
    const id = await postWork(writer, { title: 'Changeable', 'chapter.text': 'The narwhal surfaced twice that morning.' });
    expect(await found(guest, 'narwhal')).toEqual(['Changeable']);
    await writer.post(`/works/${id}`, workFields({ title: 'Changeable', 'chapter.text': 'The walrus surfaced twice that morning.' }));
    expect(await found(guest, 'narwhal')).toEqual([]);
    expect(await found(guest, 'walrus')).toEqual(['Changeable']);
    await writer.post(`/works/${id}/chapters`, { text: 'A manatee joined them, unhurried.', action: 'draft' });
    expect(await found(guest, 'manatee')).toEqual([]);
    await writer.post(`/works/${id}`, workFields({ title: 'Changeable', restricted: '1' }));
    expect(await found(guest, 'walrus')).toEqual([]);
    await writer.post(`/works/${id}/delete`);
    expect(await found(writer, 'walrus')).toEqual([]);
  });

  it('explains a query it cannot fully understand, and shows what it searched for', async () => {
    const page = await guest.get(`/works/search?work_search[query]=${encodeURIComponent('"storm broke words>abc colour:blue')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('closing quote');
    expect(page.body).toContain('Searched for:');
    const api = JSON.parse((await guest.get(`/api/v1/search?q=${encodeURIComponent('words>abc storm')}`)).body) as { problems: string[]; total: number };
    expect(api.problems.join(' ')).toContain('abc');
    expect(api.total).toBe(1);
  });

  it('follows wrangling for tag fields: a synonym’s works count under the canonical tag', async () => {
    const wrangler = await signUp(ctx().app);
    await setWrangler(ctx().database.db, null, wrangler.login, true);
    await postWork(writer, { title: 'Synonym Story', fandoms: 'GPT (Gull Point Tales)', 'chapter.text': 'A puffin story for the synonym test.' });
    await wrangler.get('/');
    await wrangler.post('/tags/Gull%20Point%20Tales/wrangle', { do: 'canonical_on' });
    await wrangler.post(`/tags/${encodeURIComponent('GPT (Gull Point Tales)')}/wrangle`, { do: 'synonym', synonym: 'Gull Point Tales' });
    expect(await found(guest, 'fandom:"Gull Point Tales" puffin')).toEqual(['Synonym Story']);
  });

  it('rebuilds the whole index from the command line', async () => {
    const handle = ctx().database;
    for (const table of handle.dialect === 'postgres' ? ['search_chunks', 'search_work_words', 'search_works'] : ['search_works']) await sql`delete from ${sql.table(table)}`.execute(handle.db);
    expect(await found(guest, 'cormorant')).toEqual([]);
    const lines: string[] = [];
    await runCommand(['reindex'], handle, { readPassword: () => Promise.resolve(''), out: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/Search index rebuilt: \d+ works/);
    expect(await found(guest, 'cormorant')).toEqual(['The Long Dark']);
  });
});
