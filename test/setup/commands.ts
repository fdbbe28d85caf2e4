// Small helpers for running the machine's programs from the test setup.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The full path of a program on PATH, or undefined when there is none. */
export function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined;
}

/** Whether this process runs as root (never on Windows, which has no uid). */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a program and returns its standard output; a failure throws with the program's own error output. */
export function run(program: string, args: readonly string[], options: { cwd?: string } = {}): string {
  try {
    return execFileSync(program, args, { cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${[program, ...args].join(' ')} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

/** A machine that lacks something and may not be changed: its message is the whole story, so no stack. */
export class MachineNotReady extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MachineNotReady';
    this.stack = message;
  }
}
