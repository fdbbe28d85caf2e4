// The job queue on both databases, with two runners on two connections as two processes would have:
// each of many jobs done exactly once, a throwing handler retried after a wait that doubles and
// failed for good after its last attempt, a job whose worker died taken over once its lease ran
// out, unique keys, a recurring job kept in one row, and a job queued inside a transaction that
// rolled back never existing.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTwoConnections } from '../../test/databases.js';
import type { DatabaseHandle } from '../db/connect.js';
import { JobQueue, type JobLog } from './job-queue.js';
import { claimJobs, findJob } from './job.repository.js';
import { enqueueJob } from './job.service.js';

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

for (const dialect of DIALECTS) {
  describe(`job queue [${dialect}]`, () => {
    let a: DatabaseHandle;
    let b: DatabaseHandle;
    let drop: () => Promise<void>;
    beforeAll(async () => { ({ first: a, second: b, drop } = await openTwoConnections(dialect)); });
    afterAll(async () => { await drop(); });

    it('does each of 300 jobs exactly once when two runners on two connections compete for them', async () => {
      const done: Array<{ id: number; n: number; runner: string }> = [];
      const runners = [new JobQueue(a.db, { log: quiet, concurrency: 4 }), new JobQueue(b.db, { log: quiet, concurrency: 4 })];
      runners.forEach((queue, i) => {
        queue.register<{ n: number }>('test.count', async (payload, context) => {
          await sleep(Math.random() * 3);
          done.push({ id: context.id, n: payload.n, runner: String(i) });
        });
      });
      const ids: number[] = [];
      for (let n = 0; n < 300; n++) ids.push((await enqueueJob(n % 2 === 0 ? a.db : b.db, 'test.count', { n })) ?? -1);
      // Polling runners and a runner draining the queue at once.
      runners.forEach((queue) => { queue.start(); });
      const [drained] = await Promise.all([runners[0]?.runOnce(), runners[1]?.runOnce()]);
      for (let i = 0; i < 100 && done.length < 300; i++) await sleep(50);
      await Promise.all(runners.map((queue) => queue.stop()));
      expect(drained).toBeGreaterThan(0);
      expect(done.map((d) => d.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(done.map((d) => d.n)).size).toBe(300);
      // Both took a share: it was a real contest.
      expect(new Set(done.map((d) => d.runner)).size).toBe(2);
      const states = await a.db.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', 'test.count').execute();
      expect(states.every((s) => s.state === 'done' && s.attempts === 1)).toBe(true);
    });

    it('tries a throwing handler again after a wait that doubles, keeps the error, and fails it after its last attempt', async () => {
      const queue = new JobQueue(a.db, { log: quiet });
      let calls = 0;
      queue.register('test.flaky', () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error(`the mail server said no (${calls})`)) : Promise.resolve();
      }, { backoffMs: 300 });
      queue.register('test.broken', () => Promise.reject(new Error('this never works')), { backoffMs: 10 });
      const flaky = await enqueueJob(a.db, 'test.flaky', {}, { maxAttempts: 5 }) ?? -1;
      const broken = await enqueueJob(a.db, 'test.broken', {}, { maxAttempts: 2 }) ?? -1;

      const before = Date.now();
      await queue.runOnce();
      let row = await findJob(a.db, flaky);
      expect(row).toMatchObject({ state: 'queued', attempts: 1, last_error: 'the mail server said no (1)' });
      const firstWait = Date.parse(row?.run_at ?? '') - before;
      expect(firstWait).toBeGreaterThanOrEqual(250);
      expect(firstWait).toBeLessThan(1500);
      // Not yet due: running the queue now leaves it waiting.
      await queue.runOnce();
      expect(calls).toBe(1);
      await sleep(firstWait + 50);
      const second = Date.now();
      await queue.runOnce();
      row = await findJob(a.db, flaky);
      expect(row).toMatchObject({ state: 'queued', attempts: 2, last_error: 'the mail server said no (2)' });
      expect(Date.parse(row?.run_at ?? '') - second).toBeGreaterThanOrEqual(550);
      await sleep(Date.parse(row?.run_at ?? '') - Date.now() + 50);
      await queue.runOnce();
      expect(await findJob(a.db, flaky)).toMatchObject({ state: 'done', attempts: 3 });
      expect(calls).toBe(3);

      expect(await findJob(a.db, broken)).toMatchObject({ state: 'failed', attempts: 2, last_error: 'this never works' });
      expect(queue.failures.get('test.broken')).toBe(2);
    });

    it('runs again a job whose worker died mid-job, once its lease has run out, counting the attempt', async () => {
      const queue = new JobQueue(b.db, { log: quiet });
      const ran: number[] = [];
      queue.register('test.abandoned', (_payload, context) => { ran.push(context.attempt); return Promise.resolve(); });
      const id = await enqueueJob(a.db, 'test.abandoned') ?? -1;
      const lastTry = await enqueueJob(a.db, 'test.abandoned', {}, { maxAttempts: 1 }) ?? -1;
      // A worker claims both, then is killed: it never finishes nor renews its leases.
      const now = new Date();
      const claimed = await claimJobs(a.db, { kinds: ['test.abandoned'], limit: 10, owner: 'killed-worker', now: now.toISOString(), leaseUntil: new Date(now.getTime() + 400).toISOString() });
      expect(claimed.map((j) => j.id).sort((x, y) => x - y)).toEqual([id, lastTry]);
      expect(await queue.runOnce()).toBe(0);
      expect(await findJob(a.db, id)).toMatchObject({ state: 'running', lease_owner: 'killed-worker' });
      await sleep(500);
      expect(await queue.runOnce()).toBe(1);
      expect(ran).toEqual([2]);
      expect(await findJob(a.db, id)).toMatchObject({ state: 'done', attempts: 2, lease_owner: null });
      // The job that was on its last attempt when its worker died is failed, saying why.
      const failed = await findJob(a.db, lastTry);
      expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
      expect(failed?.last_error).toContain('worker stopped before finishing');
    });

    it('queues a job with a unique key once while it waits or runs, from any connection, and again once it is done', async () => {
      const first = await enqueueJob(a.db, 'test.unique', { n: 1 }, { uniqueKey: 'reindex:7' });
      const [again, elsewhere] = await Promise.all([
        enqueueJob(a.db, 'test.unique', { n: 2 }, { uniqueKey: 'reindex:7' }),
        enqueueJob(b.db, 'test.unique', { n: 3 }, { uniqueKey: 'reindex:7' }),
      ]);
      expect(first).not.toBeNull();
      expect([again, elsewhere]).toEqual([null, null]);
      expect(await enqueueJob(a.db, 'test.unique', {}, { uniqueKey: 'reindex:8' })).not.toBeNull();
      const queue = new JobQueue(a.db, { log: quiet });
      const seen: unknown[] = [];
      queue.register('test.unique', (payload) => { seen.push(payload); return Promise.resolve(); });
      await queue.runOnce();
      expect(seen).toContainEqual({ n: 1 });
      expect(seen).toHaveLength(2);
      expect(await enqueueJob(b.db, 'test.unique', { n: 4 }, { uniqueKey: 'reindex:7' })).not.toBeNull();
    });

    it('keeps a recurring job in one row however many runners schedule it, queued again for its next turn', async () => {
      let turns = 0;
      const runners = [new JobQueue(a.db, { log: quiet }), new JobQueue(b.db, { log: quiet })];
      for (const queue of runners) queue.register('test.clock', () => { turns += 1; return Promise.resolve(); }, { everyMs: 60_000 });
      await Promise.all(runners.map((queue) => queue.runOnce()));
      const rows = await a.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.clock').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'queued', attempts: 0 });
      expect(Date.parse(rows[0]?.run_at ?? '')).toBeGreaterThan(Date.now() + 50_000);
      expect(turns).toBeGreaterThanOrEqual(1);
    });

    it('has no job when the write that queued it rolled back', async () => {
      await expect(a.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'test.rolled-back', { n: 1 });
        throw new Error('the write failed');
      })).rejects.toThrow('the write failed');
      expect(await a.db.selectFrom('jobs').select('id').where('kind', '=', 'test.rolled-back').execute()).toEqual([]);
    });
  });
}
