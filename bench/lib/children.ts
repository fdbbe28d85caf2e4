// Child processes for the servers under load: started through tsx with an IPC channel, ready
// when they say so, stopped with SIGTERM; and their memory as the kernel reports it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type Child = { name: string; pid: number; port: number; stop: () => Promise<void> };

export type ChildOptions = { args?: string[]; env?: Record<string, string>; nodeFlags?: string[]; timeoutMs?: number };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function waitForReady(name: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (code ${String(code)}, signal ${String(signal)})`));
    });
    child.once('message', (message: { ready?: boolean; port?: number }) => {
      clearTimeout(timer);
      if (message.ready === true && typeof message.port === 'number') resolve(message.port);
      else reject(new Error(`${name} sent an unexpected message: ${JSON.stringify(message)}`));
    });
  });
}

/** Starts `bench/servers/<file>` in its own Node process (its own event loop) and waits until it listens. */
export async function startChild(name: string, file: string, options: ChildOptions = {}): Promise<Child> {
  const script = fileURLToPath(new URL(`../servers/${file}`, import.meta.url));
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  const port = await waitForReady(name, child, options.timeoutMs ?? 30_000);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  return { name, pid: child.pid, port, stop };
}

/** A TCP port that was free a moment ago on 127.0.0.1 (the app takes its port from PORT, as in production). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Memory = { rssMb: number; peakMb: number };

/** Resident memory now (VmRSS) and at its peak (VmHWM) for a process, from /proc/<pid>/status. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Linux reports process times in USER_HZ ticks, 100 a second on every mainstream kernel configuration. */
const TICKS_PER_SECOND = 100;

function statFields(pid: number | 'self'): number[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
}

/** CPU seconds a process has used so far, all its threads, user plus system (/proc/<pid>/stat). */
export function cpuSecondsOf(pid: number): number {
  const fields = statFields(pid);
  return ((fields[11] ?? 0) + (fields[12] ?? 0)) / TICKS_PER_SECOND;
}

function cpuSecondsWithReapedOf(pid: number | 'self'): number {
  return statFields(pid).slice(11, 15).reduce((sum, t) => sum + t, 0) / TICKS_PER_SECOND;
}

/** CPU seconds of this process plus its children that have exited and been waited for (so each finished wrk run). */
export function selfAndReapedCpuSeconds(): number {
  return cpuSecondsWithReapedOf('self');
}

/** Busy and total CPU seconds of the whole machine so far, summed over cores (/proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/**
 * CPU seconds used so far by every process named `name` (PostgreSQL's server and backends are all
 * "postgres"), counting exited children their parent has reaped, so a backend that ends mid-run
 * (pg's pool closes idle connections) still counts.
 */
export function cpuSecondsOfProcessesNamed(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) total += cpuSecondsWithReapedOf(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** CPU seconds of a process and its direct children (PostgreSQL's backends, nginx's workers), those reaped included. */
export function cpuSecondsOfTree(pid: number): number {
  let total = cpuSecondsWithReapedOf(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (statFields(Number(entry))[1] === pid) total += cpuSecondsWithReapedOf(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}
