// CPU while bench:comments measures: the app's and PostgreSQL's for each request (robust when the
// machine is shared: latency then says more about the neighbours than about us), and how busy the
// machine was meanwhile. PostgreSQL is the app's cluster only (its postmaster and children): test
// runs on the same machine start clusters of their own, also named "postgres".
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { cpuSecondsOf, machineCpuSeconds, selfAndReapedCpuSeconds } from './children.js';

/** CPU seconds so far: the app, PostgreSQL's cluster, this process, and the machine's busy and total. */
export type CpuSample = { app: number; db: number; bench: number; busy: number; total: number };

/** While measured, in shares of one core (machine: of all cores). */
export type CpuShares = { app: number; db: number; others: number; machine: number };

/** Linux counts process times in USER_HZ ticks, 100 a second on every mainstream kernel configuration. */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name: [1] is the parent, [11..14] the times. */
function statFields(pid: number | string): number[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
}

/** The postmaster of the cluster `url` names: the parent of a backend of ours. */
export async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    return statFields(rows[0]?.pid ?? 0)[1] ?? 0;
  } finally {
    await client.end();
  }
}

/** CPU seconds of a postmaster, its exited children and its live ones (backends, autovacuum, writers). */
function clusterCpuSeconds(postmaster: number): number {
  let total = statFields(postmaster).slice(11, 15).reduce((sum, t) => sum + t, 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (fields[1] === postmaster) total += (fields[11] ?? 0) + (fields[12] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return total / TICKS_PER_SECOND;
}

/** Reads the counters now; with a postmaster, its cluster's too (a scan of /proc, so a few milliseconds). */
export function cpuSample(appPid: number, postmaster: number | null): CpuSample {
  const machine = machineCpuSeconds();
  return { app: cpuSecondsOf(appPid), db: postmaster === null ? 0 : clusterCpuSeconds(postmaster), bench: selfAndReapedCpuSeconds(), busy: machine.busy, total: machine.total };
}

/** What was used between two samples, over the wall-clock seconds between them. */
export function cpuShares(before: CpuSample, after: CpuSample, seconds: number): CpuShares {
  const app = after.app - before.app;
  const db = after.db - before.db;
  const busy = after.busy - before.busy;
  return {
    app: app / seconds, db: db / seconds, others: (busy - app - db - (after.bench - before.bench)) / seconds,
    machine: busy / Math.max(after.total - before.total, 1e-9),
  };
}
