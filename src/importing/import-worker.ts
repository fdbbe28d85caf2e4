// The body of an import worker thread (import-runner.ts): reads one upload and posts back the
// draft, or the ImportError's code and message. Anything else thrown is posted as `failed`.
import { parentPort, workerData } from 'node:worker_threads';
import { importFile, ImportError, importText, type ImportedWork } from './import.js';
import type { ImportJob } from './import-runner.js';

export type WorkerAnswer =
  | { ok: true; work: ImportedWork }
  | { ok: false; code: ImportError['code']; message: string }
  | { ok: false; code: 'failed'; message: string };

async function run(job: ImportJob): Promise<WorkerAnswer> {
  try {
    const work = job.kind === 'file' ? await importFile(job.bytes, job.fileName) : importText(job.text, job.format);
    return { ok: true, work };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
}

parentPort?.postMessage(await run(workerData as ImportJob));
