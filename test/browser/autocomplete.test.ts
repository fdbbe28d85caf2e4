// A writer types the start of a fandom on the new-work form and picks a suggestion with the keyboard, in Debian's Chromium.
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { postWork, signUp as signUpInProcess, type TestApp } from '../helpers.js';
import { RESULTS, signUpIn, useBrowser } from './harness.js';



/** Existing tags to suggest: a canonical fandom, a synonym of it, an unwrangled one, and characters. */
async function seedTags(t: TestApp): Promise<void> {
  const writer = await signUpInProcess(t.app);
  await postWork(writer, {
    fandoms: 'Lanternfall Chronicles, Lanternfall (Books), Lantern Keepers, Original Work',
    characters: 'Wrenna Thistlewood, Wren Halloway',
  });
  const { db } = t.database;
  await db.updateTable('tags').set({ canonical: 1 }).where('name', 'in', ['Lanternfall Chronicles', 'Wren Halloway']).execute();
  const canonical = await db.selectFrom('tags').select('id').where('name', '=', 'Lanternfall Chronicles').executeTakeFirstOrThrow();
  await db.updateTable('tags').set({ merger_id: canonical.id }).where('name', '=', 'Lanternfall (Books)').execute();
}

const browser = useBrowser(seedTags);

/** Signs up in the browser. */
function signUp(page: Page, login: string): Promise<void> {
  return signUpIn(page, browser().origin, login, browser().testApp.app);
}

/** The part of the page around the Fandoms field and its open list. */
async function screenshotFandoms(page: Page, file: string): Promise<void> {
  const box = await page.getByRole('combobox', { name: 'Fandoms' }).boundingBox();
  if (box === null) throw new Error('the Fandoms field is not on screen');
  await page.screenshot({ path: join(RESULTS, file), clip: { x: 0, y: Math.max(0, box.y - 120), width: 1280, height: 420 } });
}

test('a writer picks a fandom from the suggestions with the keyboard', async () => {
  const { page: open, origin } = browser();
  const page = await open();
  const problems: string[] = [];
  // Console errors include Content-Security-Policy refusals; the browser's own favicon request is no concern of this test.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await signUp(page, `lamp${Math.random().toString(36).slice(2, 8)}`);
  await page.goto(`${origin}/works/new`);

  const fandoms = page.getByRole('combobox', { name: 'Fandoms' });
  await expect.poll(() => fandoms.getAttribute('aria-expanded')).toBe('false');
  await fandoms.fill('Original Work, ');
  await fandoms.pressSequentially('lant', { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Suggested tags' });
  await list.waitFor();
  expect(await fandoms.getAttribute('aria-expanded')).toBe('true');
  expect(await fandoms.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  expect(await list.getByRole('option').allInnerTexts()).toEqual(['Lanternfall Chronicles', 'Lanternfall (Books) → Lanternfall Chronicles', 'Lantern Keepers']);

  await fandoms.press('ArrowDown');
  await fandoms.press('ArrowDown');
  const second = list.getByRole('option').nth(1);
  expect(await second.getAttribute('aria-selected')).toBe('true');
  expect(await fandoms.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
  await screenshotFandoms(page, 'autocomplete.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshotFandoms(page, 'autocomplete-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await fandoms.press('ArrowUp');
  expect(await list.getByRole('option').first().getAttribute('aria-selected')).toBe('true');

  await fandoms.press('Enter');
  expect(await fandoms.inputValue()).toBe('Original Work, Lanternfall Chronicles, ');
  await list.waitFor({ state: 'hidden' });
  expect(await fandoms.getAttribute('aria-expanded')).toBe('false');
  expect(await fandoms.getAttribute('aria-activedescendant')).toBeNull();
  expect(new URL(page.url()).pathname).toBe('/works/new');

  // Escape closes without changing what was typed; a click picks too.
  const characters = page.getByRole('combobox', { name: 'Characters' });
  await characters.pressSequentially('wren', { delay: 40 });
  const characterList = page.getByRole('listbox', { name: 'Suggested tags' });
  await characterList.waitFor();
  expect(await characterList.getByRole('option').allInnerTexts()).toEqual(['Wren Halloway', 'Wrenna Thistlewood']);
  await characters.press('Escape');
  await characterList.waitFor({ state: 'hidden' });
  expect(await characters.inputValue()).toBe('wren');
  await characters.pressSequentially('na', { delay: 40 });
  await characterList.getByRole('option', { name: 'Wrenna Thistlewood' }).click();
  expect(await characters.inputValue()).toBe('Wrenna Thistlewood, ');
  expect(problems).toEqual([]);
});
