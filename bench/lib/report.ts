// Prints the benchmark's table: throughput and latency of the app and the bare server, the
// app's memory, and each target with PASS or MISS.
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Memory } from './children.js';
import type { WrkResult } from './wrk.js';

export const TARGETS = { minRatio: 0.5, maxP99Ms: 20 } as const;

/** One server's measured run: wrk's figures plus the CPU its process and the machine used meanwhile. */
export type ServerRun = WrkResult & {
  served: number; serverCpuSeconds: number; databaseCpuSeconds: number; machineBusy: number; othersCpuSeconds: number;
};

export type Report = {
  title: string; setup: string[];
  /** The app's runs, each labelled by who the requests come as (a new guest, a returning one). */
  apps: Array<{ label: string; run: ServerRun }>;
  bare: ServerRun;
  memory: { idle: Memory; after: Memory };
};

const number = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (text: string, width: number) => text.padStart(width);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function errorCount(result: WrkResult): number {
  const e = result.errors;
  return e.connect + e.read + e.write + e.status + e.timeout;
}

function row(label: string, run: ServerRun): string {
  return label.padEnd(22) + pad(number(run.requestsPerSecond), 11) + pad(number(run.p50Ms, 2), 9) +
    pad(number(run.p90Ms, 2), 9) + pad(number(run.p99Ms, 2), 9) + pad(number(run.maxMs, 2), 9) +
    pad(number(run.bytes / run.seconds / 1048576), 9) + pad(String(errorCount(run)), 8) +
    pad(number(100 * run.serverCpuSeconds / run.seconds, 0), 7) + pad(number(1e6 * run.serverCpuSeconds / run.requests, 0), 9) +
    pad(number(100 * run.databaseCpuSeconds / run.seconds, 0), 6) + pad(number(100 * run.machineBusy, 0), 9) +
    pad(number(100 * run.othersCpuSeconds / run.seconds, 0), 8);
}

/** Past this share of one core used by other processes, the figures say more about the neighbours than about us. */
const NOISY_OTHERS = 0.1;

/** The load average, printed because a busy machine (2 cores) changes every figure. */
export function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

/** Which code was measured: the commit, and whether files differed from it. */
export async function codeVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['describe', '--always', '--dirty=+uncommitted changes'], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    return stdout.trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Prints the whole report to stdout. */
export function printReport(report: Report): void {
  const { apps, bare, memory } = report;
  const ratios = apps.map(({ label, run }) => ({ label, ratio: run.requestsPerSecond / bare.requestsPerSecond, run }));
  const lines = [
    report.title, ...report.setup.map((s) => `  ${s}`), '',
    `${''.padEnd(22)}${pad('req/s', 11)}${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('MiB/s', 9)}${pad('errors', 8)}` +
      `${pad('CPU %', 7)}${pad('µs/req', 9)}${pad('db %', 6)}${pad('machine', 9)}${pad('others', 8)}`,
    ...apps.map(({ label, run }) => row(label, run)), row('bare node:http', bare),
    ...ratios.map(({ label, ratio }) => `${`ratio ${label}`.padEnd(22)}${pad(number(ratio, 3), 11)}`),
    'CPU % = the server process (all threads) in % of one core; µs/req = its CPU time per request; db % = PostgreSQL\'s',
    `processes in % of one core; machine = all ${cpus().length} cores busy, in % of all; others = everything else but wrk, in % of one core.`, '',
    `app memory: VmRSS ${number(memory.after.rssMb)} MiB after the run (${number(memory.idle.rssMb)} MiB idle before it), ` +
      `peak VmHWM ${number(memory.after.peakMb)} MiB`, '',
    'targets',
    ...ratios.flatMap(({ label, ratio, run }) => [
      `  ${label}: throughput ratio to bare >= ${TARGETS.minRatio}   ${pad(number(ratio, 3), 9)}      ${verdict(ratio >= TARGETS.minRatio)}`,
      `  ${label}: p99 latency < ${TARGETS.maxP99Ms} ms            ${pad(number(run.p99Ms, 2), 9)} ms   ${verdict(run.p99Ms < TARGETS.maxP99Ms)}`,
    ]),
  ];
  for (const { label, run: result } of [...apps, { label: 'bare', run: bare }]) {
    if (result.othersCpuSeconds / result.seconds > NOISY_OTHERS) lines.push(`warning: other processes used ${number(100 * result.othersCpuSeconds / result.seconds, 0)}% of a core during the ${label} run; its figures are disturbed`);
    if (errorCount(result) > 0) lines.push(`warning: ${label} had errors: ${JSON.stringify(result.errors)} (status = non-2xx/3xx answers)`);
  }
  console.log(lines.join('\n'));
}
