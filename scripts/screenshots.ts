// Screenshots of every page, desktop and phone, light and dark, for looking at the design the way a reader does.
// Run: npx tsx scripts/screenshots.ts [name ...]   (only the pages whose names contain a given word; needs Debian's Chromium)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { PLAIN_COOKIE_NAMES } from '../src/http/cookies.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { TestClient, type Fields } from '../test/client.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = join('test-results', 'screens');
const PASSWORD = 'lantern orchard biscuit';

const VARIANTS = [
  { name: 'desktop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  { name: 'phone-light', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
] as const;

// ---------------------------------------------------------------- the stories (our own)

const TIDE_CHAPTERS: Fields[] = [
  {
    title: 'The Hundred and Fourteen Steps', summary: '', notes: '', endNotes: '',
    text: [
      '<p>The lamp had to be lit before the tide turned, and the tide, Mara had learned, waited for nobody — not for weddings, not for funerals, and certainly not for a relief keeper who came off the mail boat with two suitcases and no gloves.</p>',
      '<p>“You’ll want these,” she said, and held out her spare pair. They were too small for him. He put them on anyway.</p>',
      '<p>“Tobias,” he said. “Fenn. The Board sent—”</p>',
      '<p>“I know what the Board sent.” She was already climbing. One hundred and fourteen steps; her mother had made her count them aloud every night until she was nine, and she had never once stopped counting them in her head. At sixty she heard him stumble. At eighty he stopped apologizing.</p>',
      '<hr>',
      '<p>The storm came in at half past seven, exactly when the almanac said it would. Mara trimmed the wick, wound the clockwork and watched the beam swing out over the black water, slow as a held breath…</p>',
      '<p>“Does it ever go out?” Tobias asked from the doorway. He had found the kettle, which was more than the last one had managed.</p>',
      '<p>“Not while I’m here.” She did not say <em>and not while you’re here either</em>, but he seemed to hear it all the same.</p>',
    ].join('\n'),
  },
  {
    title: 'Salt in Everything',
    summary: 'In which there is nearly a shipwreck, and a long argument about biscuits.',
    notes: 'The biscuit recipe is real. Do not attempt it in a gale.',
    endNotes: 'Next time: the Board’s inspector arrives, and nobody is ready.',
    text: [
      'The trawler showed up on the third night, a smear of green light where no light should have been.',
      'Tobias saw it first, which Mara would not forgive him for. “She’s too close to the Teeth,” he said — the rocks had a proper name on the charts, but nobody on the Point had used it in living memory.',
      '“She’ll turn.” Mara said it the way her mother had said it, the way you say a prayer you have stopped believing in.',
      'The trawler turned. Afterwards, in the kitchen, they ate the last of the ship’s biscuits, which tasted of salt and tin, and argued for an hour about whether they were worth the name.',
    ].join('\n\n'),
  },
  {
    title: 'The Inspector', summary: '', notes: '', endNotes: '',
    text: [
      'The inspector wore a grey coat and carried a grey umbrella, and he looked at the lamp as though it owed him money.',
      '“Ninety years,” he said. “Never dark. Remarkable.” He wrote something in a small book and did not show them what.',
    ].join('\n\n'),
  },
];

// A file as writers keep them: a title line, an author's note, chapter headings, a scene break, end notes.
const IMPORT_FILE = [
  'The Salt-Glass Orchard', '',
  'A/N: Written for the winter swap. Thank you to everyone who read it twice, and to R. for the title.', '',
  'Chapter 1: Frost', '',
  'Wren counted the apple trees every morning, because her grandmother had, and because somebody ought to.', '',
  'There were forty-one. There had always been forty-one, even the year the river came up to the kitchen door.', '',
  'Chapter 2: The Stranger', '',
  'The man at the gate wore a coat too thin for the season and carried nothing at all.', '',
  '12 miles, he said, before she could ask. I walked 12 miles to see if the glass apples were real.', '',
  '* * *', '',
  'By evening he had mended the fence and eaten two bowls of soup, and Wren still did not know his name.', '',
  'Chapter 3: Thaw', '',
  'When the ice went out of the glass apples, they rang like small bells.', '',
  'Wren stood under the trees with the stranger and listened until the last one was quiet.', '',
  'Thanks for reading! Comments are always welcome.',
].join('\n');

function work(overrides: Fields): Fields {
  return {
    title: '', summary: '', notes: '', endNotes: '', rating: 'General Audiences', warnings: 'No Archive Warnings Apply',
    categories: 'Gen', fandoms: 'Original Work', relationships: '', characters: '', freeforms: '', language: 'en',
    commentPermission: 'all', expectedChapters: '1', backdate: '', 'chapter.title': '', 'chapter.summary': '',
    'chapter.notes': '', 'chapter.endNotes': '',
    'chapter.text': 'The kettle sang, and the house woke around it.\n\nNobody spoke until the tea was poured — that was the rule, and it was a good one.',
    action: 'post', ...overrides,
  };
}

const FILLER_TITLES = [
  'The Orchard in Winter', 'Seven Ways to Mend a Sail', 'Paper Boats', 'A Map of the Quiet Places', 'Nightjar',
  'What the Ravens Said', 'Borrowed Light', 'The Long Way Round the Harbour', 'Field Notes on a Haunting',
  'Thimble', 'Everything Is Fine at the Post Office', 'Ashes, Ashes', 'The Cartographer’s Apprentice',
  'Small Hours', 'Teaching the Dog to Swim', 'Under the Bell Tower', 'Ferry Crossing', 'Bread and Salt',
  'Lamplighters', 'The Second Summer', 'Notes Toward a Better Weather Forecast',
];
const FILLER_FANDOMS = ['Lanternfall (TV)', 'Original Work', 'The Saltmarsh Chronicles', 'Copper & Clay (Video Game)'];
const FILLER_RATINGS = ['General Audiences', 'Teen And Up Audiences', 'Mature', 'Not Rated'];

// ---------------------------------------------------------------- seeding through the forms

async function post(client: TestClient, formPath: string, url: string, fields: Fields): Promise<string> {
  await client.get(formPath);
  const response = await client.post(url, fields);
  const location = String(response.headers.location);
  if (response.statusCode !== 303) throw new Error(`POST ${url} answered ${response.statusCode}: ${response.body.slice(0, 800)}`);
  return location;
}

async function signUp(app: FastifyInstance, login: string): Promise<TestClient> {
  const client = new TestClient(app, '10.9.0.1');
  await post(client, '/signup', '/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD });
  return client;
}

type Seeded = { writer: TestClient; tide: string; tideChapters: string[]; explicit: string; draft: string; restricted: string; imported: string };

async function seed(app: FastifyInstance): Promise<Seeded> {
  const other = await signUp(app, 'oakmoss');
  for (const [i, title] of FILLER_TITLES.entries()) {
    await post(other, '/works/new', '/works', work({
      title, fandoms: FILLER_FANDOMS[i % FILLER_FANDOMS.length] ?? 'Original Work', rating: FILLER_RATINGS[i % FILLER_RATINGS.length] ?? 'Not Rated',
      summary: i % 3 === 0 ? '' : 'A short summary — the kind that promises more than it says.',
      freeforms: i % 2 === 0 ? 'Fluff, Hurt/Comfort' : 'Angst', backdate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`,
    }));
  }
  const writer = await signUp(app, 'marisol_writes');
  const [first, ...rest] = TIDE_CHAPTERS;
  const tide = await post(writer, '/works/new', '/works', work({
    title: 'What the Tide Keeps', rating: 'Teen And Up Audiences', categories: ['F/M', 'Gen'],
    fandoms: 'Lanternfall (TV)', relationships: 'Mara Quill/Tobias Fenn, Mara Quill & Old Agnes',
    characters: 'Mara Quill, Tobias Fenn, Old Agnes, The Inspector', freeforms: 'Slow Burn, Found Family, Alternate Universe - Lighthouse Keepers, Weather as a Metaphor, Biscuits',
    summary: 'The lamp at Gull Point has not gone dark in ninety years. Mara means to keep it that way — even if the new relief keeper can’t tell a wick from a fishing line.',
    notes: 'For everyone who waited out the season-two finale.\n\nThe title is from a shanty my grandmother hummed and never finished.',
    endNotes: 'Thank you for reading! Kudos and comments keep the light on.', expectedChapters: '4',
    'chapter.title': first?.title ?? '', 'chapter.text': first?.text ?? '',
  }));
  const tideChapters = [];
  for (const chapter of rest) tideChapters.push(await post(writer, `${tide}/chapters/new`, `${tide}/chapters`, { ...chapter, action: 'post' }));
  const explicit = await post(writer, '/works/new', '/works', work({
    title: 'Low Water', rating: 'Explicit', warnings: 'Creator Chose Not To Use Archive Warnings', categories: 'M/M',
    fandoms: 'Lanternfall (TV)', relationships: 'Tobias Fenn/The Inspector', summary: 'The inspector stays the night. It is a long night.',
  }));
  const draft = await post(writer, '/works/new', '/works', work({ title: 'Untitled Lighthouse Thing', action: 'draft', fandoms: 'Lanternfall (TV)' }));
  const restricted = await post(writer, '/works/new', '/works', work({ title: 'Letters Never Sent', restricted: '1', summary: 'Forty letters, one lighthouse, no stamps.' }));
  await writer.get('/works/import');
  const upload = await writer.postMultipart('/works/import', { text: '', format: 'text' }, [{ name: 'file', fileName: 'salt-glass-orchard.txt', content: IMPORT_FILE }]);
  if (upload.statusCode !== 303) throw new Error(`POST /works/import answered ${upload.statusCode}: ${upload.body.slice(0, 800)}`);
  return { writer, tide, tideChapters, explicit, draft, restricted, imported: String(upload.headers.location) };
}

// ---------------------------------------------------------------- the pages

type Shot = { name: string; as: 'guest' | 'writer'; path: string; act?: (page: Page) => Promise<void>; viewportOnly?: boolean };

async function tabTo(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.keyboard.press('Tab');
}

async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

function shots(s: Seeded): Shot[] {
  const chapter2 = s.tideChapters[0] ?? s.tide;
  return [
    { name: 'front-page', as: 'guest', path: '/' },
    { name: 'works', as: 'guest', path: '/works' },
    { name: 'works-page-2', as: 'guest', path: '/works?page=2' },
    { name: 'signup', as: 'guest', path: '/signup' },
    {
      name: 'signup-errors', as: 'guest', path: '/signup', act: async (page) => {
        await page.getByLabel('User name').fill('m!');
        await page.getByLabel('Email').fill('mara@lighthouse');
        await page.getByLabel(/^Password/).fill('tide');
        await page.getByLabel('Confirm password').fill('tides');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.locator('.error-summary').waitFor();
      },
    },
    { name: 'login', as: 'guest', path: '/login' },
    { name: 'new-work', as: 'writer', path: '/works/new' },
    {
      name: 'new-work-errors', as: 'writer', path: '/works/new', act: async (page) => {
        await page.getByLabel('Rating').selectOption('Mature');
        await page.getByLabel('Fandoms').fill('Lanternfall {TV}');
        await page.getByLabel(/^Title/).fill('Gull Point');
        await page.getByLabel(/^Work text/).fill('Too short');
        await page.getByLabel('Expected number of chapters').fill('two');
        await page.getByRole('button', { name: 'Post', exact: true }).click();
        await page.locator('.error-summary').waitFor();
      },
    },
    { name: 'import-upload', as: 'writer', path: '/works/import' },
    {
      name: 'import-upload-errors', as: 'writer', path: '/works/import', act: async (page) => {
        await page.getByRole('button', { name: 'Read the story' }).click();
        await page.locator('.error-summary').waitFor();
      },
    },
    { name: 'import-preview', as: 'writer', path: s.imported },
    {
      name: 'import-preview-errors', as: 'writer', path: s.imported, act: async (page) => {
        await page.getByLabel('Fandoms').fill('Salt {Glass}');
        await page.getByRole('button', { name: 'Post', exact: true }).click();
        await page.locator('.error-summary').waitFor();
      },
    },
    { name: 'work-chapter-1', as: 'guest', path: s.tide },
    { name: 'work-download-menu', as: 'guest', path: s.tide, viewportOnly: true, act: async (page) => { await page.locator('li.download summary').first().click(); } },
    { name: 'work-chapter-2-creator', as: 'writer', path: chapter2 },
    { name: 'entire-work', as: 'guest', path: `${s.tide}?view_full_work=true` },
    { name: 'chapter-index', as: 'guest', path: `${s.tide}/navigate` },
    { name: 'adult-notice', as: 'guest', path: s.explicit },
    { name: 'draft', as: 'writer', path: s.draft },
    { name: 'manage-chapters', as: 'writer', path: `${s.tide}/chapters/manage` },
    { name: 'add-chapter', as: 'writer', path: `${s.tide}/chapters/new` },
    { name: 'my-works', as: 'writer', path: '/users/marisol_writes/works' },
    { name: 'not-found', as: 'guest', path: '/works/999999' },
    { name: 'registered-only', as: 'guest', path: s.restricted },
    { name: 'focus-skip-link', as: 'guest', path: '/', viewportOnly: true, act: (page) => tabTo(page, 1) },
    { name: 'focus-header-link', as: 'guest', path: '/', viewportOnly: true, act: (page) => tabTo(page, 3) },
    { name: 'focus-work-link', as: 'guest', path: '/', viewportOnly: true, act: (page) => tabUntil(page, 'li.blurb h4 a') },
    { name: 'focus-select', as: 'writer', path: '/works/new', viewportOnly: true, act: (page) => tabUntil(page, 'select') },
    { name: 'focus-button', as: 'guest', path: s.tide, viewportOnly: true, act: (page) => tabUntil(page, '.chapter-menu button') },
  ];
}

// ---------------------------------------------------------------- the browser

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((word) => name.includes(word));

async function capture(browser: Browser, origin: string, seeded: Seeded): Promise<string[]> {
  const files: string[] = [];
  // The writer's session, without the flash message left over from seeding.
  const writerCookies = [...seeded.writer.cookies].filter(([name]) => name !== PLAIN_COOKIE_NAMES.flash).map(([name, value]) => ({ name, value, url: origin }));
  for (const variant of VARIANTS) {
    for (const as of ['guest', 'writer'] as const) {
      const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme });
      if (as === 'writer') await context.addCookies(writerCookies);
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      for (const shot of shots(seeded).filter((x) => x.as === as && wanted(x.name))) {
        await page.goto(origin + shot.path);
        if (shot.act) await shot.act(page);
        const file = join(OUT, `${shot.name}-${variant.name}.png`);
        await page.screenshot({ path: file, fullPage: shot.viewportOnly !== true });
        files.push(file);
      }
      await context.close();
    }
  }
  return files.sort();
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Screenshots need Debian's Chromium at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium".`);
  const dir = await mkdtemp(join(tmpdir(), 'bindery-screens-'));
  const handle = openDatabase(`sqlite:${join(dir, 'bindery.sqlite')}`);
  await migrateToLatest(handle.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }, { persist: false });
  const app = await buildApp(config, handle.db, { logger: false });
  // Playwright gives a launched browser its own fresh, temporary profile and removes it on close.
  let browser: Browser | undefined;
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const seeded = await seed(app);
    await mkdir(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const files = await capture(browser, origin, seeded);
    console.log(`${files.length} screenshots in ${OUT}/:\n${files.map((f) => `  ${f}`).join('\n')}`);
  } finally {
    await browser?.close();
    await app.close();
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
