// The queue's rules for everyone but the runner: enqueueing inside the caller's transaction, the
// administrator's view and retry, and the self-test probe.
import type { Db, JobState } from '../db/database.js';
import { notFound } from '../http/errors.js';
import * as repo from './job.repository.js';

export type EnqueueOptions = {
  /** When to run it; default now. */
  runAt?: Date;
  /** Tries before it is failed for good; default 5. */
  maxAttempts?: number;
  /** While a job with this key is queued or running, enqueueing another is a no-op. */
  uniqueKey?: string;
};

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Queues a job. Pass the caller's transaction: the job then exists exactly when the write that
 * asked for it committed. Returns the job's id, or null when `uniqueKey` is held already.
 */
export function enqueueJob(db: Db, kind: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<number | null> {
  const now = new Date().toISOString();
  return repo.insertJob(db, {
    kind, payload: JSON.stringify(payload ?? {}), now, runAt: options.runAt?.toISOString() ?? now,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, uniqueKey: options.uniqueKey ?? null,
  });
}

/** What the admin page shows: counts by kind and state, the failed jobs and the running ones. */
export type JobOverview = {
  counts: Array<{ kind: string; state: JobState; n: number }>;
  failed: repo.JobRow[];
  running: repo.JobRow[];
};

/** The queue at a glance, for administrators. */
export async function jobOverview(db: Db): Promise<JobOverview> {
  const [counts, failed, running] = await Promise.all([repo.countJobs(db), repo.jobsIn(db, 'failed', 100), repo.jobsIn(db, 'running', 100)]);
  return { counts, failed, running };
}

/** Queues a failed job again from its first attempt; says what happened, for the administrator. 404 when there is no such job. */
export async function retryJob(db: Db, id: number): Promise<string> {
  const job = await repo.findJob(db, id);
  if (job === undefined) throw notFound();
  if (await repo.requeueFailed(db, id, new Date().toISOString())) return `Job ${id} (${job.kind}) is queued again.`;
  return job.state === 'failed' ? `Job ${id} was left as it is: another ${job.kind} job is already queued.` : `Job ${id} is ${job.state}, not failed: there was nothing to retry.`;
}
