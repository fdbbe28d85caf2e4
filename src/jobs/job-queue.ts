// The runner of the job queue (docs/decisions/042-job-queue.md). Every process that runs jobs (an
// app server with RUN_JOBS on, or `bindery worker`) has one: it polls the jobs table, claims due
// jobs of the kinds it has handlers for, runs a few at once, renews their leases while they run,
// and records how each ended. A failure is tried again after a wait that doubles each time, and
// ends failed after the job's last attempt. A job whose worker died keeps its lease until it runs
// out; then another worker takes it, and that counts an attempt. Recurring jobs (the digest and
// reveal clocks) keep one row that is queued again for its next turn after each run.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as repo from './job.repository.js';
import { enqueueJob } from './job.service.js';

/** What a handler is told besides its payload. */
export type JobContext = {
  id: number;
  kind: string;
  /** This attempt, from 1. */
  attempt: number;
  maxAttempts: number;
  /** When the job runs again if this attempt throws; null on the last attempt. */
  retryAt: Date | null;
  /** Aborted when the job is no longer this worker's (its lease was lost). */
  signal: AbortSignal;
};

/** Does a job's work; throws to have it tried again. */
export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export type HandlerOptions = {
  /** The first wait before a retry; it doubles with each attempt. Default 30 s. */
  backoffMs?: number;
  /** The longest wait between tries. Default one hour. */
  maxBackoffMs?: number;
  /** A recurring job: run every so many milliseconds, one row however many processes schedule it. */
  everyMs?: number;
};

export type JobLog = {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
};

export type JobQueueOptions = {
  log: JobLog;
  /** How long a claimed job is this worker's before another may take it; renewed while it runs. Default 60 s. */
  leaseMs?: number;
  /** How often an idle runner looks for due jobs. Default 1 s. */
  pollMs?: number;
  /** Jobs run at once by this runner. Default 4. */
  concurrency?: number;
  /** Done jobs are deleted after this many days. Default 7. */
  keepDoneDays?: number;
};

type Entry = { handler: JobHandler<never>; options: HandlerOptions };

const MINUTE = 60_000;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/** One process's job runner; handlers are registered by kind. */
export class JobQueue {
  /** Attempts that threw, by kind, since this runner was made (for /metrics). */
  readonly failures = new Map<string, number>();
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly handlers = new Map<string, Entry>();
  private readonly active = new Map<number, { run: Promise<void>; renewal: NodeJS.Timeout }>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private started = false;
  private lastChores = 0;

  constructor(private readonly db: Kysely<Database>, private readonly options: JobQueueOptions) {
    this.leaseMs = options.leaseMs ?? MINUTE;
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = options.concurrency ?? 4;
  }

  /** Registers the handler of a kind of job; a kind has one handler. */
  register<P>(kind: string, handler: JobHandler<P>, options: HandlerOptions = {}): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for "${kind}" jobs is registered already.`);
    this.handlers.set(kind, { handler: handler, options });
  }

  /** The kinds this runner can run. */
  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** How many jobs this runner is running now. */
  get runningCount(): number {
    return this.active.size;
  }

  /** Starts polling for jobs (RUN_JOBS, or the worker command). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.wake();
  }

  /**
   * Stops taking jobs and waits for the running ones, at most `graceMs`; true when all finished.
   * A job still running past the grace period is left to its lease: once that runs out, another
   * worker (or this one after a restart) runs it again.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.started = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    const all = Promise.allSettled([...this.active.values()].map((a) => a.run)).then(() => true);
    let deadline: NodeJS.Timeout | undefined;
    const late = Number.isFinite(graceMs) ? new Promise<false>((resolve) => { deadline = setTimeout(() => { resolve(false); }, graceMs); }) : null;
    const finished = await (late === null ? all : Promise.race([all, late]));
    clearTimeout(deadline);
    // Cut off: stop renewing, so the leases run out and another worker can take the jobs.
    if (!finished) for (const { renewal } of this.active.values()) clearInterval(renewal);
    return finished;
  }

  /**
   * Runs, in this process, each recurring job now and every job that is due, until none is left
   * (tests, and `bindery jobs run`); returns how many runs there were.
   */
  async runOnce(): Promise<number> {
    const now = new Date();
    await this.scheduleRecurring(now);
    await repo.bringForward(this.db, this.recurringKinds(), now.toISOString());
    let runs = 0;
    for (;;) {
      const claimed = await this.claim(this.concurrency);
      if (claimed.length === 0) break;
      runs += claimed.length;
      await Promise.all(claimed.map((job) => this.launch(job)));
    }
    return runs;
  }

  private recurringKinds(): string[] {
    return [...this.handlers].filter(([, entry]) => entry.options.everyMs !== undefined).map(([kind]) => kind);
  }

  /** Queues each recurring job that has no row waiting (first start, or its last run failed for good). */
  private async scheduleRecurring(now: Date): Promise<void> {
    for (const kind of this.recurringKinds()) await enqueueJob(this.db, kind, {}, { runAt: now, uniqueKey: `recurring:${kind}`, maxAttempts: 3 });
  }

  private async claim(limit: number): Promise<repo.JobRow[]> {
    const now = new Date();
    if (!(await repo.anyDue(this.db, this.kinds, now.toISOString()))) return [];
    await repo.failAbandoned(this.db, now.toISOString());
    return repo.claimJobs(this.db, { kinds: this.kinds, limit, owner: this.owner, now: now.toISOString(), leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString() });
  }

  /** Polls now (unless a poll is under way), then again after pollMs. */
  private wake(): void {
    if (!this.started || this.polling !== null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.polling = this.poll().catch((error: unknown) => { this.options.log.error({ err: error }, 'looking for jobs failed; trying again'); })
      .finally(() => {
        this.polling = null;
        if (!this.started) return;
        this.timer = setTimeout(() => { this.wake(); }, this.pollMs);
        this.timer.unref();
      });
  }

  private async poll(): Promise<void> {
    if (Date.now() - this.lastChores >= MINUTE) {
      this.lastChores = Date.now();
      await this.scheduleRecurring(new Date());
      const pruned = await repo.pruneDone(this.db, new Date(Date.now() - (this.options.keepDoneDays ?? 7) * 24 * 60 * MINUTE).toISOString());
      if (pruned > 0) this.options.log.info({ pruned }, 'old done jobs deleted');
    }
    const free = this.concurrency - this.active.size;
    if (free <= 0) return;
    for (const job of await this.claim(free)) void this.launch(job);
  }

  /** Runs a claimed job with its lease renewed meanwhile; settles once its outcome is recorded. */
  private launch(job: repo.JobRow): Promise<void> {
    const controller = new AbortController();
    const renewal = setInterval(() => {
      void repo.renewLease(this.db, job.id, this.owner, new Date(Date.now() + this.leaseMs).toISOString())
        .then((ours) => { if (!ours) controller.abort(); }, (error: unknown) => { this.options.log.warn({ err: error, job: job.id }, 'renewing a job\'s lease failed'); });
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    const run = this.execute(job, controller.signal).finally(() => {
      clearInterval(renewal);
      this.active.delete(job.id);
      this.wake();
    });
    this.active.set(job.id, { run, renewal });
    return run;
  }

  private async execute(job: repo.JobRow, signal: AbortSignal): Promise<void> {
    const entry = this.handlers.get(job.kind);
    if (entry === undefined) return;
    const { backoffMs = 30_000, maxBackoffMs = 60 * MINUTE, everyMs } = entry.options;
    const lastAttempt = job.attempts >= job.max_attempts;
    const retryAt = lastAttempt ? null : new Date(Date.now() + Math.min(backoffMs * 2 ** (job.attempts - 1), maxBackoffMs));
    let outcome: repo.Outcome;
    try {
      await entry.handler(JSON.parse(job.payload) as never, { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.max_attempts, retryAt, signal });
      const at = new Date();
      outcome = everyMs === undefined ? { state: 'done', at: at.toISOString() }
        : { state: 'queued', at: at.toISOString(), runAt: new Date(at.getTime() + everyMs).toISOString(), error: null, resetAttempts: true };
    } catch (error) {
      const message = messageOf(error);
      this.failures.set(job.kind, (this.failures.get(job.kind) ?? 0) + 1);
      this.options.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, error: message }, retryAt === null ? 'job failed for good' : 'job failed; it will be tried again');
      const at = new Date().toISOString();
      outcome = retryAt === null ? { state: 'failed', at, error: message } : { state: 'queued', at, runAt: retryAt.toISOString(), error: message, resetAttempts: false };
    }
    if (!(await repo.finishJob(this.db, job.id, this.owner, outcome))) {
      this.options.log.warn({ job: job.id, kind: job.kind }, 'a job ran past its lease and another worker took it; this run\'s outcome was dropped');
    }
    if (outcome.state === 'failed' && everyMs !== undefined) await this.scheduleRecurring(new Date(Date.now() + everyMs));
  }
}
