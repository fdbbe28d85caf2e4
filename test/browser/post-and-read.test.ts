// A writer signs up, posts a two-chapter work and a reader follows "Next Chapter →"; the writer logs
// back in from the header of the page they are on. All in Debian's Chromium.
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PASSWORD } from '../helpers.js';
import { RESULTS, useBrowser } from './harness.js';

const CHAPTER_ONE = [
  '“You’re late,” said Ines, without looking up from the ledger. The bindery smelled of hide glue and wet wool.',
  'Oskar shook the rain from his coat — the third coat this winter, and the last without holes — and hung it on the peg beside the press. “The bridge was closed. A carter lost a wheel and half his turnips.”',
  'She turned a page; the spine cracked like a knuckle. “Then you’ll stay late, too. The Halloran sermons won’t sew themselves.”',
].join('\n\n');

const CHAPTER_TWO_TITLE = 'Nine Volumes of Sermons';
const CHAPTER_TWO = [
  'The Halloran sermons ran to nine volumes, each heavier than the last, and every signature had been folded by someone in a hurry.',
  'Oskar laid them along the long table — nine stacks, nine spines waiting — and threaded his needle by the lamp. “Whoever folded these,” he said, “never loved anything in his life.”',
  'Ines laughed once, the way she did when she meant to deny it later.',
].join('\n\n');

const browser = useBrowser();

/** The visible text of the first match, once it is there. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

// Labels of required fields end in an asterisk, so labels that other labels contain are matched from their start.
async function signUp(page: Page, login: string): Promise<void> {
  await page.goto(browser().origin + '/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('User name').fill(login);
  await page.getByLabel('Email').fill(`${login}@example.org`);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('link', { name: 'Log out' }).waitFor();
}

async function postWork(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Post new work' }).click();
  await page.getByLabel('Rating').selectOption('General Audiences');
  await page.getByLabel('No Archive Warnings Apply').check();
  await page.getByLabel('Fandoms').fill('Original Work');
  await page.getByLabel(/^Title/).fill('The Bindery on Tanner Street');
  await page.getByLabel(/^Work text/).fill(CHAPTER_ONE);
  await page.getByLabel('Expected number of chapters').fill('2');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.waitForURL(/\/works\/\d+$/);
}

async function addChapter(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Add chapter' }).click();
  await page.getByLabel('Chapter title (optional)').fill(CHAPTER_TWO_TITLE);
  await page.getByLabel('Chapter text').fill(CHAPTER_TWO);
  // Preview first: the chapter as it will read, then post it from the preview.
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('.preview-banner').waitFor();
  expect(await textOf(page.locator('div.chapter h3.title'))).toBe(`Chapter 2: ${CHAPTER_TWO_TITLE}`);
  await page.screenshot({ path: join(RESULTS, 'chapter-preview.png') });
  await page.locator('.preview-banner').getByRole('button', { name: 'Post chapter' }).click();
  await page.waitForURL(/\/works\/\d+\/chapters\/\d+$/);
  expect(await textOf(page.locator('.flash'))).toBe('Chapter added.');
}

test('a writer posts a two-chapter work and a reader reads chapter 2', async () => {
  const { page: open } = browser();
  const page = await open();
  const login = `tanner${Math.random().toString(36).slice(2, 8)}`;

  await signUp(page, login);
  await postWork(page);
  await addChapter(page);
  const chapterTwo = new URL(page.url()).pathname;

  // Now as a reader: log out, find the work on the front page, read on.
  await page.getByRole('link', { name: 'Log out' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Sign up' }).waitFor();
  await page.getByRole('link', { name: 'The Bindery on Tanner Street' }).click();
  await page.waitForURL(/\/works\/\d+$/);
  expect(await textOf(page.locator('.chapter.preface h3.title'))).toBe('Chapter 1');
  await page.getByRole('link', { name: 'Next Chapter →' }).first().click();
  await page.waitForURL((url) => url.pathname === chapterTwo);

  expect(await textOf(page.locator('.chapter.preface h3.title'))).toBe(`Chapter 2: ${CHAPTER_TWO_TITLE}`);
  const paragraphs = await page.locator('#chapters .userstuff.module p').allInnerTexts();
  expect(paragraphs).toEqual(CHAPTER_TWO.split('\n\n'));
  expect(await textOf(page.locator('dd.chapters'))).toBe('2/2');
  const byline = page.locator('h3.byline a[rel="author"]');
  expect(await byline.allInnerTexts()).toEqual([login]);
  expect(await byline.getAttribute('href')).toBe(`/users/${login}/pseuds/${login}`);

  await page.screenshot({ path: join(RESULTS, 'chapter-2.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(RESULTS, 'chapter-2-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(RESULTS, 'chapter-2-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // The writer comes back and logs in from the header of the (cached) chapter page, and stays on it.
  await page.locator('summary', { hasText: 'Log in' }).click();
  await page.getByLabel('User name or email').fill(login);
  await page.locator('#header-password').fill(PASSWORD);
  await page.screenshot({ path: join(RESULTS, 'header-login.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(RESULTS, 'header-login-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.login-menu-form').getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Log out' }).waitFor();
  expect(new URL(page.url()).pathname).toBe(chapterTwo);
  expect(await textOf(page.locator('.flash'))).toBe(`Welcome back, ${login}. You are logged in.`);
});
