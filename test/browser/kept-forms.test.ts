// A writer never loses what they typed, in Debian's Chromium: their session ends while they type
// a work, they send it, log in inside the form that comes back, and it posts; and a copy the
// browser kept of a form they left is offered back when they open it again.
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PASSWORD } from '../helpers.js';
import { RESULTS, signUpIn, useBrowser } from './harness.js';

const browser = useBrowser();

const STORY = [
  'The ferry left without them, so Ines and Oskar walked the long way round the estuary, past the salt pans and the drowned church.',
  'By the time the tide turned they had said everything they had meant to say on the boat, and a few things they had not.',
].join('\n\n');

/** Signs up in the browser. */
function signUp(page: Page, login: string): Promise<void> {
  return signUpIn(page, browser().origin, login, browser().testApp.app);
}

async function typeWork(page: Page, title: string): Promise<void> {
  await page.goto(`${browser().origin}/works/new`);
  await page.getByLabel('Rating').selectOption('General Audiences');
  await page.getByLabel('No Archive Warnings Apply').check();
  await page.getByLabel('Fandoms').fill('Original Work');
  await page.getByLabel(/^Title/).fill(title);
  await page.getByLabel(/^Work text/).fill(STORY);
}

test('a writer whose session ended while typing logs in inside the form and posts, losing nothing', async () => {
  const { page: open, testApp } = browser();
  const page = await open();
  const login = `estuary${Math.random().toString(36).slice(2, 8)}`;
  await signUp(page, login);
  await typeWork(page, 'The Long Way Round');
  // The session ends elsewhere (another tab logged out, or it expired).
  await testApp.database.db.deleteFrom('sessions').execute();
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.locator('.refusal').waitFor();
  expect(await page.locator('.refusal').innerText()).toContain('You were logged out');
  expect(await page.locator('.kept-copy').count()).toBe(0);
  expect(await page.getByLabel(/^Work text/).inputValue()).toBe(STORY);
  expect(await page.getByLabel(/^Title/).inputValue()).toBe('The Long Way Round');
  await page.locator('#field-session_login').fill(login);
  await page.locator('#field-session_password').fill(PASSWORD);
  await page.screenshot({ path: join(RESULTS, 'kept-form-log-in.png'), fullPage: true });
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.waitForURL(/\/works\/\d+$/);
  expect(await page.locator('h2.title').innerText()).toBe('The Long Way Round');
  expect(await page.locator('#chapters .userstuff p').allInnerTexts()).toEqual(STORY.split('\n\n'));
  await page.getByRole('link', { name: 'Log out' }).waitFor();
});

test('a form left without sending is offered back when opened again, and not once it was sent', async () => {
  const { page: open } = browser();
  const page = await open();
  await signUp(page, `ferry${Math.random().toString(36).slice(2, 8)}`);
  await typeWork(page, 'Salt Pans');
  // Leave the page without sending (a closed tab would do the same), once the copy is kept.
  await page.waitForTimeout(900);
  await page.goto(`${browser().origin}/`);
  await page.goto(`${browser().origin}/works/new`);
  await page.locator('.kept-copy').waitFor();
  await page.screenshot({ path: join(RESULTS, 'kept-form-restore.png') });
  expect(await page.getByLabel(/^Work text/).inputValue()).toBe('');
  await page.getByRole('button', { name: 'Restore it' }).click();
  expect(await page.getByLabel(/^Work text/).inputValue()).toBe(STORY);
  expect(await page.getByLabel(/^Title/).inputValue()).toBe('Salt Pans');
  expect(await page.getByLabel('No Archive Warnings Apply').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.waitForURL(/\/works\/\d+$/);
  await page.goto(`${browser().origin}/works/new`);
  await page.getByLabel(/^Title/).waitFor();
  expect(await page.locator('.kept-copy').count()).toBe(0);
});
