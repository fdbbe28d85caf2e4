// `npm run bench:kudos`: the issue's target, "1,000 kudos a second on one work for 10 seconds (from
// many accounts and addresses): no 5xx, every kudos counted, reading speed of other works
// unchanged". Seeds two works and thousands of members, runs the app in a child process, reads
// the other work with wrk alone, then again while this process floods the first with kudos from
// members (JSON API) and guests (the page's form), and prints what was reached and counted.
import { cpuSecondsOf, cpuSecondsOfProcessesNamed, freePort, machineCpuSeconds, selfAndReapedCpuSeconds, startChild, type Child } from './lib/children.js';
import { KudosClient } from './lib/kudos-client.js';
import { runFlood } from './lib/kudos-flood.js';
import { KUDOS_USAGE, membersNeeded, parseKudosOptions, type KudosOptions } from './lib/kudos-options.js';
import { printKudosReport, type CpuShares, type ReadRun } from './lib/kudos-report.js';
import { kudosRows, seedKudos, type KudosSeed } from './lib/kudos-seed.js';
import { runBench } from './lib/run-bench.js';
import { appEnvironment } from './lib/postgres.js';
import { codeVersion, loadLine } from './lib/report.js';
import { runWrk } from './lib/wrk.js';

type CpuSample = { at: number; app: number; self: number; reaped: number; machine: { busy: number; total: number }; database: number };

function sampleCpu(appPid: number, options: KudosOptions): CpuSample {
  return {
    at: performance.now(), app: cpuSecondsOf(appPid), self: cpuSecondsOf(process.pid), reaped: selfAndReapedCpuSeconds(),
    machine: machineCpuSeconds(), database: options.database === 'postgres' ? cpuSecondsOfProcessesNamed('postgres') : 0,
  };
}

/** What each party used between two samples; wrk is counted once it has exited and been reaped. */
function sharesBetween(a: CpuSample, b: CpuSample): CpuShares {
  const self = b.self - a.self;
  return {
    seconds: (b.at - a.at) / 1000, app: b.app - a.app, generator: self, wrk: b.reaped - a.reaped - self, database: b.database - a.database,
    machineBusy: (b.machine.busy - a.machine.busy) / Math.max(b.machine.total - a.machine.total, 1e-9),
  };
}

/** The cookie a guest's first visit gets, as a Cookie header sends it back, so wrk reads as a returning guest. */
async function guestCookie(url: string): Promise<string> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200 || !body.includes('Chapter Text')) throw new Error(`GET ${url} answered ${response.status}, not the work's page`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter((c) => c !== '');
  if (cookies.length === 0) throw new Error(`GET ${url} set no cookie for a new guest`);
  return cookies.join('; ');
}

/** The flooded work's kudos as its stats in the API say. */
async function statsKudos(base: string, workId: number): Promise<number> {
  const response = await fetch(`${base}/api/v1/works/${workId}`);
  if (response.status !== 200) throw new Error(`GET /api/v1/works/${workId} answered ${response.status}`);
  return (await response.json() as { stats: { kudos: number } }).stats.kudos;
}

/**
 * The flooded work's kudos once the app has finished: a request the generator gave up on may still
 * be running in the app, so both counts are read again until they hold still (at most 30 s).
 */
async function settledCounts(base: string, env: Record<string, string>, workId: number): Promise<{ api: number; members: number; guests: number }> {
  let last = { api: -1, members: -1, guests: -1 };
  for (let tries = 0; tries < 60; tries++) {
    const now = { api: await statsKudos(base, workId), ...(await kudosRows(env, workId)) };
    if (now.api === last.api && now.members === last.members && now.guests === last.guests) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}

/** What the run did, for the report's head. */
function setupLines(options: KudosOptions, seed: KudosSeed): string[] {
  const [flooded, other] = [seed.flooded.workId, seed.other.workId];
  const members = membersNeeded(options);
  return [
    `works: /works/${flooded} gets the kudos, /works/${other} is read; each 1 chapter of ${seed.other.words.toLocaleString('en-US')} words; ` +
      `${options.accounts.toLocaleString('en-US')} member accounts with an API token each`,
    `givers: each leaves one kudos; ${members.toLocaleString('en-US')} members by POST /api/v1/works/${flooded}/kudos with their Bearer token (201 expected), ` +
      `${(options.rate * options.seconds - members).toLocaleString('en-US')} guests`,
    `  each from an address of its own (X-Forwarded-For 10.x.y.z, TRUST_PROXY=true): GET /token_dispenser.json, then POST /works/${flooded}/kudos with _csrf and the cookie (303 expected)`,
    `pacing: every 10 ms the givers due at ${options.rate.toLocaleString('en-US')} a second, at most ${options.inFlight} awaiting an answer; node:http keep-alive,`,
    `  ${options.inFlight} sockets opened before the flood starts (as a proxy keeps its connections to the app)`,
    '  latency is timed from when each request was sent; the start lag says how far sending fell behind the schedule',
    `reading: wrk -t${options.threads} -c${options.connections} GET /works/${other} as a returning guest: ${options.seconds} s alone after ${options.warmupSeconds} s warm-up, then ${options.seconds} s during the flood`,
  ];
}

async function bench(options: KudosOptions, dataDir: string, children: Child[]): Promise<void> {
  const env = await appEnvironment(options.database, dataDir);
  const seed = await seedKudos(env, options.words, options.accounts);
  const app = await startChild('app', 'app-server.ts', { env: { ...env, PORT: String(await freePort()), TRUST_PROXY: 'true' }, timeoutMs: 60_000 });
  children.push(app);
  const base = `http://127.0.0.1:${app.port}`;
  const [flooded, other] = [seed.flooded.workId, seed.other.workId];
  const readUrl = `${base}/works/${other}`;
  const machine = loadLine();
  const wrk = { connections: options.connections, threads: options.threads, seconds: options.seconds, headers: { cookie: await guestCookie(readUrl) } };
  if (options.warmupSeconds > 0) await runWrk(readUrl, { ...wrk, seconds: options.warmupSeconds });
  let before = sampleCpu(app.pid, options);
  const aloneWrk = await runWrk(readUrl, wrk);
  const alone: ReadRun = { wrk: aloneWrk, cpu: sharesBetween(before, sampleCpu(app.pid, options)) };
  const client = new KudosClient(app.port, options.inFlight);
  await client.open(options.inFlight);
  before = sampleCpu(app.pid, options);
  const [duringWrk, flood] = await Promise.all([runWrk(readUrl, wrk), runFlood(options, client, flooded, seed.tokens)]);
  const during: ReadRun = { wrk: duringWrk, cpu: sharesBetween(before, sampleCpu(app.pid, options)) };
  if (options.verbose) console.log(`--- wrk alone\n${aloneWrk.output}\n--- wrk during the flood\n${duringWrk.output}`);
  const counted = await settledCounts(base, env, flooded);
  printKudosReport({
    title: `Bindery kudos benchmark: ${options.rate.toLocaleString('en-US')} kudos a second on /works/${flooded} for ${options.seconds} s, reading /works/${other}, on ${seed.flooded.dialect}`,
    setup: [...setupLines(options, seed), `machine: ${machine} before the runs; code: ${await codeVersion()}`],
    rate: options.rate, flood, counted, alone, during,
  });
}

process.exitCode = await runBench({ name: 'bench:kudos', usage: KUDOS_USAGE, parse: parseKudosOptions, needsWrk: true, run: bench });
