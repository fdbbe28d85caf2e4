// bench:capacity's figures: requests a second over the measured window, and per request class its
// count, p50, p99 and failures; then where the machine's CPU went.
import type { Outcome } from '../../scripts/cluster/load.js';
import { percentile } from './listing-run.js';

export type CpuSplit = Record<string, number>;

export type CapacityRun = { label: string; seconds: number; outcomes: Outcome[]; cpu: CpuSplit; machineBusy: number };

function row(cells: Array<string | number>): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(18) : String(c).padStart(9))).join(' ');
}

/** Prints one run: its total, each class, and the CPU seconds per second of each part (2.00 = both cores). */
export function printRun(run: CapacityRun): void {
  const failed = run.outcomes.filter((o) => !o.ok);
  console.log(`\n${run.label}: ${(run.outcomes.length / run.seconds).toFixed(0)} requests/s over ${run.seconds} s, ${failed.length} failed`);
  console.log(row(['class', 'requests', 'per s', 'p50 ms', 'p99 ms', 'failed']));
  const kinds = [...new Set(run.outcomes.map((o) => o.kind))].sort();
  for (const kind of kinds) {
    const of = run.outcomes.filter((o) => o.kind === kind);
    const ms = of.map((o) => o.ms);
    console.log(row([kind, of.length, (of.length / run.seconds).toFixed(1), percentile(ms, 0.5).toFixed(1), percentile(ms, 0.99).toFixed(1), of.filter((o) => !o.ok).length]));
  }
  const all = run.outcomes.map((o) => o.ms);
  console.log(row(['all', run.outcomes.length, (run.outcomes.length / run.seconds).toFixed(1), percentile(all, 0.5).toFixed(1), percentile(all, 0.99).toFixed(1), failed.length]));
  const parts = Object.entries(run.cpu).map(([name, seconds]) => `${name} ${(seconds / run.seconds).toFixed(2)}`).join(', ');
  console.log(`CPU (cores busy): ${parts}; whole machine ${(run.machineBusy / run.seconds).toFixed(2)} of 2`);
  const sample = failed.slice(0, 3).map((o) => `${o.kind} ${o.status} ${o.error ?? o.body?.slice(0, 120) ?? ''}`);
  if (sample.length > 0) console.log(`first failures: ${sample.join(' | ')}`);
}
