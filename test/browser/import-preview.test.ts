// The import preview's paragraph fixes, in Debian's Chromium: a writer pastes a story whose
// dedication, sign-off and second chapter the importer could not see, opens the paragraphs,
// makes the first into a note, the last two into end notes, splits the chapter, and saves it.
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { RESULTS, signUpIn, useBrowser } from './harness.js';

const browser = useBrowser();

const STORY = [
  'The Quiet Harbour',
  'Ines, this one is yours, as promised.',
  'The boats came in one by one, and the last of them was Ansel’s.',
  'He tied up, shouldered his nets, and walked up the hill without a word to anyone.',
  'The next morning the harbour was full of fog.',
  'Nobody went out; nobody minded.',
  'More of this on the weekend.',
  'Much love to the group.',
].join('\n\n');

/** Signs up in the browser. */
function signUp(page: Page, login: string): Promise<void> {
  return signUpIn(page, browser().origin, login, browser().testApp.app);
}

const paragraphs = (page: Page) => page.locator('.import-paragraphs .import-paragraph').allInnerTexts();

test('a writer makes paragraphs into notes and splits a chapter from the import preview', async () => {
  const page = await browser().page();
  await signUp(page, `harbour${Math.random().toString(36).slice(2, 8)}`);
  await page.goto(`${browser().origin}/works/import`);
  await page.getByLabel('Story text').fill(STORY);
  await page.getByRole('button', { name: 'Read the story' }).click();
  await page.waitForURL(/\/works\/import\/\d+$/);
  await page.getByLabel(/^Fandoms/).fill('Original Work');

  await page.getByRole('button', { name: 'Show the paragraphs' }).click();
  await page.locator('.import-paragraphs').waitFor();
  // What was typed before opening the list is still there.
  expect(await page.getByLabel(/^Fandoms/).inputValue()).toBe('Original Work');
  expect(await paragraphs(page)).toHaveLength(7);

  await page.getByRole('button', { name: 'Make paragraphs 1 to 1 of chapter 1 into notes before it' }).click();
  await page.locator('.flash', { hasText: 'beginning notes' }).waitFor();
  expect(await page.locator('#field-notes blockquote').innerText()).toBe('Ines, this one is yours, as promised.');

  await page.getByRole('button', { name: 'Make paragraphs 5 to 6 of chapter 1 into notes after it' }).click();
  await page.locator('.flash', { hasText: 'end notes' }).waitFor();
  expect((await page.locator('#field-endNotes blockquote').innerText()).split(/\n+/)).toEqual(['More of this on the weekend.', 'Much love to the group.']);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('#import-chapter-1').screenshot({ path: join(RESULTS, 'import-paragraphs.png') });
  await page.getByRole('button', { name: 'Start a new chapter at paragraph 3 of chapter 1' }).click();
  await page.locator('.flash', { hasText: 'Chapter 2 now starts' }).waitFor();
  expect(await page.locator('.import-first-line').allInnerTexts()).toEqual([
    'The boats came in one by one, and the last of them was Ansel’s.', 'The next morning the harbour was full of fog.',
  ]);
  // The words proof still holds after every fix.
  expect(await page.locator('.import-proof').innerText()).toContain('nothing was dropped');

  await page.setViewportSize({ width: 390, height: 844 });
  // The pointer is left where the last button was; move it off the header's hover menu.
  await page.mouse.move(380, 800);
  await page.locator('#import-chapter-2').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(RESULTS, 'import-split-phone.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.waitForURL(/\/works\/\d+$/);
  expect(await page.locator('dd.chapters').innerText()).toBe('2/2');
  expect(await page.locator('.preface .notes blockquote').innerText()).toBe('Ines, this one is yours, as promised.');
});
