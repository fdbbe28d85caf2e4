// Gifts in Debian's Chromium: a writer gives a work from its Gifts page, the work says "For ...",
// and the friend sees it on their gifts page and refuses it.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let writer = '';
let friend = '';
let workId = 0;

async function seed(t: TestApp): Promise<void> {
  const client = await signUp(t.app);
  writer = client.login;
  workId = await postWork(client, { title: 'A Lantern for Odile', notes: 'Happy birthday, with all the lights of the coast.' });
  friend = (await signUp(t.app)).login;
}

const browser = useBrowser(seed);

test('a writer gives a work and the friend refuses it', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, origin, writer);
  await page.goto(`${origin}/works/${workId}`);
  await page.getByRole('link', { name: 'Gifts', exact: true }).click();
  await page.getByLabel('Give this work to').fill(writer);
  await page.getByRole('button', { name: 'Give as a gift' }).click();
  expect(await page.locator('#field-recipient-error').innerText()).toBe('You can’t give a work to yourself.');
  await page.getByLabel('Give this work to').fill(friend);
  await page.getByRole('button', { name: 'Give as a gift' }).click();
  await page.locator('.flash', { hasText: `Given to ${friend}.` }).waitFor();
  await page.screenshot({ path: join(RESULTS, 'gifts-work.png'), fullPage: true });
  await page.goto(`${origin}/works/${workId}`);
  expect(await page.locator('ul.associations').innerText()).toBe(`For ${friend}.`);
  await page.locator('#workskin .preface').first().screenshot({ path: join(RESULTS, 'gifts-preface.png') });

  await logIn(page, origin, friend);
  await page.goto(`${origin}/users/${friend}/gifts`);
  expect(await page.locator('li.work.blurb h4 a').first().innerText()).toBe('A Lantern for Odile');
  await page.screenshot({ path: join(RESULTS, 'gifts-page.png'), fullPage: true });
  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.getByRole('button', { name: 'Refuse gift' }).click();
  await page.locator('.flash', { hasText: 'Gift refused' }).waitFor();
  expect(await page.locator('li.work.blurb').count()).toBe(0);
});
