// The app on a real port with Debian's Chromium pointed at it, for one browser test file.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, confirmationPath, PASSWORD, type TestApp } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where browser tests leave their screenshots. */
export const RESULTS = 'test-results';

export type BrowserHarness = { testApp: TestApp; origin: string; context: BrowserContext; page: () => Promise<Page> };

/** Starts the app on SQLite (after `seed`, with any settings in `env`) and Chromium before the file's tests, and stops both after them. */
export function useBrowser(seed?: (testApp: TestApp) => Promise<void>, env: Record<string, string> = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  let testApp: TestApp | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium".`);
    }
    testApp = await buildTestApp('sqlite', env);
    await seed?.(testApp);
    const origin = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    profile = await mkdtemp(join(tmpdir(), 'bindery-chromium-'));
    // A persistent context is how Playwright takes a user-data-dir of our choosing.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
    });
    // Fail within the test's time with Playwright's own message about what it waited for.
    context.setDefaultTimeout(5_000);
    await mkdir(RESULTS, { recursive: true });
    const started = context;
    harness = { testApp, origin, context, page: async () => started.pages()[0] ?? await started.newPage() };
  });
  afterAll(async () => {
    await context?.close();
    await testApp?.close();
    if (profile !== undefined) await rm(profile, { recursive: true, force: true });
  });
  return () => {
    if (harness === undefined) throw new Error('browser not started');
    return harness;
  };
}

/** Fills in and sends the sign-up page as a person would (the address is login@example.org). */
export async function submitSignUp(page: Page, origin: string, login: string): Promise<void> {
  await page.goto(`${origin}/signup`);
  await page.getByLabel('User name').fill(login);
  await page.getByLabel('Email').fill(`${login}@example.org`);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs up through the sign-up page as a person would, waits until logged in, and follows the confirmation link sent. */
export async function signUpIn(page: Page, origin: string, login: string, app: FastifyInstance): Promise<void> {
  await submitSignUp(page, origin, login);
  await page.getByRole('link', { name: 'Log out' }).waitFor();
  const path = await confirmationPath(app, `${login}@example.org`);
  if (path !== null) {
    await page.goto(`${origin}${path}`);
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByText('your email address is confirmed').waitFor();
  }
}

/** Logs in through the log-in page, and waits until logged in. */
export async function logIn(page: Page, origin: string, login: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('User name or email').fill(login);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Log out' }).waitFor();
}

/**
 * Becomes the member a TestClient is logged in as, by its session cookie: for a test that switches
 * between many members, without typing each one's password (or code) again.
 */
export async function actAs(context: BrowserContext, origin: string, client: { cookies: ReadonlyMap<string, string> }): Promise<void> {
  await context.clearCookies();
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: origin })));
}
