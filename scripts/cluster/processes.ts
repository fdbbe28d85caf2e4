// The cluster's processes: Node programs of this repository run through tsx with their output in a
// log file, waited for until they answer, stopped with a signal (and SIGKILL if they linger).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `src/main.ts` and `src/cli.ts` are. */
export const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

const STOP_GRACE_MS = 10_000;

/** A program's environment: PATH (for tsx's esbuild and Calibre lookups) and nothing else of ours, so the config is what we pass. */
export function programEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
}

/** Runs `node --import tsx <script> ...args` from the repository with exactly `env`, its output appended to `log`. */
export function spawnProgram(script: string, args: readonly string[], env: Record<string, string>, log: string): ChildProcess {
  const fd = openSync(log, 'a');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPOSITORY, env: programEnv(env), stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) throw new Error(`${script} could not be started`);
    return child;
  } finally {
    closeSync(fd);
  }
}

/** Whether the process has ended. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends `signal` and waits for the end, sending SIGKILL after ten seconds. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(child)) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited(child);
  clearTimeout(timer);
}

/** The last lines of a log file, to say why a process did not come up. */
export function logTail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Polls `ready` every 100 ms until it answers true; fails when the process ends first or after `timeoutMs`. */
export async function waitUntil(child: ChildProcess, name: string, log: string, ready: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${name} exited before it was ready (code ${String(child.exitCode)}, signal ${String(child.signalCode)}):\n${logTail(log)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${logTail(log)}`);
}
