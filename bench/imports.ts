// `npm run bench:imports`: whether hostile uploads stall other readers now that imports are read in
// worker threads. Seeds a posted work and a member with an API token, runs the app in a child
// process, times the work's cached page for a returning guest one request at a time at rest, then
// again while the member keeps two hostile EPUBs (one 15 MB chapter each) in POST /api/v1/imports,
// and prints both latencies, the p99 ratio against the 2x target, and how the imports were answered.
import { parseArgs } from 'node:util';
import { createApiToken } from '../src/accounts/session.service.js';
import { createAccount } from '../src/accounts/user.service.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { IMPORT_RUNNER_DEFAULTS } from '../src/importing/import-runner.js';
import { hostileEpub } from '../src/importing/zip-fixtures.js';
import { freePort, startChild, type Child } from './lib/children.js';
import { guestCookie } from './lib/comments-measure.js';
import { percentile } from './lib/listing-run.js';
import { appEnvironment } from './lib/postgres.js';
import { codeVersion, loadLine } from './lib/report.js';
import { runBench } from './lib/run-bench.js';
import { seedReadingWork } from './lib/seed.js';

type ImportsOptions = { database: 'sqlite' | 'postgres'; requests: number; seconds: number; help: boolean };

const USAGE = `usage: npm run bench:imports -- [options]
  --database sqlite|postgres  which database the app runs on (default sqlite; postgres reads DATABASE_URL)
  --requests N                measured requests to the work page at rest, and at least as many during imports (default 2000)
  --seconds S                 keep reading during imports for at least S seconds, so whole imports (start, 20 s of
                              parsing, the worker ended) fall inside the measured reads (default 45)
  --help                      print this`;

/** The target: a reader's p99 while hostile imports run within this many times its p99 at rest. */
const TARGET_RATIO = 2;
const IN_FLIGHT = 2;
const WARMUP = 200;
/** Imports start this long before the timed reads, so the worker is already parsing when they begin. */
const HEAD_START_MS = 1000;
const WORDS = 5000;
const PARAGRAPH = '<p>The ferry horn sounded twice across the grey water, and Ines counted the gulls again.</p>';

function parseImportsOptions(argv: string[]): ImportsOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string', default: 'sqlite' }, requests: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '45' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(`--requests must be a whole number of at least 1, got "${values.requests}"`);
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`--seconds must be a number of seconds, got "${values.seconds}"`);
  return { database: values.database, requests, seconds, help: values.help };
}

/** Posts the work guests read and signs up the member who imports; answers the work's id and the member's token. */
async function seed(env: Record<string, string>): Promise<{ workId: number; dialect: string; token: string }> {
  const { workId, dialect } = await seedReadingWork(env, WORDS);
  const handle = openDatabase(loadConfig(env).databaseUrl);
  try {
    const login = `importer_${Date.now().toString(36)}`;
    await createAccount(handle.db, { login, email: `${login}@example.org`, password: 'ferry horn grey water gulls' });
    return { workId, dialect, token: await createApiToken(handle.db, login, 'bench') };
  } finally {
    await handle.close();
  }
}

/**
 * Milliseconds for each sequential GET, from sending to the body's last byte, until at least
 * `count` were made and `forMs` went by; every answer must be the work's page.
 */
async function timeReads(url: string, cookie: string, count: number, forMs = 0): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + forMs;
  while (times.length < count || performance.now() < until) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200 || !body.includes('Chapter Text')) throw new Error(`GET ${url} answered ${response.status}, not the work's page`);
  }
  return times;
}

type ImportAnswer = { label: string; ms: number };

/** One hostile upload through the API, labelled by its status, error code and reason (`422 import_failed (too_complex)`). */
async function importOnce(base: string, token: string, content: string): Promise<ImportAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/v1/imports`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'deep.epub', content }),
    });
    const body = await response.json() as { error?: { code?: string; fields?: { content?: string } } };
    const reason = body.error?.fields?.content;
    const label = [String(response.status), body.error?.code ?? '', reason === undefined ? '' : `(${reason})`].filter((p) => p !== '').join(' ');
    return { label, ms: performance.now() - started };
  } catch (error) {
    return { label: `no answer: ${(error as Error).message}`, ms: performance.now() - started };
  }
}

/** Keeps `inFlight` uploads going, each lane sending the next as soon as its last is answered, until stopped. */
function keepImporting(base: string, token: string, content: string, inFlight: number): { stop: () => Promise<ImportAnswer[]> } {
  const answers: ImportAnswer[] = [];
  let stopping = false;
  const lane = async () => {
    while (!stopping) answers.push(await importOnce(base, token, content));
  };
  const lanes = Array.from({ length: inFlight }, lane);
  return { stop: async () => { stopping = true; await Promise.all(lanes); return answers; } };
}

const ms = (value: number) => value.toFixed(2).padStart(9);

function latencyRow(label: string, times: number[]): string {
  return `  ${label.padEnd(22)}${String(times.length).padStart(9)}${[0.5, 0.95, 0.99, 1].map((q) => ms(percentile(times, q))).join('')}`;
}

/** Each kind of answer: how many, and their wall times from sending to the answer. */
function answerLines(answers: ImportAnswer[]): string[] {
  const kinds = [...new Set(answers.map((a) => a.label))].sort();
  return kinds.map((kind) => {
    const times = answers.filter((a) => a.label === kind).map((a) => a.ms / 1000);
    return `  ${kind.padEnd(36)}${String(times.length).padStart(4)}   wall s min ${Math.min(...times).toFixed(1)}, p50 ${percentile(times, 0.5).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`;
  });
}

type Figures = { title: string; setup: string[]; rest: number[]; hostile: number[]; hostileSeconds: number; answers: ImportAnswer[] };

function printImportsReport(f: Figures): void {
  const ratio = percentile(f.hostile, 0.99) / percentile(f.rest, 0.99);
  console.log([
    f.title, ...f.setup.map((s) => `  ${s}`), '',
    `  ${'GET work page'.padEnd(22)}${'requests'.padStart(9)}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((h) => h.padStart(9)).join('')}`,
    latencyRow('at rest', f.rest), latencyRow('during hostile imports', f.hostile),
    `  the reads during imports ran from ${(HEAD_START_MS / 1000).toFixed(1)} s to ${(HEAD_START_MS / 1000 + f.hostileSeconds).toFixed(1)} s after the first import was sent`, '',
    `imports answered: ${f.answers.length}`, ...answerLines(f.answers), '',
    'target',
    `  p99 during hostile imports <= ${TARGET_RATIO}x p99 at rest: ${ratio.toFixed(2)}x (p50 ${(percentile(f.hostile, 0.5) / percentile(f.rest, 0.5)).toFixed(2)}x)   ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'}`,
  ].join('\n'));
}

async function bench(options: ImportsOptions, dataDir: string, children: Child[]): Promise<void> {
  const env = await appEnvironment(options.database, dataDir);
  const seeded = await seed(env);
  const app = await startChild('app', 'app-server.ts', { env: { ...env, PORT: String(await freePort()) } });
  children.push(app);
  const base = `http://127.0.0.1:${app.port}`;
  const url = `${base}/works/${seeded.workId}`;
  const epub = hostileEpub(PARAGRAPH.repeat(170_000), 1);
  const content = Buffer.from(epub).toString('base64');
  const cookie = await guestCookie(base, `/works/${seeded.workId}`);
  const machine = loadLine();
  await timeReads(url, cookie, WARMUP);
  const rest = await timeReads(url, cookie, options.requests);
  const imports = keepImporting(base, seeded.token, content, IN_FLIGHT);
  await new Promise((resolve) => setTimeout(resolve, HEAD_START_MS));
  const started = performance.now();
  const hostile = await timeReads(url, cookie, options.requests, options.seconds * 1000);
  const hostileSeconds = (performance.now() - started) / 1000;
  const answers = await imports.stop();
  const runner = IMPORT_RUNNER_DEFAULTS;
  printImportsReport({
    title: `Bindery imports benchmark: /works/${seeded.workId}'s cached page while hostile EPUBs are imported, on ${seeded.dialect}`,
    setup: [
      `reads: GET /works/${seeded.workId} (1 chapter, ${WORDS.toLocaleString('en-US')} words) as a returning guest, one at a time over keep-alive; ${WARMUP} unmeasured, then ${options.requests} at rest, then at least ${options.requests} and ${options.seconds} s during imports`,
      `imports: ${IN_FLIGHT} in flight by POST /api/v1/imports as a member with a Bearer token, the next sent as soon as one is answered, ${HEAD_START_MS / 1000} s head start before the reads; stopped after them`,
      `  the file: deep.epub, ${(epub.length / 1024).toFixed(0)} KiB zipped, one story document of ${(PARAGRAPH.length * 170_000 / 1e6).toFixed(1)} MB; ` +
        `the app reads ${runner.concurrency} at a time (${runner.waiting} may wait), each stopped after ${runner.timeoutMs / 1000} s or ${runner.heapMb} MiB`,
      `machine: ${machine} before the runs; code: ${await codeVersion()}`,
    ],
    rest, hostile, hostileSeconds, answers,
  });
}

process.exitCode = await runBench({ name: 'bench:imports', usage: USAGE, parse: parseImportsOptions, needsWrk: false, run: bench });
