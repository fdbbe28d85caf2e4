// Kudos in Debian's Chromium, as a guest on a cached page and as a member: press, thank-you, named.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let workId = 0;
let reader = '';

async function seed(t: TestApp): Promise<void> {
  const writer = await signUp(t.app);
  workId = await postWork(writer, { title: 'The Kite Mender', 'chapter.text': 'She mended kites on the sea wall, and the wind paid her in gulls.' });
  reader = (await signUp(t.app)).login;
}

const browser = useBrowser(seed);

test('a guest and then a member leave kudos, and the work names them', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/works/${workId}`);
  // Twice: the second answer is the page shared by guests, with its kudos slot filled.
  await page.goto(`${origin}/works/${workId}`);
  await page.getByRole('button', { name: 'Kudos ♥' }).click();
  await page.locator('.flash', { hasText: 'Thank you for leaving kudos!' }).waitFor();
  expect(await page.locator('#kudos p.kudos').innerText()).toContain('1 guest left kudos on this work!');
  await page.getByRole('button', { name: 'Kudos ♥' }).click();
  await page.locator('.flash', { hasText: 'You have already left kudos here.' }).waitFor();

  await logIn(page, origin, reader);
  await page.goto(`${origin}/works/${workId}`);
  await page.getByRole('button', { name: 'Kudos ♥' }).click();
  await page.locator('.flash', { hasText: 'Thank you for leaving kudos!' }).waitFor();
  expect(await page.locator('#kudos p.kudos').innerText()).toBe(`${reader} and 1 guest left kudos on this work!`);
  expect(await page.locator('dl.stats dd.kudos').innerText()).toBe('2');
  await page.locator('#feedback').screenshot({ path: join(RESULTS, 'kudos.png') });
  await page.screenshot({ path: join(RESULTS, 'kudos-work-page.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#feedback').screenshot({ path: join(RESULTS, 'kudos-phone.png') });
});
