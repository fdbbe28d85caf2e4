// Timing bench:comments's pages over HTTP, one request at a time, each answer checked; the page
// structure checked once with a real HTML parser; and the walk down the deep thread.
import { parseHTML } from 'linkedom';
import { cpuSample, cpuShares, type CpuSample, type CpuShares } from './comments-cpu.js';

/** One address to measure, the first-level threads it shows (so at least as many comments), and what every answer must hold. */
export type Address = { key: string; label: string; path: string; threads: number; mustHold: string | undefined };

/** Latency, and the CPU milliseconds the app and PostgreSQL spent on a request, on average. */
export type Timing = { p50: number; p95: number; max: number; bytes: number; comments: number; appCpuMs: number; dbCpuMs: number };

/** Where the app runs, so its CPU (and its PostgreSQL cluster's, by postmaster) can be read between requests. */
export type Server = { base: string; pid: number; postmaster: number | null };

/** The structure of a page of threads: its first-level threads and all its comments. */
export type PageShape = { threads: number; comments: number; continueLinks: number };

type Answer = { body: string; ms: number };

async function get(base: string, path: string, cookie: string): Promise<Answer & { cookies: string[] }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: cookie === '' ? {} : { cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return { body, ms, cookies: response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter((c) => c !== '') };
}

function commentIds(body: string): number[] {
  return [...body.matchAll(/<li class="comment[^"]*" id="comment_(\d+)"/g)].map((m) => Number(m[1]));
}

/** Throws unless the answer shows at least a comment for each of its threads and holds what it must. */
function check(address: Address, body: string): number {
  const count = commentIds(body).length;
  if (count < address.threads) throw new Error(`GET ${address.path} shows ${count} comments, expected at least ${address.threads}`);
  if (address.mustHold !== undefined && !body.includes(address.mustHold)) throw new Error(`GET ${address.path} lacks ${address.mustHold}`);
  return count;
}

/** The cookie a first visit gives a guest (their form token's), as a Cookie header sends it back. */
export async function guestCookie(base: string, path: string): Promise<string> {
  return (await get(base, path, '')).cookies.join('; ');
}

/** The first-level threads and comments of a page, counted in its parsed DOM. */
export async function pageShape(base: string, path: string, cookie: string): Promise<PageShape> {
  const { document } = parseHTML((await get(base, path, cookie)).body);
  return {
    threads: document.querySelectorAll('#comments_placeholder > ol.thread > li.comment').length,
    comments: document.querySelectorAll('#comments_placeholder li.comment').length,
    continueLinks: document.querySelectorAll('#comments_placeholder p.continue-thread > a').length,
  };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

function summary(list: number[], cpu: { app: number; db: number }, size: { bytes: number; comments: number }): Timing {
  const sorted = [...list].sort((a, b) => a - b);
  const n = Math.max(list.length, 1);
  return {
    p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN, ...size,
    appCpuMs: 1000 * cpu.app / n, dbCpuMs: 1000 * cpu.db / n,
  };
}

/**
 * Requests the addresses in turn, one at a time: `warmup` rounds unmeasured, then `rounds`
 * measured. Taking them in turn rather than one after another spreads the machine's other load
 * evenly over all of them, which keeps their ratios fair. The CPU used between two samples goes
 * to the one request in between (the kernel counts in 10 ms ticks; over hundreds it evens out).
 */
export async function timeAddresses(server: Server, addresses: Address[], cookie: string, warmup: number, rounds: number): Promise<{ timings: Timing[]; shares: CpuShares }> {
  const times = addresses.map(() => [] as number[]);
  const cpu = addresses.map(() => ({ app: 0, db: 0 }));
  const sizes = addresses.map(() => ({ bytes: 0, comments: 0 }));
  let first: CpuSample | null = null;
  let started = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    if (round === warmup) [first, started] = [cpuSample(server.pid, server.postmaster), performance.now()];
    for (const [i, address] of addresses.entries()) {
      const before = round >= warmup ? cpuSample(server.pid, server.postmaster) : null;
      const { body, ms } = await get(server.base, address.path, cookie);
      sizes[i] = { bytes: Buffer.byteLength(body), comments: check(address, body) };
      if (before === null) continue;
      const after = cpuSample(server.pid, server.postmaster);
      times[i]?.push(ms);
      cpu[i] = { app: (cpu[i]?.app ?? 0) + after.app - before.app, db: (cpu[i]?.db ?? 0) + after.db - before.db };
    }
  }
  const shares = cpuShares(first ?? cpuSample(server.pid, server.postmaster), cpuSample(server.pid, server.postmaster), (performance.now() - started) / 1000);
  return { timings: times.map((list, i) => summary(list, cpu[i] ?? { app: 0, db: 0 }, sizes[i] ?? { bytes: 0, comments: 0 })), shares };
}

export type DeepWalk = { pages: number; levelsReached: number; levels: number; slowestMs: number; totalMs: number };

/** Starts at the deep thread's first comment and follows "Continue thread" until no page offers one. */
export async function walkDeepThread(base: string, deepIds: number[], cookie: string): Promise<DeepWalk> {
  const seen = new Set<number>();
  const times: number[] = [];
  let path: string | null = `/comments/${deepIds[0] ?? 0}`;
  while (path !== null) {
    if (times.length > deepIds.length) throw new Error(`the deep thread's "Continue thread" links go round: ${path}`);
    const { body, ms }: Answer = await get(base, path, cookie);
    const ids = commentIds(body);
    if (ids.length === 0) throw new Error(`GET ${path} shows no comments`);
    ids.forEach((id) => seen.add(id));
    times.push(ms);
    const next = /<p class="continue-thread"><a href="(\/comments\/\d+)">/.exec(body);
    path = next?.[1] ?? null;
  }
  return {
    pages: times.length, levels: deepIds.length, levelsReached: deepIds.filter((id) => seen.has(id)).length,
    slowestMs: Math.max(...times), totalMs: times.reduce((sum, t) => sum + t, 0),
  };
}
