// `npm run bench:files`: stories in and out (issue 5). Prints, in one run:
// - import of a 500,000-word plain-text story (chapters, notes) in MB/s;
// - the EPUB download of a 100,000-word, 30-chapter work through the app (app.inject), uncached
//   (the work's version bumped before each request, so the file is built again) and cached;
// - Calibre's ebook-convert turning our HTML download of that work into an EPUB, as the reference,
//   and the ratio Calibre / ours. Targets: uncached under 300 ms, at least 5 times faster than Calibre.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { localViewer } from '../src/access/viewer.js';
import { createAccount } from '../src/accounts/user.service.js';
import { convertWithCalibre } from '../src/downloads/calibre.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { importFile, wordsImported } from '../src/importing/import.js';
import { wireDomains } from '../src/wiring.js';
import { createWork } from '../src/works/work.service.js';
import { storyText } from './lib/corpus.js';
import { codeVersion, loadLine } from './lib/report.js';

const CHAPTERS = 30;
const WORK_WORDS = 100_000;
const IMPORT_WORDS = 500_000;
const UNCACHED_RUNS = 9;
const CACHED_RUNS = 50;
const TARGET_MS = 300;
const TARGET_RATIO = 5;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await action();
  return [result, performance.now() - started];
}

/** A plain-text story file as writers keep them: a title, an author's note, numbered chapters with titles, an end note. */
function storyFile(words: number): string {
  const parts = ['The Long Way Round the Lighthouse', '', 'A/N: Written over three winters. Thank you to everyone who read it as it went.', ''];
  for (let n = 1; n <= CHAPTERS; n++) parts.push(`Chapter ${n}: The ${n}th Watch`, '', storyText(9000 + n, Math.floor(words / CHAPTERS)), '');
  parts.push('A/N: Thanks for reading all the way to the end!');
  return parts.join('\n');
}

async function benchImport(): Promise<string[]> {
  const bytes = new TextEncoder().encode(storyFile(IMPORT_WORDS));
  const times: number[] = [];
  let summary = '';
  for (let run = 0; run < 5; run++) {
    const [work, took] = await timed(() => importFile(bytes, 'long-way-round.txt', { maxFileBytes: 64 * 1024 * 1024 }));
    times.push(took);
    summary = `${work.chapters.length} chapters, ${work.wordsInFile.toLocaleString('en-US')} words in the file, ${wordsImported(work).toLocaleString('en-US')} imported`;
  }
  const mb = bytes.byteLength / 1e6;
  return [`import of a ${IMPORT_WORDS.toLocaleString('en-US')}-word text file (${mb.toFixed(2)} MB): ${summary}`,
    `  median ${ms(median(times))} over ${times.length} runs = ${(mb / (median(times) / 1000)).toFixed(1)} MB/s (best ${ms(Math.min(...times))})`];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bindery-files-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', EBOOK_CONVERT: 'off' }, { persist: false });
  const handle = openDatabase(config.databaseUrl);
  try {
    const lines = [`Bindery files benchmark: ${loadLine()} before the run; code: ${await codeVersion()}`, '', ...await benchImport(), ''];
    await migrateToLatest(handle.db);
    const user = await createAccount(handle.db, { login: 'benchwriter', email: 'bench@example.org', password: 'harbour lantern oilcan gull' });
    const chapter = (n: number) => ({ title: `The ${n}th Watch`, summary: '', notes: n === 1 ? '<p>A note before the first chapter.</p>' : '', endNotes: '', text: storyText(7000 + n, WORK_WORDS / CHAPTERS) });
    wireDomains();
    const workId = await createWork(handle.db, localViewer(user), {
      title: 'What the Lamp Keeps', summary: '<p>Mara keeps the light — and a ledger.</p>', notes: '', endNotes: '<p>Thank you for reading!</p>',
      rating: 'General Audiences', warnings: ['No Archive Warnings Apply'], categories: ['Gen'], fandoms: 'Original Work', relationships: '',
      characters: 'Mara Quill, Tobias Fenn', freeforms: 'Lighthouses, Slow Burn', language: 'en', restricted: false, commentPermission: 'all',
      expectedChapters: String(CHAPTERS), backdate: '', pseudIds: [], chapter: chapter(1),
    }, 'post', Array.from({ length: CHAPTERS - 1 }, (_, i) => chapter(i + 2)));
    const app = await buildApp(config, handle.db, { logger: false });
    const get = async (path: string) => {
      const response = await app.inject({ method: 'GET', url: path });
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
      return response;
    };
    const words = (await handle.db.selectFrom('works').select('word_count').where('id', '=', workId).executeTakeFirstOrThrow()).word_count;
    const epubPath = `/downloads/${workId}/What_the_Lamp_Keeps.epub`;
    const uncached: number[] = [];
    let size = 0;
    for (let run = 0; run < UNCACHED_RUNS; run++) {
      // A new version is a new file: the app reads the chapters and builds the EPUB again.
      await sql`update works set version = version + 1 where id = ${workId}`.execute(handle.db);
      const [response, took] = await timed(() => get(epubPath));
      uncached.push(took);
      size = response.rawPayload.byteLength;
    }
    const cached: number[] = [];
    for (let run = 0; run < CACHED_RUNS; run++) cached.push((await timed(() => get(epubPath)))[1]);
    lines.push(`EPUB of a ${words.toLocaleString('en-US')}-word, ${CHAPTERS}-chapter work through the app (${(size / 1024).toFixed(0)} KiB):`,
      `  uncached: median ${ms(median(uncached))}, max ${ms(Math.max(...uncached))} over ${UNCACHED_RUNS} runs (the first includes warming up)`,
      `  cached:   median ${ms(median(cached))} over ${CACHED_RUNS} runs`);
    // Found on PATH the way the app finds it at start.
    const calibre = loadConfig({ PATH: process.env.PATH }, { persist: false }).ebookConvert;
    if (calibre === null) {
      lines.push('  Calibre reference: ebook-convert is not installed (apt-get install calibre), no ratio');
    } else {
      const html = (await get(`/downloads/${workId}/What_the_Lamp_Keeps.html`)).rawPayload;
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) runs.push((await timed(() => convertWithCalibre(calibre, html, 'epub', 'html')))[1]);
      const ratio = median(runs) / median(uncached);
      lines.push(`  Calibre reference: ebook-convert of our HTML download to EPUB, median ${ms(median(runs))} over ${runs.length} runs`,
        '', 'targets',
        `  EPUB uncached under ${TARGET_MS} ms:        ${ms(median(uncached)).padStart(10)}   ${median(uncached) < TARGET_MS ? 'PASS' : 'MISS'}`,
        `  at least ${TARGET_RATIO}x faster than Calibre:    ${`${ratio.toFixed(1)}x`.padStart(10)}   ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'}`);
    }
    console.log(lines.join('\n'));
    await app.close();
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
