// Challenges in Debian's Chromium: claiming and filling a prompt, a whole gift exchange from
// sign-up to reveal, and a contest from entry to results, each through the pages a person uses.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { TestClient } from '../client.js';
import { postWork, signUp, uniqueLogin, type TestApp } from '../helpers.js';
import { actAs, logIn, RESULTS, useBrowser } from './harness.js';

const people: Record<string, TestClient & { login: string }> = {};
const names = { meme: uniqueLogin('meme'), swap: uniqueLogin('swap'), contest: uniqueLogin('contest') };
let promptId = 0;
const entries: number[] = [];
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

async function seed(t: TestApp): Promise<void> {
  for (const who of ['owner', 'prompter', 'writer', 'ana', 'ben', 'voter', 'entrant']) people[who] = await signUp(t.app);
  const owner = people.owner;
  if (owner === undefined) throw new Error('no owner');
  for (const [name, challenge] of [[names.meme, 'prompt_meme'], [names.swap, 'gift_exchange'], [names.contest, 'contest']] as const) {
    await owner.get('/collections/new');
    await owner.post('/collections', { name, title: `The ${challenge.replace('_', ' ')}`, challenge, ...(challenge === 'gift_exchange' ? { unrevealed: '1', anonymous: '1' } : {}) });
  }
  await people.prompter?.get(`/collections/${names.meme}/prompts/new`);
  const prompted = await people.prompter?.post(`/collections/${names.meme}/prompts`, { title: 'Two rivals stranded at a lighthouse', tags: 'Original Work, Enemies to Friends', description: 'Storm, one blanket, grudging respect.' });
  promptId = Number(/\/prompts\/(\d+)/.exec(String(prompted?.headers.location))?.[1]);
  await owner.post(`/collections/${names.swap}/exchange`, { opensAt: at(-5), closesAt: at(60), dueAt: at(120), fandomsMax: '2', matchTypes: 'fandom', matchCount: '1' });
  for (const who of ['voter', 'entrant']) {
    const added = await owner.post(`/collections/${names.contest}/participants`, { login: people[who]?.login ?? '', role: 'member' });
    if (added.statusCode !== 303) throw new Error(`adding ${who}: ${added.statusCode} ${added.body.slice(0, 500)}`);
  }
  await owner.post(`/collections/${names.contest}/contest`, { submissionsCloseAt: at(60), votingClosesAt: at(120), categories: 'Brightest\nFunniest' });
  const entrant = people.entrant;
  if (entrant === undefined) throw new Error('no entrant');
  entries.push(await postWork(entrant, { title: 'The Kite That Would Not Land', collections: names.contest }));
  entries.push(await postWork(people.writer ?? entrant, { title: 'Marmalade Weather', collections: names.contest }));
  await owner.post(`/collections/${names.contest}/contest`, { submissionsCloseAt: at(-1), votingClosesAt: at(120), categories: 'Brightest\nFunniest' });
}

const browser = useBrowser(seed);
const login = (who: string) => people[who]?.login ?? '';
const member = (who: string) => {
  const client = people[who];
  if (client === undefined) throw new Error(`no ${who}`);
  return client;
};

async function postFromForm(page: Page, title: string, text: string): Promise<void> {
  await page.getByLabel('Rating').selectOption('General Audiences');
  await page.getByLabel('No Archive Warnings Apply').check();
  await page.getByLabel('Fandoms').fill('Original Work');
  await page.getByLabel(/^Title/).fill(title);
  await page.getByLabel(/^Work text/).fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.locator('.flash', { hasText: 'Work posted' }).waitFor();
}

test('a writer claims a prompt and fills it with a new work', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, origin, login('writer'));
  await page.goto(`${origin}/collections/${names.meme}/prompts?status=unfilled`);
  await page.getByRole('link', { name: 'Two rivals stranded at a lighthouse' }).click();
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.locator('.flash', { hasText: 'Claimed' }).waitFor();
  expect(await page.locator('ul.claims li').allInnerTexts()).toEqual([login('writer')]);
  await page.screenshot({ path: join(RESULTS, 'challenges-prompt.png'), fullPage: true });
  await page.getByRole('link', { name: 'Fill with a new work' }).click();
  expect(await page.locator('p.fills-prompt').innerText()).toBe(`This work will fill prompt ${promptId}.`);
  await postFromForm(page, 'The Lamp Between Us', 'Neither of them would say it first, so the lighthouse said it for them, blinking all night.');
  expect(await page.locator('dd.collections').innerText()).toBe('The prompt meme');
  await page.goto(`${origin}/prompts/${promptId}`);
  expect(await page.locator('li.work.blurb h4.heading a').first().innerText()).toBe('The Lamp Between Us');
  await page.goto(`${origin}/collections/${names.meme}/prompts?status=filled`);
  expect(await page.locator('li.prompt.blurb .stats').innerText()).toBe('Filled (1) · 1 claim');
});

test('a gift exchange from sign-up to reveal', async () => {
  const { origin } = browser();
  const page = await browser().page();
  for (const [who, request, offer] of [['ana', 'Tidewater', 'Moorland'], ['ben', 'Moorland', 'Tidewater']] as const) {
    await actAs(browser().context, origin, member(who));
    await page.goto(`${origin}/collections/${names.swap}`);
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.locator('#field-request-fandom').fill(request);
    await page.locator('#field-offer-fandom').fill(`${offer}, Heath, Fen`);
    await page.getByRole('button', { name: 'Save sign-up' }).click();
    expect(await page.locator('#field-offer-fandom-error').innerText()).toContain('Name at most 2 fandoms.');
    await page.locator('#field-offer-fandom').fill(offer);
    await page.getByRole('button', { name: 'Save sign-up' }).click();
    await page.locator('.flash', { hasText: 'Signed up' }).waitFor();
  }
  await actAs(browser().context, origin, member('owner'));
  await page.goto(`${origin}/collections/${names.swap}/assignments`);
  await page.getByRole('button', { name: 'Run matching' }).click();
  await page.locator('.flash', { hasText: 'Matched 2' }).waitFor();
  await page.screenshot({ path: join(RESULTS, 'challenges-matching.png'), fullPage: true });
  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.getByRole('button', { name: 'Send assignments' }).click();
  await page.locator('.flash', { hasText: 'Assignments sent' }).waitFor();

  await actAs(browser().context, origin, member('ana'));
  await page.goto(`${origin}/collections/${names.swap}/assignments`);
  expect(await page.locator('li.assignment h4').innerText()).toBe(`You are writing for ${login('ben')}`);
  await page.goto(`${origin}/works/new?collection=${names.swap}`);
  await postFromForm(page, 'Moorland in the Rain', 'The heather drank the rain all afternoon and the walkers did not mind at all.');
  const workUrl = page.url();
  await page.goto(`${origin}/collections/${names.swap}/assignments`);
  await page.getByLabel('Fulfil with your work').fill(workUrl);
  await page.getByRole('button', { name: 'Fulfil assignment' }).click();
  await page.locator('.flash', { hasText: 'Fulfilled' }).waitFor();
  await page.screenshot({ path: join(RESULTS, 'challenges-assignment.png'), fullPage: true });

  const guest = await browser().context.browser()?.newPage();
  if (guest === undefined) throw new Error('no guest page');
  await guest.goto(workUrl);
  expect(await guest.locator('#main').innerText()).toContain('Mystery Work');
  await actAs(browser().context, origin, member('owner'));
  await page.goto(`${origin}/collections/${names.swap}`);
  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.getByRole('button', { name: 'Reveal works now' }).click();
  await page.locator('.flash', { hasText: 'Works revealed' }).waitFor();
  await guest.goto(workUrl);
  expect(await guest.locator('h3.byline').innerText()).toBe('Anonymous');
  expect(await guest.locator('ul.associations').innerText()).toBe(`For ${login('ben')}.`);
  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.getByRole('button', { name: 'Reveal creators now' }).click();
  await page.locator('.flash', { hasText: 'Creators revealed' }).waitFor();
  await guest.reload();
  expect(await guest.locator('h3.byline').innerText()).toBe(login('ana'));
  await guest.close();
});

test('a contest from entry to results', async () => {
  const { origin, testApp } = browser();
  const page = await browser().page();
  await actAs(browser().context, origin, member('voter'));
  await page.goto(`${origin}/collections/${names.contest}`);
  await page.getByRole('link', { name: 'Vote' }).click();
  expect(await page.locator('section.category').first().locator('li.work.blurb h4.heading').allInnerTexts())
    .toEqual(['The Kite That Would Not Land by Anonymous', 'Marmalade Weather by Anonymous']);
  const brightest = page.locator('section.category').first();
  await brightest.getByLabel('Vote for this in Brightest').first().check();
  await brightest.getByRole('button', { name: 'Cast my vote in Brightest' }).click();
  await page.locator('.flash', { hasText: 'Your vote in Brightest is cast.' }).waitFor();
  expect(await page.locator('p.voted').innerText()).toBe('You voted for The Kite That Would Not Land.');
  await page.screenshot({ path: join(RESULTS, 'challenges-ballot.png'), fullPage: true });

  await actAs(browser().context, origin, member('entrant'));
  await page.goto(`${origin}/collections/${names.contest}/vote`);
  const funniest = page.locator('section.category').nth(1);
  await funniest.getByLabel('Vote for this in Funniest').first().check();
  await funniest.getByRole('button', { name: 'Cast my vote in Funniest' }).click();
  expect(await page.locator('#field-vote-1-error').innerText()).toBe('You can’t vote for your own entry.');

  // Voting closes (the clock moves on): the results are published with the creators revealed.
  const past = new Date(Date.now() - 60_000).toISOString();
  await testApp.app.db.updateTable('contest_settings').set({ voting_closes_at: past }).execute();
  await testApp.app.db.updateTable('collections').set({ reveal_creators_at: past }).where('name', '=', names.contest).execute();
  await page.goto(`${origin}/collections/${names.contest}/results`);
  expect(await page.locator('section.category').first().locator('li.work.blurb h4.heading').allInnerTexts())
    .toEqual([`The Kite That Would Not Land by ${login('entrant')}`, `Marmalade Weather by ${login('writer')}`]);
  expect(await page.locator('section.category').first().locator('p.votes').allInnerTexts()).toEqual(['1 vote', '0 votes']);
  await page.screenshot({ path: join(RESULTS, 'challenges-results.png'), fullPage: true });
  expect(entries.length).toBe(2);
});
