// All SQL for the job queue. Claiming is the one place the dialects differ: PostgreSQL locks the
// rows it takes with `for update skip locked`, so workers on many connections never take the same
// job and never wait on each other; SQLite runs the whole claim as one UPDATE ... RETURNING, which
// holds the database's single write lock while it runs, so two processes cannot take the same job.
import { sql, type Selectable } from 'kysely';
import { dialectOf } from '../db/connect.js';
import type { Db, JobState, JobTable } from '../db/database.js';

export type JobRow = Selectable<JobTable>;

/** What a new job needs; run_at defaults to now. */
export type NewJob = { kind: string; payload: string; runAt: string; maxAttempts: number; uniqueKey: string | null; now: string };

/** Inserts a job; null when a queued or running job already holds its unique key. */
export async function insertJob(db: Db, job: NewJob): Promise<number | null> {
  const row = await db.insertInto('jobs').values({
    kind: job.kind, payload: job.payload, run_at: job.runAt, max_attempts: job.maxAttempts, unique_key: job.uniqueKey, created_at: job.now,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return row?.id ?? null;
}

/** A worker's claim: which kinds it runs, how many it takes, who it is and until when it holds them. */
export type Claim = { kinds: readonly string[]; limit: number; owner: string; now: string; leaseUntil: string };

/** True when some job of these kinds is due or its worker's lease ran out: a cheap look before claiming. */
export async function anyDue(db: Db, kinds: readonly string[], now: string): Promise<boolean> {
  if (kinds.length === 0) return false;
  const row = await db.selectFrom('jobs').select('id').where('kind', 'in', kinds).where((eb) => eb.or([
    eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
    eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', now)]),
  ])).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes up to `limit` due jobs for one worker and counts an attempt on each. A running job whose
 * lease ran out (its worker stopped mid-job) is due again while it has attempts left.
 */
export async function claimJobs(db: Db, claim: Claim): Promise<JobRow[]> {
  if (claim.kinds.length === 0) return [];
  const due = db.selectFrom('jobs').select('id').where('kind', 'in', claim.kinds).where((eb) => eb.or([
    eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', claim.now)]),
    eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', claim.now), eb('attempts', '<', eb.ref('max_attempts'))]),
  ])).orderBy('run_at').orderBy('id').limit(claim.limit);
  const picked = dialectOf(db) === 'postgres' ? due.forUpdate().skipLocked() : due;
  return db.updateTable('jobs').set((eb) => ({
    state: 'running', attempts: eb('attempts', '+', 1), lease_owner: claim.owner, lease_expires_at: claim.leaseUntil, started_at: claim.now,
  })).where('id', 'in', picked).returningAll().execute();
}

/** Fails the running jobs whose worker stopped mid-job on their last attempt; returns how many. */
export async function failAbandoned(db: Db, now: string): Promise<number> {
  const result = await db.updateTable('jobs').set({
    state: 'failed', finished_at: now, lease_owner: null, lease_expires_at: null,
    last_error: sql<string>`coalesce(last_error || ' / ', '') || ${'its worker stopped before finishing, on the last attempt'}`,
  }).where('state', '=', 'running').where('lease_expires_at', '<', now).where((eb) => eb('attempts', '>=', eb.ref('max_attempts'))).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Extends a worker's lease on a job; false when the job is no longer its own. */
export async function renewLease(db: Db, id: number, owner: string, leaseUntil: string): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ lease_expires_at: leaseUntil })
    .where('id', '=', id).where('lease_owner', '=', owner).where('state', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How a run ended: done, to run again at `runAt` (a retry, or a recurring job's next turn), or failed for good. */
export type Outcome =
  | { state: 'done'; at: string }
  | { state: 'queued'; at: string; runAt: string; error: string | null; resetAttempts: boolean }
  | { state: 'failed'; at: string; error: string };

/** Records how a run ended, if the job is still this worker's; false when another took it meanwhile. */
export async function finishJob(db: Db, id: number, owner: string, outcome: Outcome): Promise<boolean> {
  const released = { lease_owner: null, lease_expires_at: null };
  const change = outcome.state === 'done' ? { ...released, state: 'done' as const, finished_at: outcome.at }
    : outcome.state === 'failed' ? { ...released, state: 'failed' as const, finished_at: outcome.at, last_error: outcome.error }
      : { ...released, state: 'queued' as const, run_at: outcome.runAt, last_error: outcome.error, ...(outcome.resetAttempts ? { attempts: 0 } : {}) };
  const result = await db.updateTable('jobs').set(change)
    .where('id', '=', id).where('lease_owner', '=', owner).where('state', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Queues a failed job again with its attempts back to none (an administrator's retry); false when
 * it is not failed, or another job with its unique key is queued or running meanwhile.
 */
export async function requeueFailed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ state: 'queued', run_at: now, attempts: 0, finished_at: null })
    .where('id', '=', id).where('state', '=', 'failed')
    .where((eb) => eb.or([eb('unique_key', 'is', null), eb.not(eb.exists(
      eb.selectFrom('jobs as other').select('other.id').whereRef('other.unique_key', '=', 'jobs.unique_key').where('other.state', 'in', ['queued', 'running']),
    ))])).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves the queued jobs of these kinds to run now (a recurring job's turn brought forward). */
export async function bringForward(db: Db, kinds: readonly string[], now: string): Promise<void> {
  if (kinds.length === 0) return;
  await db.updateTable('jobs').set({ run_at: now }).where('kind', 'in', kinds).where('state', '=', 'queued').where('run_at', '>', now).execute();
}

/** Deletes done jobs that finished before `before`; returns how many. */
export async function pruneDone(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many jobs there are of each kind in each state (the admin page, /metrics). */
export async function countJobs(db: Db): Promise<Array<{ kind: string; state: JobState; n: number }>> {
  const rows = await db.selectFrom('jobs').select(['kind', 'state', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['kind', 'state']).orderBy('kind').orderBy('state').execute();
  return rows.map((r) => ({ kind: r.kind, state: r.state, n: Number(r.n) }));
}

/** The newest jobs in a state, for the admin page. */
export function jobsIn(db: Db, state: JobState, limit: number): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('state', '=', state).orderBy('id', 'desc').limit(limit).execute();
}

/** One job by id, or undefined. */
export function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Notes one run of the self-test job. */
export async function insertProbe(db: Db, jobId: number, pid: number, at: string): Promise<void> {
  await db.insertInto('job_probes').values({ job_id: jobId, pid, finished_at: at }).execute();
}
