// `bindery jobs status` and `bindery jobs enqueue-probe N [--ms MS]`: the queue at a glance, and
// its self-test (src/jobs/probe.ts) for an operator checking that workers run each job once.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { countJobs } from '../jobs/job.repository.js';
import { enqueueProbes } from '../jobs/probe.js';
import type { CliIo } from './commands.js';

const USAGE = 'Usage: npm run bindery -- jobs status, or npm run bindery -- jobs enqueue-probe <n> [--ms <milliseconds>]';

function wholeNumber(raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || value > max) throw new AppError('bad_request', USAGE);
  return value;
}

/** Runs a `jobs` command. */
export async function runJobsCommand(db: Kysely<Database>, args: readonly string[], io: Pick<CliIo, 'out'>): Promise<void> {
  const [, verb, count] = args;
  if (verb === 'status') {
    const counts = await countJobs(db);
    if (counts.length === 0) io.out('No jobs.');
    for (const c of counts) io.out(`${c.kind.padEnd(24)} ${c.state.padEnd(8)} ${c.n}`);
    return;
  }
  if (verb !== 'enqueue-probe') throw new AppError('bad_request', USAGE);
  const at = args.indexOf('--ms');
  const ms = at === -1 ? 0 : wholeNumber(args[at + 1], 600_000);
  const ids = await enqueueProbes(db, wholeNumber(count, 100_000), ms);
  io.out(`Queued ${ids.length} probe job${ids.length === 1 ? '' : 's'} (ids ${ids[0] ?? '-'} to ${ids.at(-1) ?? '-'}); each writes one row to job_probes when it runs.`);
}
