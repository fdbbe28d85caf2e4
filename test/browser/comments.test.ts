// Comments in Debian's Chromium: a guest comments from a work page (no scripts needed), a member
// replies, and the thread reads as a thread, on a desktop and a phone.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let workId = 0;
let member = '';

async function seed(t: TestApp): Promise<void> {
  const writer = await signUp(t.app);
  workId = await postWork(writer, { title: 'Salt on the Sill', 'chapter.text': 'Every morning the sea left salt on the sill, and every morning Ines wiped it away.' });
  member = (await signUp(t.app)).login;
}

const browser = useBrowser(seed);

test('a guest comments from the work page and a member replies', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/works/${workId}`);
  expect(await page.getByRole('link', { name: 'Comments (0)' }).count()).toBe(1);
  await page.getByLabel(/^Name/).fill('Passing Gull');
  await page.getByLabel(/^Email/).fill('gull@example.org');
  await page.getByLabel(/^Comment/).fill('The salt on the sill! I could taste it.');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.locator('.flash', { hasText: 'Comment posted.' }).waitFor();
  expect(await page.locator('#comments_placeholder li.comment h4.byline').innerText()).toContain('Passing Gull (Guest)');
  expect(await page.locator('#comments_placeholder').innerText()).not.toContain('gull@example.org');

  await logIn(page, origin, member);
  await page.goto(`${origin}/works/${workId}`);
  await page.getByRole('link', { name: 'Comments (1)' }).click();
  await page.locator('#comments_placeholder li.comment').first().getByRole('link', { name: 'Reply' }).click();
  await page.getByLabel(/^Comment/).fill('Same! The whole chapter smells of the sea.');
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await page.locator('.flash', { hasText: 'Comment posted.' }).waitFor();
  const reply = page.locator('li.comment li.comment');
  expect(await reply.locator('h4.byline').innerText()).toContain(member);
  expect(await reply.locator('blockquote').innerText()).toBe('Same! The whole chapter smells of the sea.');

  await page.goto(`${origin}/works/${workId}?show_comments=true`);
  await page.getByRole('link', { name: 'Hide comments' }).waitFor();
  await page.locator('#comments').screenshot({ path: join(RESULTS, 'comments.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#comments').screenshot({ path: join(RESULTS, 'comments-phone.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Hide comments' }).click();
  await page.getByRole('link', { name: 'Comments (2)' }).waitFor();
});
