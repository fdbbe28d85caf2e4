// Collections in Debian's Chromium: an owner opens a moderated, anonymous collection; a writer
// posts a work into it from the collection's own link; it waits until the owner approves it; a
// guest then finds it in the collection, signed "Anonymous", until the owner reveals the creators.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let owner = '';
let writer = '';

async function seed(t: TestApp): Promise<void> {
  owner = (await signUp(t.app)).login;
  writer = (await signUp(t.app)).login;
}

const browser = useBrowser(seed);

test('a work posted to a moderated anonymous collection waits, is approved, and is signed Anonymous until revealed', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, origin, owner);
  await page.goto(`${origin}/collections`);
  await page.getByRole('link', { name: 'Open a new collection' }).click();
  await page.getByLabel(/^Name/).fill('winter lights');
  await page.getByLabel(/^Title/).fill('Winter Lights Exchange');
  await page.getByRole('button', { name: 'Open collection' }).click();
  expect(await page.locator('#field-name-error').innerText()).toBe('Use only letters, numbers and underscores, beginning and ending with a letter or number.');
  expect(await page.getByLabel(/^Title/).inputValue()).toBe('Winter Lights Exchange');
  await page.getByLabel(/^Name/).fill('winter_lights');
  await page.getByLabel('Description').fill('Stories of long nights and lamps in windows.');
  await page.getByLabel(/Moderated:/).check();
  await page.getByLabel(/Anonymous:/).check();
  await page.screenshot({ path: join(RESULTS, 'collections-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Open collection' }).click();
  await page.locator('.flash', { hasText: 'Collection opened' }).waitFor();

  await logIn(page, origin, writer);
  await page.goto(`${origin}/collections/winter_lights`);
  await page.getByRole('link', { name: 'Post to this collection' }).click();
  expect(await page.getByLabel('Post to collections (optional)').inputValue()).toBe('winter_lights');
  await page.getByLabel('Rating').selectOption('General Audiences');
  await page.getByLabel('No Archive Warnings Apply').check();
  await page.getByLabel('Fandoms').fill('Original Work');
  await page.getByLabel(/^Title/).fill('The Lamplighter’s Apprentice');
  await page.getByLabel(/^Work text/).fill('Every evening the apprentice climbed the ladder with the long brass pole, and every evening the street grew warmer by one lamp.');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.locator('.flash', { hasText: 'Work posted' }).waitFor();
  const workUrl = page.url();
  expect(await page.locator('h3.byline').innerText()).toBe(writer);
  await page.goto(`${origin}/collections/winter_lights/items`);
  expect(await page.locator('li.work.blurb .status').innerText()).toBe('Waiting for approval');

  await logIn(page, origin, owner);
  await page.goto(`${origin}/collections/winter_lights`);
  await page.getByRole('link', { name: 'Manage items' }).click();
  await page.screenshot({ path: join(RESULTS, 'collections-queue.png'), fullPage: true });
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.locator('.flash', { hasText: 'Approved' }).waitFor();

  const guest = await browser().context.browser()?.newPage();
  if (guest === undefined) throw new Error('no second page');
  await guest.setViewportSize({ width: 1280, height: 900 });
  await guest.goto(`${origin}/collections/winter_lights`);
  expect(await guest.locator('li.work.blurb h4.heading').innerText()).toBe('The Lamplighter’s Apprentice by Anonymous');
  await guest.screenshot({ path: join(RESULTS, 'collections-page.png'), fullPage: true });
  await guest.goto(workUrl);
  expect(await guest.locator('h3.byline').innerText()).toBe('Anonymous');
  expect(await guest.locator('dd.collections').innerText()).toBe('Winter Lights Exchange');
  expect(await guest.content()).not.toContain(writer);

  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.goto(`${origin}/collections/winter_lights`);
  await page.getByRole('button', { name: 'Reveal creators now' }).click();
  await page.locator('.flash', { hasText: 'Creators revealed' }).waitFor();
  await guest.reload();
  expect(await guest.locator('h3.byline').innerText()).toBe(writer);
  await guest.setViewportSize({ width: 390, height: 844 });
  await guest.goto(`${origin}/collections/winter_lights`);
  await guest.screenshot({ path: join(RESULTS, 'collections-phone.png'), fullPage: true });
});
