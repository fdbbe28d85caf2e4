// Prints bench:kudos's figures: what the flood reached, every answer by status, kudos latency,
// kudos counted against kudos answered, the other work's reading alone and during the flood,
// where the machine's CPU went, and the issue's targets with PASS or MISS.
import { cpus } from 'node:os';
import { NOT_SENT, type Exchange, type GiverResult } from './kudos-client.js';
import type { FloodResult } from './kudos-flood.js';
import type { WrkResult } from './wrk.js';

/** CPU seconds each party used over one measured stretch, and how busy the whole machine was (0..1). */
export type CpuShares = { seconds: number; app: number; generator: number; wrk: number; database: number; machineBusy: number };

export type ReadRun = { wrk: WrkResult; cpu: CpuShares };

export type KudosReport = {
  title: string; setup: string[]; rate: number;
  flood: FloodResult;
  counted: { api: number; members: number; guests: number };
  alone: ReadRun; during: ReadRun;
};

const number = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) => value.toLocaleString('en-US');
const pad = (text: string, width: number) => text.padStart(width);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The value below which `share` of the sorted figures lie (nearest rank). */
function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? NaN;
}

function latencyRow(label: string, exchanges: Exchange[]): string {
  const ms = exchanges.filter((e) => e.status !== 0).map((e) => e.ms).sort((a, b) => a - b);
  return `  ${label.padEnd(26)}${pad(count(ms.length), 8)}${[0.5, 0.95, 0.99, 1].map((s) => pad(number(percentile(ms, s), 2), 9)).join('')}`;
}

/** "201 × 5,000" for each status, the failures (status 0) named by their error. */
function byStatus(exchanges: Exchange[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const e of exchanges) {
    const key = e.status === 0 ? `no answer (${e.error ?? 'unknown'})` : String(e.status);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return tally;
}

function tallyLine(tally: Map<string, number>): string {
  return [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} × ${count(n)}`).join(', ') || 'none';
}

function answerLines(results: GiverResult[]): string[] {
  const members = results.filter((r) => r.member);
  const guests = results.filter((r) => !r.member);
  const outcomes = (rs: GiverResult[]) => `${count(rs.filter((r) => r.outcome === 'left').length)} left, ${count(rs.filter((r) => r.outcome === 'already').length)} already`;
  const expected = (r: GiverResult) => (r.member ? r.kudos.status === 201 : r.kudos.status === 303);
  const odd = results.flatMap((r) => [r.kudos, ...(r.token !== undefined && r.token.status !== 200 ? [r.token] : [])]).filter((e) => e.status >= 500 || e.status === 0);
  const unexpected = results.filter((r) => !expected(r)).map((r) => r.kudos);
  return [
    `  members, API POST:      ${tallyLine(byStatus(members.map((r) => r.kudos)))}   (${outcomes(members)})`,
    `  guests, token GET:      ${tallyLine(byStatus(guests.flatMap((r) => (r.token === undefined ? [] : [r.token]))))}`,
    `  guests, form POST:      ${tallyLine(byStatus(guests.map((r) => r.kudos)))}   (flash: ${outcomes(guests)})`,
    `  not 201/303:            ${tallyLine(byStatus(unexpected))}`,
    `  5xx or no answer:       ${tallyLine(byStatus(odd))}`,
  ];
}

function readRow(label: string, run: ReadRun): string {
  const w = run.wrk;
  const errors = w.errors.connect + w.errors.read + w.errors.write + w.errors.status + w.errors.timeout;
  return `  ${label.padEnd(20)}${pad(number(w.requestsPerSecond), 10)}${pad(number(w.p50Ms, 2), 9)}${pad(number(w.p90Ms, 2), 9)}` +
    `${pad(number(w.p99Ms, 2), 9)}${pad(number(w.maxMs, 2), 9)}${pad(String(errors), 8)}`;
}

/** Busy CPU none of the measured processes account for: other work on the machine, and the kernel's. */
function othersSeconds(cpu: CpuShares): number {
  return cpu.machineBusy * cpu.seconds * cpus().length - cpu.app - cpu.generator - cpu.wrk - cpu.database;
}

/** Past this share of one core used by other processes, the figures say more about the neighbours than about us. */
const NOISY_OTHERS = 0.1;

function cpuLine(cpu: CpuShares): string {
  const core = (seconds: number) => `${number((100 * seconds) / cpu.seconds, 0)}%`;
  return `app ${core(cpu.app)}, generator ${core(cpu.generator)}, wrk ${core(cpu.wrk)}, PostgreSQL ${core(cpu.database)}, ` +
    `others ${core(othersSeconds(cpu))}; machine ${number(100 * cpu.machineBusy, 0)}% of all cores busy`;
}

function noiseWarnings(runs: Array<[string, CpuShares]>): string[] {
  return runs.filter(([, cpu]) => othersSeconds(cpu) / cpu.seconds > NOISY_OTHERS)
    .map(([label, cpu]) => `warning: other processes used ${number((100 * othersSeconds(cpu)) / cpu.seconds, 0)}% of a core during the ${label} run; its figures are disturbed`);
}

/** Prints the whole report to stdout. */
export function printKudosReport(report: KudosReport): void {
  const { flood, alone, during, counted } = report;
  const sent = flood.results.length;
  const achieved = sent / flood.windowSeconds;
  const answeredLeft = flood.results.filter((r) => (r.member ? r.kudos.status === 201 : r.kudos.status === 303)).length;
  const fives = flood.results.flatMap((r) => [r.kudos, ...(r.token === undefined ? [] : [r.token])]).filter((e) => e.status >= 500).length;
  const unanswered = flood.results.filter((r) => r.kudos.status === 0 && r.kudos.error !== NOT_SENT).length;
  const countedOk = counted.api === answeredLeft && counted.members + counted.guests === answeredLeft;
  const lag = [...flood.lagMs].sort((a, b) => a - b);
  const header = `${''.padEnd(22)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}`;
  const lines = [
    report.title, ...report.setup.map((s) => `  ${s}`), '',
    'kudos flood',
    `  sent ${count(sent)} of ${count(sent + flood.unsent)} scheduled in ${number(flood.windowSeconds)} s: ${number(achieved)} a second (aimed at ${count(report.rate)}); last answer at ${number(flood.drainedSeconds, 2)} s`,
    `  start lag behind the schedule: p50 ${number(percentile(lag, 0.5), 2)} ms, p99 ${number(percentile(lag, 0.99), 2)} ms, max ${number(percentile(lag, 1), 2)} ms`,
    ...answerLines(flood.results), '',
    `latency, ms${''.padEnd(19)}${pad('count', 8)}${pad('p50', 9)}${pad('p95', 9)}${pad('p99', 9)}${pad('max', 9)}`,
    latencyRow('kudos, all', flood.results.map((r) => r.kudos)),
    latencyRow('kudos, members (API)', flood.results.filter((r) => r.member).map((r) => r.kudos)),
    latencyRow('kudos, guests (form)', flood.results.filter((r) => !r.member).map((r) => r.kudos)),
    latencyRow('guests\' token GET', flood.results.flatMap((r) => (r.token === undefined ? [] : [r.token]))), '',
    'counted',
    `  answered 201 or 303: ${count(answeredLeft)}; the work's stats.kudos (API): ${count(counted.api)}; kudos rows: ${count(counted.members + counted.guests)} ` +
      `(${count(counted.members)} members, ${count(counted.guests)} guests)   ${verdict(countedOk)}`,
    ...(unanswered === 0 ? [] : [`  ${count(unanswered)} kudos requests were sent but had no answer; the app may still have counted them after the generator gave up`]), '',
    'reading the other work (wrk)', header,
    readRow('alone', alone), readRow('during the flood', during),
    `  ratio during/alone: req/s ${number(during.wrk.requestsPerSecond / alone.wrk.requestsPerSecond, 3)}, p99 ${number(during.wrk.p99Ms / alone.wrk.p99Ms, 2)}×`, '',
    `CPU in % of one core, alone:  ${cpuLine(alone.cpu)}`,
    `CPU in % of one core, during: ${cpuLine(during.cpu)}`,
    '  (during = from the flood\'s start to its last answer; generator = this process, which sends the kudos;',
    '  others = the rest of the machine\'s busy time: other processes and the kernel\'s own work)',
    `machine: ${cpus().length} cores, shared by the app, this generator${during.cpu.database > 0 ? ', wrk and PostgreSQL (all its processes, whatever database)' : ' and wrk'}; none has a core`,
    '  to itself, so the app\'s figures are lower than on a machine of its own.',
    ...noiseWarnings([['alone', alone.cpu], ['flood', during.cpu]]), '',
    'targets (from the issue)',
    `  rate reached: >= 99% of ${count(report.rate)} a second   ${pad(number(achieved), 9)}   ${verdict(achieved >= 0.99 * report.rate)}`,
    `  no 5xx                               ${pad(count(fives), 9)}   ${verdict(fives === 0)}`,
    `  every kudos counted                  ${pad(`${count(counted.api)}/${count(answeredLeft)}`, 9)}   ${verdict(countedOk)}`,
    `  other work's reading unchanged       req/s ×${number(during.wrk.requestsPerSecond / alone.wrk.requestsPerSecond, 3)}, p99 ×${number(during.wrk.p99Ms / alone.wrk.p99Ms, 2)}` +
      '   (no threshold in the issue: judge; wrk reads as fast as the app answers, so alone the reads have the app to themselves)',
  ];
  console.log(lines.join('\n'));
}
