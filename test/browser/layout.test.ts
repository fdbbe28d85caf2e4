// Nothing a writer types may break the layout, on a phone (390 px) or a desktop (1280 px): a
// 120-character tag with no spaces, a long title, a long pseud, a bare URL in the notes.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PASSWORD, postWork, signUp, type TestApp } from '../helpers.js';
import { RESULTS, useBrowser } from './harness.js';

const LONG_TAG = 'Absolutelyeverythingthathappenedonthatbridgeaftermidnightandnobodywilleverbelieveitexceptthelighthousekeeperwhosawitall';
const LONG_TITLE = 'Thecartographerwhomappedtheseabedbyhandandneverfoundtheedgeoftheworld';
const LONG_URL = 'https://example.org/a/very/long/address/that/goes/on/and/on/without/any/place/to/break/it/at/all/whatsoever/index.html';

let workId = 0;

async function seed(t: TestApp): Promise<void> {
  const writer = await signUp(t.app, 'lighthousekeeperwithaverylongnameindeed');
  workId = await postWork(writer, {
    title: LONG_TITLE, freeforms: `${LONG_TAG}, Fluff`, characters: 'Mara Quill',
    notes: `Inspired by ${LONG_URL}`, summary: `A map of ${LONG_URL} and more.`,
  });
}

const browser = useBrowser(seed);

test('long tags, titles, names and addresses never widen a page past the screen', async () => {
  const { page: open, origin } = browser();
  const page = await open();
  const pages = ['/', '/works', `/works/search?work_search[query]=${encodeURIComponent('cartographer')}`, `/works/${workId}`, `/tags/${encodeURIComponent('Mara Quill')}/works`];
  const wide: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(origin + path);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) wide.push(`${path} at ${width}px is ${scroll}px wide`);
      const spills = await page.evaluate(() => Array.from(document.querySelectorAll('a.tag, h2, h4.heading a, blockquote, .userstuff, dd')).filter((el) => {
        const box = el.getBoundingClientRect();
        const parent = el.parentElement?.getBoundingClientRect();
        return parent !== undefined && box.right > parent.right + 1;
      }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
      if (spills.length > 0) wide.push(`${path} at ${width}px: ${spills.slice(0, 3).join(', ')} spill out of their box`);
    }
  }
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${origin}/works`);
  await page.screenshot({ path: join(RESULTS, 'long-tag-phone.png'), fullPage: true });
  await page.goto(`${origin}/works/${workId}`);
  await page.screenshot({ path: join(RESULTS, 'long-tag-work-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  // The front page has no filters beside it: its works use the whole column.
  await page.goto(`${origin}/`);
  expect((await page.locator('li.work.blurb').first().boundingBox())?.width).toBeGreaterThan(800);
  expect(wide).toEqual([]);
});

test('on a phone a member\'s header stays two short rows and the filters fold away above the results', async () => {
  const { page: open, origin } = browser();
  const page = await open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${origin}/login`);
  await page.getByLabel('User name or email').fill('lighthousekeeperwithaverylongnameindeed');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.goto(`${origin}/works`);
  const header = await page.locator('header.site-header').boundingBox();
  const firstWork = await page.locator('li.work.blurb').first().boundingBox();
  await page.screenshot({ path: join(RESULTS, 'phone-member-works.png') });
  expect(header?.height).toBeLessThanOrEqual(110);
  expect(firstWork?.y).toBeLessThan(400);
  // The folded menu and filters open when asked.
  await page.locator('.user-menu > summary').click();
  await page.getByRole('link', { name: 'My works' }).waitFor();
  await page.screenshot({ path: join(RESULTS, 'phone-member-menu.png') });
  await page.locator('.user-menu > summary').click();
  await page.locator('.filters-fold > summary').click();
  await page.getByLabel('Sort by').waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });
});
