// Bookmarks and subscriptions in Debian's Chromium, as a member: bookmark a work with notes and
// tags, find it again through the bookmark listing's filters, subscribe, and see both pages.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let ferry = 0;
let storm = 0;
let reader = '';
let writer = '';

async function seed(t: TestApp): Promise<void> {
  const client = await signUp(t.app);
  writer = client.login;
  ferry = await postWork(client, { title: 'The Night Ferry', 'chapter.text': 'The ferry left at midnight with one passenger and a cello.' });
  storm = await postWork(client, { title: 'Storm Glass', fandoms: 'The Drowned Coast', expectedChapters: '?', 'chapter.text': 'Rain on the lantern glass, all night.' });
  reader = (await signUp(t.app)).login;
}

const browser = useBrowser(seed);

test('a member bookmarks two works, filters their bookmarks, and subscribes', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, origin, reader);

  await page.goto(`${origin}/works/${ferry}`);
  await page.locator('#feedback li.bookmark a').click();
  await page.getByLabel('Notes').fill('Read it on a real ferry. <em>Perfect</em>.');
  await page.getByLabel('Your tags').fill('comfort read, sea');
  await page.getByLabel('Rec (recommend it to others)').check();
  await page.getByRole('button', { name: 'Create bookmark' }).click();
  await page.locator('.flash', { hasText: 'Bookmark saved.' }).waitFor();
  expect(await page.locator('blockquote.notes').innerText()).toBe('Read it on a real ferry. Perfect.');

  await page.goto(`${origin}/works/${storm}`);
  await page.locator('#feedback li.bookmark a').click();
  await page.getByLabel('Your tags').fill('angst');
  await page.getByRole('button', { name: 'Create bookmark' }).click();
  await page.locator('.flash', { hasText: 'Bookmark saved.' }).waitFor();
  await page.goto(`${origin}/works/${storm}`);
  await page.locator('#feedback li.subscribe button', { hasText: 'Subscribe' }).click();
  await page.locator('.flash').waitFor();
  expect(await page.locator('#feedback li.subscribe button').innerText()).toBe('Unsubscribe');

  await page.goto(`${origin}/users/${reader}/bookmarks`);
  const titles = () => page.locator('ol.bookmark li.blurb h4.heading a:first-child').allInnerTexts();
  expect(await titles()).toEqual(['Storm Glass', 'The Night Ferry']);
  await page.locator('summary', { hasText: 'Include' }).click();
  await page.getByLabel('Fandoms').first().fill('The Drowned Coast');
  await page.getByRole('button', { name: 'Sort and filter' }).click();
  await page.waitForURL(/fandom_names/);
  expect(await titles()).toEqual(['Storm Glass']);
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.locator('summary', { hasText: 'Bookmarks' }).click();
  await page.getByLabel('Recs').check();
  await page.getByLabel('Sort by').selectOption({ label: 'Work: title' });
  await page.getByRole('button', { name: 'Sort and filter' }).click();
  await page.waitForURL(/rec/);
  expect(await titles()).toEqual(['The Night Ferry']);
  await page.screenshot({ path: join(RESULTS, 'bookmarks-filtered.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.mouse.move(380, 800);
  await page.screenshot({ path: join(RESULTS, 'bookmarks-filtered-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`${origin}/users/${reader}/subscriptions`);
  expect(await page.locator('.subscription-list li a').allInnerTexts()).toEqual(['Storm Glass']);
  await page.screenshot({ path: join(RESULTS, 'subscriptions.png'), fullPage: true });
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await page.locator('.empty', { hasText: 'No subscriptions yet' }).waitFor();
  expect(writer).not.toBe(reader);
});
