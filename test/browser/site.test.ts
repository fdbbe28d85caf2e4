// What the archive says to everyone and the spam it holds, in Debian's Chromium: the announcement
// banner and hiding it, the terms accepted at sign-up and again when they change, the contact
// form, and a moderator approving a work the banned-words list held.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { TestClient } from '../client.js';
import { enableTwoFactor, PASSWORD, postWork, signUp } from '../helpers.js';
import { actAs, RESULTS, useBrowser } from './harness.js';

let admin: TestClient | undefined;
const browser = useBrowser(async (t) => {
  const first = await signUp(t.app, 'lamplighter');
  await enableTwoFactor(first);
  admin = first;
});

function boss(): TestClient {
  if (admin === undefined) throw new Error('no administrator');
  return admin;
}

test('a reader hides the announcement, a newcomer accepts the terms, and is asked again when they change', async () => {
  const { origin, page: open, context } = browser();
  await boss().get('/admin/announcements');
  expect((await boss().post('/admin/announcements', { content: 'The archive moves to a new server on <strong>Sunday</strong>: expect an hour of quiet.' })).statusCode).toBe(303);
  await boss().get('/admin/site_pages/terms');
  expect((await boss().post('/admin/site_pages/terms', { content: '<h3>Be kind</h3><p>Post only what is yours to share.</p>' })).statusCode).toBe(303);
  await context.clearCookies();
  const page = await open();
  await page.goto(`${origin}/works`);
  const banner = page.locator('aside.announcement');
  expect(await banner.innerText()).toContain('The archive moves to a new server on Sunday');
  await page.screenshot({ path: join(RESULTS, 'site-announcement.png'), fullPage: false });
  await banner.getByRole('button', { name: 'Hide this announcement' }).click();
  await page.locator('h2.heading').first().waitFor();
  expect(await page.locator('aside.announcement').count()).toBe(0);
  expect(page.url()).toBe(`${origin}/works`);

  await page.goto(`${origin}/signup`);
  await page.getByLabel('User name').fill('ferrykeeper');
  await page.getByLabel('Email').fill('ferrykeeper@example.org');
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#field-terms-error').waitFor();
  expect(await page.getByLabel('User name').inputValue()).toBe('ferrykeeper');
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByLabel(/I have read and accept/).check();
  await page.screenshot({ path: join(RESULTS, 'site-signup-terms.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Welcome, ferrykeeper!').waitFor();

  await boss().get('/admin/site_pages/terms');
  expect((await boss().post('/admin/site_pages/terms', { content: '<h3>Be kind</h3><p>Post only what is yours to share, and tag it well.</p>' })).statusCode).toBe(303);
  await page.goto(`${origin}/works`);
  await page.getByRole('heading', { name: 'Our terms have changed' }).waitFor();
  expect(await page.locator('.terms-text').innerText()).toContain('and tag it well');
  await page.screenshot({ path: join(RESULTS, 'site-terms-changed.png'), fullPage: true });
  await page.getByLabel(/I have read and accept/).check();
  await page.getByRole('button', { name: 'Accept and go on' }).click();
  await page.getByText('Thank you for accepting the terms.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/works');
});

test('a guest writes to the support volunteers through the contact form', async () => {
  const { origin, page: open, context } = browser();
  await context.clearCookies();
  const page = await open();
  await page.goto(`${origin}/`);
  await page.getByRole('link', { name: 'Contact us' }).click();
  await page.locator('main').getByLabel('Your name').fill('Wren');
  await page.locator('main').getByLabel('Your email address').fill('wren@example.org');
  await page.locator('main').getByLabel('Subject').fill('My draft vanished');
  await page.locator('main').getByLabel('Message').fill('I saved a draft yesterday and cannot find it today.');
  await page.screenshot({ path: join(RESULTS, 'site-contact.png'), fullPage: true });
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('your message reached').waitFor();
});

test('a moderator approves a work the banned-words list held, and it shows', async () => {
  const { origin, page: open, context, testApp } = browser();
  await boss().get('/admin/settings');
  expect((await boss().post('/admin/settings', { registration: 'open', invitationsPerDay: '0', guestKudos: '1', bannedWords: 'lighthouse' })).statusCode).toBe(303);
  const writer = await signUp(testApp.app, 'netmender');
  const workId = await postWork(writer, { title: 'Lighthouse Lullaby' });
  expect((await (await open()).goto(`${origin}/works/${workId}`))?.status()).toBe(404);
  await actAs(context, origin, boss());
  const page = await open();
  await page.goto(`${origin}/admin/moderation`);
  await page.getByRole('link', { name: 'Held for review' }).click();
  const item = page.locator('li.held-item').filter({ hasText: 'Lighthouse Lullaby' });
  expect(await item.locator('.held-reason').innerText()).toContain('lighthouse');
  await page.screenshot({ path: join(RESULTS, 'site-held-queue.png'), fullPage: true });
  await item.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Approved: it shows now').waitFor();
  await context.clearCookies();
  const guest = await open();
  expect((await guest.goto(`${origin}/works/${workId}`))?.status()).toBe(200);
});
