// Prints bench:comments's report: what was seeded, each address's latency, the targets with PASS
// or MISS, and the walk down the deep thread.
import type { CommentsSeed } from './comments-seed.js';
import type { CpuShares } from './comments-cpu.js';
import type { Address, DeepWalk, PageShape, Timing } from './comments-measure.js';

/** The target for a first page of comments, alone and under the work. */
export const MAX_P95_MS = 50;

export type CommentsReport = {
  dialect: string; seed: CommentsSeed; setup: string[];
  addresses: Array<{ address: Address; timing: Timing }>;
  /** Indexes into `addresses`: the pages held to the target, and the work page with and without comments. */
  targeted: number[]; withComments: number; reference: number;
  shapes: Array<{ label: string; shape: PageShape }>;
  deep: DeepWalk;
  shares: CpuShares;
};

/** Past this share of one core used by other processes, latency says more about the neighbours than about us. */
const NOISY_OTHERS = 0.1;

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) => value.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function seedLines(seed: CommentsSeed): string[] {
  const { shape } = seed;
  return [
    `seed: 1 posted work (1 chapter of ${count(seed.work.words)} words), ${count(seed.members)} members, ${count(seed.comments)} published comments (${count(shape.guestComments)} by guests) ` +
      `in ${count(seed.threads)} threads, ${count(seed.words)} words in ${count(seed.contentChars)} characters of HTML; seeded in ${fixed(seed.seconds)} s`,
    `threads: median ${shape.medianThread} comments, largest ${shape.largestThread}, ${count(shape.lonelyThreads)} without replies; ` +
      `replies reach depth ${shape.deepestRegular} in the ordinary threads and ${seed.deepestDepth} in the deep one (its root on the first page)`,
    `table: ${count(seed.table.comments)} comments on ${count(seed.table.works)} work${seed.table.works === 1 ? '' : 's'} in all (a shared database keeps earlier runs')`,
  ];
}

function table(report: CommentsReport): string[] {
  const width = Math.max(...report.addresses.map(({ address }) => address.label.length)) + 2;
  return [
    `${''.padEnd(width)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'app CPU'.padStart(9)}${'db CPU'.padStart(8)}${'KiB'.padStart(8)}${'comments'.padStart(10)}`,
    ...report.addresses.map(({ address, timing }) => address.label.padEnd(width) + fixed(timing.p50, 2).padStart(9) + fixed(timing.p95, 2).padStart(9) +
      fixed(timing.max, 2).padStart(9) + fixed(timing.appCpuMs, 2).padStart(9) + fixed(timing.dbCpuMs, 2).padStart(8) +
      fixed(timing.bytes / 1024).padStart(8) + count(timing.comments).padStart(10)),
    'app CPU, db CPU = milliseconds of CPU the app process and PostgreSQL\'s processes used per request, on average',
  ];
}

/** Prints the whole report to stdout. */
export function printCommentsReport(report: CommentsReport): void {
  const { addresses, deep } = report;
  const withComments = addresses[report.withComments]?.timing;
  const reference = addresses[report.reference]?.timing;
  const ratio = (pick: (t: Timing) => number) => (withComments === undefined || reference === undefined ? NaN : pick(withComments) / pick(reference));
  const deepOk = deep.levelsReached === deep.levels;
  const targetWidth = Math.max(...report.targeted.map((i) => (addresses[i]?.address.label.length ?? 0))) + 16;
  const lines = [
    `Bindery comments benchmark: ${count(report.seed.comments)} comments on one work, on ${report.dialect}`,
    ...seedLines(report.seed).map((s) => `  ${s}`), ...report.setup.map((s) => `  ${s}`),
    ...report.shapes.map(({ label, shape }) => `  ${label}: ${shape.threads} threads at the first level, ${shape.comments} comments shown, ${shape.continueLinks} "Continue thread" link${shape.continueLinks === 1 ? '' : 's'}`), '',
    ...table(report),
    `while measured: the app used ${fixed(100 * report.shares.app, 0)}% of a core, PostgreSQL ${fixed(100 * report.shares.db, 0)}%, ` +
      `other processes ${fixed(100 * report.shares.others, 0)}%; the machine's cores were ${fixed(100 * report.shares.machine, 0)}% busy`,
    ...(report.shares.others > NOISY_OTHERS ? [`warning: other processes used ${fixed(100 * report.shares.others, 0)}% of a core while measured; the latencies are disturbed, the CPU per request less so`] : []),
    `ratio of the work page with its comments to without: p50 ${fixed(ratio((t) => t.p50), 2)}x, p95 ${fixed(ratio((t) => t.p95), 2)}x`, '',
    'targets',
    ...report.targeted.flatMap((i) => {
      const row = addresses[i];
      const label = `${row?.address.label ?? ''}: p95 < ${MAX_P95_MS} ms`.padEnd(targetWidth);
      return row === undefined ? [] : [`  ${label}${fixed(row.timing.p95, 2).padStart(9)} ms   ${verdict(row.timing.p95 < MAX_P95_MS)}`];
    }),
    `  a thread ${deep.levels} levels deep: ${deep.levelsReached} of ${deep.levels} levels shown over ${deep.pages} pages of "Continue thread", every page 200; ` +
      `slowest page ${fixed(deep.slowestMs, 2)} ms, all ${fixed(deep.totalMs, 1)} ms   ${verdict(deepOk)}`,
  ];
  console.log(lines.join('\n'));
}
