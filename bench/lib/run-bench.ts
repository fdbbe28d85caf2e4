// What every benchmark script does around its measurement: read its flags (or print its usage),
// check that wrk is there when it needs it, give it a scratch data folder, and stop the processes
// it started and remove the folder whatever happens. Answers the exit code.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Child } from './children.js';
import { hasWrk, WRK } from './wrk.js';

export type BenchSpec<O extends { help: boolean }> = {
  /** The npm script's name, for messages (bench:read). */
  name: string;
  usage: string;
  parse: (argv: string[]) => O;
  needsWrk: boolean;
  /** The measurement; every child it starts goes into `children`. */
  run: (options: O, dataDir: string, children: Child[]) => Promise<void>;
};

export async function runBench<O extends { help: boolean }>(spec: BenchSpec<O>): Promise<number> {
  let options: O;
  try {
    options = spec.parse(process.argv.slice(2));
    if (options.help) {
      console.log(spec.usage);
      return 0;
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n${spec.usage}`);
    return 2;
  }
  if (spec.needsWrk && !hasWrk()) {
    console.error(`This benchmark needs wrk at ${WRK}. Install Debian's package:\n  apt-get update && apt-get install -y wrk`);
    return 1;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bindery-bench-'));
  const children: Child[] = [];
  try {
    await spec.run(options, dataDir, children);
    return 0;
  } catch (error) {
    console.error(`${spec.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    for (const child of children) await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
