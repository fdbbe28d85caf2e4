// The queue's self-test for operators and the multi-server tests: `bindery jobs enqueue-probe N`
// queues N probe jobs; each waits its payload's milliseconds, then writes one row to job_probes
// naming the job and the process that ran it. Every job done once means one row per job: a
// duplicate run would show as a second row (job_probes has no unique key on purpose).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import type { JobQueue } from './job-queue.js';
import { insertProbe } from './job.repository.js';
import { enqueueJob } from './job.service.js';

export const PROBE_KIND = 'probe';

type ProbePayload = { ms?: number };

/** Lets a runner run probe jobs. */
export function registerProbe(queue: JobQueue, db: Kysely<Database>): void {
  queue.register<ProbePayload>(PROBE_KIND, async (payload, context) => {
    const ms = typeof payload.ms === 'number' && payload.ms > 0 ? Math.min(payload.ms, 10 * 60_000) : 0;
    if (ms > 0) await sleep(ms);
    await insertProbe(db, context.id, process.pid, new Date().toISOString());
  });
}

/** Queues `count` probe jobs that each take `ms` milliseconds, in one transaction; returns their ids. */
export function enqueueProbes(db: Kysely<Database>, count: number, ms: number): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = await enqueueJob(trx, PROBE_KIND, { ms });
      if (id !== null) ids.push(id);
    }
    return ids;
  });
}
