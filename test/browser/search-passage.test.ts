// "Read this passage in its chapter" lands on the passage itself, in Debian's Chromium.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { postWork, signUp, type TestApp } from '../helpers.js';
import { RESULTS, useBrowser } from './harness.js';

const FILLER = 'The keeper wound the clock and climbed the stairs again, as she did every night of the long winter.';

async function seed(t: TestApp): Promise<void> {
  const writer = await signUp(t.app);
  const before = Array.from({ length: 60 }, () => FILLER).join('\n\n');
  const after = Array.from({ length: 20 }, () => FILLER).join('\n\n');
  await postWork(writer, { title: 'Winter Lamp', 'chapter.text': `${before}\n\nThat night the lamp showed a quillborne heron on the rocks below.\n\n${after}` });
  // The match is the third word of its paragraph: the words before it in the passage start in the paragraph before.
  await postWork(writer, { title: 'Spring Lamp', 'chapter.text': `${before}\n\nAt dusk a marrowlight moth settled on the glass.\n\n${after}` });
  // A phrase whose words sit either side of a paragraph's end.
  await postWork(writer, { title: 'Autumn Lamp', 'chapter.text': `${before}\n\nThe whole shore smelled of ashgrebe\n\nLanterns burned along the quay until morning.\n\n${after}` });
}

/** Searches for `query`, follows the first result's passage link and says whether the paragraph holding `word` is then in view. */
async function landsOn(word: string, query = word): Promise<boolean> {
  const { page: open, origin } = browser();
  const page = await open();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin}/works/search?work_search[query]=${encodeURIComponent(query)}`);
  await page.getByRole('link', { name: 'Read this passage in its chapter' }).click();
  await page.waitForURL(/\/chapters\/\d+/);
  await page.waitForFunction(() => window.scrollY > 1000);
  const visible = await page.evaluate((wanted) => {
    const paragraph = Array.from(document.querySelectorAll('#chapters p')).find((p) => p.textContent.includes(wanted));
    if (paragraph === undefined) return false;
    const box = paragraph.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, word);
  await page.screenshot({ path: join(RESULTS, `search-passage-${word}.png`) });
  return visible;
}

const browser = useBrowser(seed);

test('a search result\'s passage link scrolls its chapter to the passage and highlights it', async () => {
  expect(await landsOn('quillborne')).toBe(true);
});

test('the link lands too when the passage runs on from the paragraph before the match', async () => {
  expect(await landsOn('marrowlight')).toBe(true);
});

test('the link lands too when a phrase runs over a paragraph\'s end', async () => {
  expect(await landsOn('ashgrebe', '"ashgrebe lanterns"')).toBe(true);
});
