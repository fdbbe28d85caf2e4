// An image in a story, stored at another host, shows in Debian's Chromium through the archive's
// proxy under the strict Content-Security-Policy (img-src 'self' data:), which would block it
// if the page still named the host.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { postWork, signUp } from '../helpers.js';
import { requestsFor, startImageHost, type ImageHost } from '../image-server.js';
import { RESULTS, useBrowser } from './harness.js';

let host: ImageHost | undefined;
let workId = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'bindery-images-browser-'));
beforeAll(async () => { host = await startImageHost(); });
afterAll(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const browser = useBrowser(async (t) => {
  const writer = await signUp(t.app);
  workId = await postWork(writer, {
    title: 'The Padlock on the Lighthouse Door',
    'chapter.text': `<p>Mara drew the lock she found on the door.</p><p><img src="${host?.origin ?? ''}/picture.png" alt="A blue padlock" width="60" height="60"></p>`,
  });
}, { IMAGE_PROXY_ALLOW_HOSTS: '127.0.0.1', DATA_DIR: dataDir });

test('a proxied image displays in the browser, and its host never sees the browser', async () => {
  const { origin, page: open } = browser();
  const page = await open();
  await page.goto(`${origin}/works/${workId}`);
  const image = page.locator('#chapters .userstuff img');
  expect(await image.getAttribute('src')).toMatch(/^\/images\/external\/[\w-]+\?url=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fpicture\.png$/);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#chapters .userstuff img')).every((img) => img instanceof HTMLImageElement && img.complete));
  expect(await image.evaluate((img) => (img instanceof HTMLImageElement ? img.naturalWidth : 0))).toBe(30);
  await page.screenshot({ path: join(RESULTS, 'external-image-proxied.png'), fullPage: true });
  const seen = host === undefined ? [] : requestsFor(host, '/picture.png');
  expect(seen).toHaveLength(1);
  expect(seen[0]?.headers['user-agent']).toBe('Bindery image proxy');
});
