// Keeping an account safe, in Debian's Chromium: signing up and confirming the address, resetting
// a forgotten password, two-factor sign-in, blocking, and a report that ends with a hidden work.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { TestClient } from '../client.js';
import { confirmationPath, enableTwoFactor, PASSWORD, postWork, signUp } from '../helpers.js';
import { base32Decode, totp } from '../../src/lib/totp.js';
import { actAs, RESULTS, signUpIn, submitSignUp, useBrowser } from './harness.js';

let admin: TestClient | undefined;
const browser = useBrowser(async (t) => {
  // The archive's first account is its administrator, with two-factor sign-in on.
  const first = await signUp(t.app, 'harbourmaster');
  await enableTwoFactor(first);
  admin = first;
});

const NEW_PASSWORD = 'tidewater semaphore kettle';

/** The newest link of a kind sent to an address, as a path. */
async function linkSent(email: string, path: string): Promise<string> {
  const mail = await browser().testApp.app.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).orderBy('id', 'desc').execute();
  for (const m of mail) {
    const found = new RegExp(`${path}/[A-Za-z0-9_-]+`).exec(m.text_body);
    if (found !== null) return found[0];
  }
  throw new Error(`no ${path} link sent to ${email}`);
}

async function logOut(page: Page): Promise<void> {
  await page.goto(`${browser().origin}/users/logout`);
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You are logged out').waitFor();
}

test('a new member confirms their address, then forgets their password and resets it by email', async () => {
  const { origin, page: open, testApp } = browser();
  const page = await open();
  const login = `ferrywoman${Math.random().toString(36).slice(2, 6)}`;
  await submitSignUp(page, origin, login);
  await page.locator('.flash.unconfirmed').waitFor();
  expect(await page.locator('.flash.unconfirmed').innerText()).toContain('Confirm your email address to post works and comment');
  await page.screenshot({ path: join(RESULTS, 'accounts-unconfirmed.png'), fullPage: true });
  const confirm = await confirmationPath(testApp.app, `${login}@example.org`);
  await page.goto(`${origin}${confirm ?? ''}`);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await page.getByText('your email address is confirmed').waitFor();
  expect(await page.locator('.flash.unconfirmed').count()).toBe(0);

  await logOut(page);
  await page.goto(`${origin}/login`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.locator('main').getByLabel('User name or email').fill(`${login}@example.org`);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page.getByText('we sent it a link to choose a new password').waitFor();
  await page.goto(`${origin}${await linkSent(`${login}@example.org`, '/password/reset')}`);
  await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.screenshot({ path: join(RESULTS, 'accounts-reset.png'), fullPage: true });
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password is changed').waitFor();
  await page.locator('main').getByLabel('User name or email').fill(login);
  await page.locator('main').getByLabel(/^Password/).fill(NEW_PASSWORD);
  await page.locator('main').getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Log out' }).waitFor();
});

test('a member turns on two-factor sign-in with an authenticator app and logs in with a code', async () => {
  const { origin, page: open, testApp } = browser();
  const page = await open();
  const login = `lamplighter${Math.random().toString(36).slice(2, 6)}`;
  await signUpIn(page, origin, login, testApp.app);
  await page.goto(`${origin}/users/${login}/account`);
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await page.locator('img.qr-code').waitFor();
  await page.screenshot({ path: join(RESULTS, 'accounts-two-factor-setup.png'), fullPage: true });
  const key = base32Decode((await page.locator('.totp-secret').innerText()).replace(/ /g, ''));
  if (key === null) throw new Error('the key on the page is not base32');
  await page.getByLabel('Code from the app').fill(totp(key, Date.now() / 1000));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.locator('.recovery-codes').waitFor();
  expect(await page.locator('.recovery-codes code').count()).toBe(10);

  await logOut(page);
  await page.goto(`${origin}/login`);
  await page.getByLabel('User name or email').fill(login);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Code from your authenticator app').waitFor();
  expect(await page.getByRole('link', { name: 'Log out' }).count()).toBe(0);
  await page.screenshot({ path: join(RESULTS, 'accounts-two-factor-code.png'), fullPage: true });
  // The next step's code: the one used to turn it on is spent.
  await page.getByLabel('Code from your authenticator app').fill(totp(key, Date.now() / 1000 + 30));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Log out' }).waitFor();
});

test('a writer blocks a reader from their profile, and the reader can no longer comment on the writer\'s work', async () => {
  const { origin, page: open, context, testApp } = browser();
  const page = await open();
  const writer = await signUp(testApp.app);
  const reader = await signUp(testApp.app);
  const workId = await postWork(writer, { title: 'The Lamp Room' });
  await actAs(context, origin, writer);
  await page.goto(`${origin}/users/${reader.login}/pseuds`);
  page.once('dialog', (dialog) => { void dialog.accept(); });
  await page.getByRole('button', { name: `Block ${reader.login}` }).click();
  await page.getByText(`You blocked ${reader.login}`).waitFor();
  expect(await page.getByRole('button', { name: `Unblock ${reader.login}` }).count()).toBe(1);

  await actAs(context, origin, reader);
  await page.goto(`${origin}/works/${workId}`);
  await page.locator('#comment_content, textarea[name="comment"]').first().fill('The lamp room is cold.');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.locator('#field-comment-error').waitFor();
  expect(await page.locator('#field-comment-error').innerText()).toBe('You cannot comment on this work: one of its creators has blocked you.');
  expect(await page.locator('textarea[name="comment"]').first().inputValue()).toBe('The lamp room is cold.');
  await page.screenshot({ path: join(RESULTS, 'accounts-blocked-comment.png'), fullPage: true });
});

test('a reader reports a work, a moderator hides it from the queue, and only its creator still sees it, with why', async () => {
  const { origin, page: open, context, testApp } = browser();
  if (admin === undefined) throw new Error('the administrator was not made');
  const page = await open();
  const writer = await signUp(testApp.app);
  const reader = await signUp(testApp.app);
  const workId = await postWork(writer, { title: 'Letters Nobody Sent' });
  await actAs(context, origin, reader);
  await page.goto(`${origin}/works/${workId}`);
  await page.getByRole('link', { name: 'Report this work' }).click();
  await page.getByLabel('What is wrong?').selectOption('harassment');
  await page.getByLabel('Details').fill('Chapter 1 prints a real person’s home address.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('Your report was sent').waitFor();

  await actAs(context, origin, admin);
  await page.goto(`${origin}/admin`);
  await page.getByRole('link', { name: 'Moderation queue' }).click();
  await page.locator('table.moderation-queue tbody tr').last().getByRole('link').click();
  expect(await page.locator('blockquote').first().innerText()).toContain('home address');
  await page.getByLabel('Hide this work').check();
  await page.getByLabel(/^Reason/).fill('Personal information of a real person.');
  await page.screenshot({ path: join(RESULTS, 'accounts-moderation-case.png'), fullPage: true });
  await page.getByRole('button', { name: 'Do it and close the report' }).click();
  await page.getByText('Done: hide work').waitFor();

  await actAs(context, origin, writer);
  await page.goto(`${origin}/works/${workId}`);
  expect(await page.locator('.work-hidden').innerText()).toContain('Their reason: Personal information of a real person.');
  await page.screenshot({ path: join(RESULTS, 'accounts-hidden-work.png'), fullPage: true });
  await context.clearCookies();
  const gone = await page.goto(`${origin}/works/${workId}`);
  expect(gone?.status()).toBe(404);
});

test('a reader mutes a tag, and works carrying it leave the listings until they ask to see them', async () => {
  const { origin, page: open, context, testApp } = browser();
  const page = await open();
  const writer = await signUp(testApp.app);
  const reader = await signUp(testApp.app);
  const fandom = `Gullhaven ${Math.random().toString(36).slice(2, 6)}`;
  await postWork(writer, { title: 'Gulls Over the Breakwater', fandoms: fandom, freeforms: 'Seabird Squabbles' });
  await postWork(writer, { title: 'The Net Mender', fandoms: fandom, freeforms: 'Quiet Work' });
  await actAs(context, origin, reader);
  await page.goto(`${origin}/users/${reader.login}/account`);
  await page.getByRole('link', { name: 'Creators and tags you muted' }).click();
  await page.getByLabel('Mute a tag').fill('Seabird Squabbles');
  await page.getByRole('button', { name: 'Mute tag' }).click();
  await page.getByText('You muted Seabird Squabbles').waitFor();
  await page.goto(`${origin}/works`);
  const titles = () => page.locator('li.work.blurb h4 a:first-child').allInnerTexts();
  expect(await titles()).not.toContain('Gulls Over the Breakwater');
  expect(await titles()).toContain('The Net Mender');
  expect(await page.locator('.muted-line').innerText()).toContain('1 work hidden by your mutes');
  await page.screenshot({ path: join(RESULTS, 'accounts-muted-listing.png'), fullPage: true });
  await page.locator('.muted-line').getByRole('link', { name: 'Show it' }).click();
  await page.locator('li.work.blurb', { hasText: 'Gulls Over the Breakwater' }).waitFor();
});

