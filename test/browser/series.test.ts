// Series in Debian's Chromium: a writer starts a series from a work's page, adds a second work and
// makes it part 1 (on the Edit page, after the form refuses a taken part), and a reader follows
// "Next Work" from one part to the next; the series page at 1280 and 390 px.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let writer = '';
let later = 0;
let earlier = 0;

async function seed(t: TestApp): Promise<void> {
  const client = await signUp(t.app);
  writer = client.login;
  later = await postWork(client, { title: 'The Second Crossing', summary: 'The ferry goes back.' });
  earlier = await postWork(client, { title: 'The First Crossing', summary: 'The ferry goes out.' });
}

const browser = useBrowser(seed);

test('a writer gathers two works into a series and a reader walks it', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, origin, writer);

  await page.goto(`${origin}/works/${later}`);
  await page.getByRole('link', { name: 'Add to series' }).click();
  await page.getByLabel('New series title').fill('Crossings');
  await page.getByRole('button', { name: 'Add to series' }).click();
  await page.locator('.flash', { hasText: 'Added to the series.' }).waitFor();

  await page.goto(`${origin}/works/${earlier}`);
  await page.getByRole('link', { name: 'Add to series' }).click();
  await page.getByLabel('Series', { exact: true }).selectOption({ label: 'Crossings' });
  await page.getByLabel('Part').fill('1');
  await page.getByRole('button', { name: 'Add to series' }).click();
  // Part 1 is taken: the form says so beside the field and keeps the choice.
  expect(await page.locator('#field-position-error').innerText()).toContain('Part 1 of that series is already “The Second Crossing”.');
  await page.getByLabel('Part').fill('');
  await page.getByRole('button', { name: 'Add to series' }).click();
  await page.locator('.flash', { hasText: 'Added to the series.' }).waitFor();
  await page.getByRole('link', { name: 'Edit series' }).click();
  await page.getByLabel('Part (The First Crossing)').fill('1');
  await page.getByLabel('Part (The Second Crossing)').fill('2');
  await page.getByLabel('Description').fill('Two crossings of the same <em>grey</em> water.');
  await page.getByRole('button', { name: 'Save series' }).click();
  await page.locator('.flash', { hasText: 'Series saved.' }).waitFor();
  expect(await page.locator('ul.series.work.index li.work h4 a:first-child').allInnerTexts()).toEqual(['The First Crossing', 'The Second Crossing']);
  await page.screenshot({ path: join(RESULTS, 'series.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.mouse.move(380, 800);
  await page.screenshot({ path: join(RESULTS, 'series-phone.png'), fullPage: true });

  const reader = await browser().context.browser()?.newPage();
  if (reader === undefined) throw new Error('no second page');
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.goto(`${origin}/works/${earlier}`);
  expect(await reader.locator('dd.series span.position').innerText()).toBe('Part 1 of Crossings');
  await reader.locator('dd.series a.next').click();
  await reader.waitForURL(`${origin}/works/${later}`);
  expect(await reader.locator('dd.series span.position').innerText()).toBe('Part 2 of Crossings');
  await reader.locator('dl.work.meta').screenshot({ path: join(RESULTS, 'series-work-meta.png') });
  await reader.close();
});
