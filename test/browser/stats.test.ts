// A creator's statistics page in Debian's Chromium: the hits chart is drawn (an SVG of bars, no
// script), and the page fits a phone.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { TestClient } from '../client.js';
import { logIn, RESULTS, useBrowser } from './harness.js';

let login = '';

async function seed(t: TestApp): Promise<void> {
  const writer = await signUp(t.app);
  login = writer.login;
  const first = await postWork(writer, { title: 'The Harbour Ledger' });
  await postWork(writer, { title: 'A Quieter Story' });
  for (let i = 1; i <= 12; i++) await new TestClient(t.app, `192.0.2.${i}`).get(`/works/${first}`, { 'user-agent': 'Mozilla/5.0' });
  await t.app.hits.flush();
}

const browser = useBrowser(seed);

test('the statistics page draws the hits chart and fits a phone', async () => {
  const { origin } = browser();
  const page = await browser().page();
  await logIn(page, origin, login);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/users/${login}/stats`);
  const bar = page.locator('.hits-chart rect.bar').last();
  const box = await bar.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(50);
  await page.screenshot({ path: join(RESULTS, 'stats.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // The pointer is left where the log-in button was; move it off the header's hover menu.
  await page.mouse.move(380, 800);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(RESULTS, 'stats-phone.png'), fullPage: true });
});
