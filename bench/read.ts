// `npm run bench:read`: how fast one work's page is read under load. Seeds a work of about 5,000
// words, runs the app and a bare node:http server (serving the app's exact bytes) in child
// processes, loads each with wrk, and prints throughput, latency, memory and the targets.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSecondsOf, cpuSecondsOfProcessesNamed, freePort, machineCpuSeconds, memoryOf, selfAndReapedCpuSeconds, startChild, type Child } from './lib/children.js';
import { parseOptions, USAGE, type BenchOptions } from './lib/options.js';
import { runBench } from './lib/run-bench.js';
import { appEnvironment } from './lib/postgres.js';
import { summariseProfileOf } from './lib/profile.js';
import { codeVersion, loadLine, printReport, type ServerRun } from './lib/report.js';
import { seedReadingWork } from './lib/seed.js';
import { runWrk } from './lib/wrk.js';

const PROFILE_DIR = fileURLToPath(new URL('./out/profiles/', import.meta.url));

type Page = { body: Buffer; contentType: string };

async function fetchPage(url: string): Promise<Page> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.toString('utf8', 0, 300)}`);
  if (!body.includes('Chapter Text')) throw new Error(`GET ${url} is not a work page with its chapter text`);
  return { body, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}

/**
 * Warms up, then measures, noting the CPU the server and the whole machine used meanwhile (other
 * work on a 2-core machine moves every figure); `served` counts the requests of both runs.
 */
async function load(server: Child, url: string, options: BenchOptions, headers: Record<string, string> = {}): Promise<ServerRun> {
  const settings = { connections: options.connections, threads: options.threads, headers };
  const warmup = options.warmupSeconds > 0 ? await runWrk(url, { ...settings, seconds: options.warmupSeconds }) : null;
  const sample = () => ({
    server: cpuSecondsOf(server.pid), bench: selfAndReapedCpuSeconds(), machine: machineCpuSeconds(),
    database: options.database === 'postgres' ? cpuSecondsOfProcessesNamed('postgres') : 0,
  });
  const before = sample();
  const result = await runWrk(url, { ...settings, seconds: options.seconds });
  const after = sample();
  if (options.verbose) console.log(`--- wrk against ${server.name}\n${result.output}`);
  const serverCpuSeconds = after.server - before.server;
  const databaseCpuSeconds = after.database - before.database;
  const machineBusySeconds = after.machine.busy - before.machine.busy;
  return {
    ...result, served: result.requests + (warmup?.requests ?? 0), serverCpuSeconds, databaseCpuSeconds,
    machineBusy: machineBusySeconds / Math.max(after.machine.total - before.machine.total, 1e-9),
    othersCpuSeconds: machineBusySeconds - serverCpuSeconds - databaseCpuSeconds - (after.bench - before.bench),
  };
}

type Servers = { app: Child; bare: Child; path: string; page: Page };

/** The cookie a first visit to the page gives a guest, as a Cookie header sends it back. */
async function guestCookie(url: string): Promise<string> {
  const response = await fetch(url);
  await response.arrayBuffer();
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter((c) => c !== '');
  if (cookies.length === 0) throw new Error(`GET ${url} set no cookie for a new guest`);
  return cookies.join('; ');
}

/** The hits a work page shows, once the app has had the second it takes to see another process's counts. */
async function hitsShown(url: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const body = (await fetchPage(url)).body.toString('utf8');
  return /<dd class="hits">([^<]*)<\/dd>/.exec(body)?.[1] ?? 'none';
}

/** Starts the app on the seeded database, fetches the work's page, then starts the bare server with those bytes. */
async function startServers(options: BenchOptions, env: Record<string, string>, workId: number, children: Child[]): Promise<Servers> {
  const nodeFlags = options.profile ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  if (options.profile) await mkdir(PROFILE_DIR, { recursive: true });
  const app = await startChild('app', 'app-server.ts', { env: { ...env, PORT: String(await freePort()) }, nodeFlags });
  children.push(app);
  const path = `/works/${workId}`;
  const page = await fetchPage(`http://127.0.0.1:${app.port}${path}`);
  const bodyFile = join(env.DATA_DIR ?? tmpdir(), 'page.html');
  await writeFile(bodyFile, page.body);
  const bare = await startChild('bare', 'bare-server.ts', { args: [bodyFile, page.contentType] });
  children.push(bare);
  if (!(await fetchPage(`http://127.0.0.1:${bare.port}${path}`)).body.equals(page.body)) throw new Error('the bare server does not send the app\'s bytes');
  return { app, bare, path, page };
}

async function bench(options: BenchOptions, dataDir: string, children: Child[]): Promise<void> {
  const env = await appEnvironment(options.database, dataDir);
  const work = await seedReadingWork(env, options.words);
  const { app, bare, path, page } = await startServers(options, env, work.workId, children);
  const machine = loadLine();
  const idle = memoryOf(app.pid);
  const bumper = options.bumps > 0 ? await startChild('counters', 'counter-bumper.ts', { env: { ...env, BENCH_WORK_ID: String(work.workId), BENCH_BUMPS: String(options.bumps) } }) : null;
  if (bumper !== null) children.push(bumper);
  const url = `http://127.0.0.1:${app.port}${path}`;
  // A guest's first page gives them a cookie (for their form token); their later pages send it back.
  const newGuests = await load(app, url, options);
  const returningGuests = await load(app, url, options, { cookie: await guestCookie(url) });
  await bumper?.stop();
  const after = memoryOf(app.pid);
  const counted = bumper === null ? null : await hitsShown(`http://127.0.0.1:${app.port}${path}`);
  const bareRun = await load(bare, `http://127.0.0.1:${bare.port}${path}`, options);
  printReport({
    title: `Bindery read benchmark: GET ${path} on ${work.dialect}${options.profile ? ' (app under --cpu-prof)' : ''}`,
    setup: [
      `work: 1 chapter, ${work.words.toLocaleString('en-US')} words, ${work.textChars.toLocaleString('en-US')} characters typed; page ${page.body.length.toLocaleString('en-US')} bytes, ${page.contentType}`,
      `load: wrk -t${options.threads} -c${options.connections}, ${options.seconds} s measured after ${options.warmupSeconds} s warm-up, each server in its own process`,
      `machine: ${machine} before the run; code: ${await codeVersion()}`,
      ...(counted === null ? [] : [`counters: another process bumped the work's counters ${options.bumps} times a second while the app was measured; its page then showed Hits: ${counted}`]),
    ],
    apps: [{ label: 'app, new guests', run: newGuests }, { label: 'app, returning guests', run: returningGuests }], bare: bareRun, memory: { idle, after },
  });
  if (options.profile) {
    await app.stop();
    console.log(`\n${await summariseProfileOf(PROFILE_DIR, app.pid, newGuests.served + returningGuests.served)}`);
  }
}

process.exitCode = await runBench({ name: 'bench:read', usage: USAGE, parse: parseOptions, needsWrk: true, run: bench });
