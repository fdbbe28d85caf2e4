// Starting a worker thread on one of our TypeScript modules. The app runs its source through tsx,
// and a worker is a fresh module world: it registers tsx itself before importing the module, so
// this works the same under `npm start`, the CLI, the benchmarks and the tests.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker running the TypeScript module at `entry` (a file: URL, e.g. `new URL('./x.ts', import.meta.url)`). */
export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}
