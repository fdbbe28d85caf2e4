// A reader folds archive warnings and additional tags from their preferences, then opens a work's
// warnings with a click (a details element: no script), in Debian's Chromium.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp } from '../helpers.js';
import { RESULTS, signUpIn, useBrowser } from './harness.js';

let workId = 0;
const browser = useBrowser(async (t) => {
  const writer = await signUp(t.app, 'saltmarsh');
  workId = await postWork(writer, {
    title: 'What the Tide Took', warnings: 'Major Character Death', relationships: 'Mara Quill/Tobias Fenn', freeforms: 'Grief, Shipwrecks, Hopeful Ending',
  });
});

test('a reader folds warnings and additional tags, then opens the warnings on the work with a click', async () => {
  const { origin, page: open, testApp } = browser();
  const page = await open();
  const login = `beachcomber${Math.random().toString(36).slice(2, 6)}`;
  await signUpIn(page, origin, login, testApp.app);
  await page.goto(`${origin}/users/${login}/account`);
  await page.getByRole('link', { name: 'Reading, time zone, email and gifts' }).click();
  await page.getByLabel('Fold archive warnings until I open them').check();
  await page.getByLabel('Fold additional tags until I open them').check();
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Preferences saved.').waitFor();
  expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Lisbon');
  await page.screenshot({ path: join(RESULTS, 'preferences-page.png'), fullPage: true });

  await page.goto(`${origin}/works`);
  const blurb = page.locator(`li#work_${workId}`);
  await blurb.getByText('Show warnings').waitFor();
  expect(await blurb.getByRole('link', { name: 'Grief' }).isVisible()).toBe(false);
  await page.screenshot({ path: join(RESULTS, 'preferences-listing-folded.png'), fullPage: true });
  await blurb.getByText('Show additional tags').click();
  await blurb.getByRole('link', { name: 'Grief' }).waitFor();
  await page.screenshot({ path: join(RESULTS, 'preferences-listing-opened.png'), fullPage: true });

  await page.goto(`${origin}/works/${workId}`);
  const warnings = page.locator('dd.warning.tags');
  const tag = warnings.getByRole('link', { name: 'Major Character Death' });
  expect(await tag.isVisible()).toBe(false);
  expect(await page.locator('dd.relationship.tags').getByRole('link', { name: 'Mara Quill/Tobias Fenn' }).isVisible()).toBe(true);
  await page.screenshot({ path: join(RESULTS, 'preferences-work-folded.png') });
  await warnings.getByText('Show warnings').click();
  await tag.waitFor();
  expect(await warnings.getByText('Hide warnings').isVisible()).toBe(true);
  expect(await page.locator('dd.freeform.tags').getByRole('link', { name: 'Grief' }).isVisible()).toBe(false);
  await page.screenshot({ path: join(RESULTS, 'preferences-work-opened.png') });
});
