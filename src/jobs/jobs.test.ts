// The queue as an operator and an administrator meet it, on both databases: an app server with
// RUN_JOBS on runs jobs by itself and one with RUN_JOBS=false only queues them; /admin/jobs is for
// administrators alone and shows counts, failures with their error, running jobs with their worker,
// and retries a failed job; /metrics shows the queue's depth and failures; the self-test probe.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { buildTestApp, describeEachDatabase, signUp, signUpAdmin } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { runCommand } from '../cli/commands.js';
import { claimJobs, findJob } from './job.repository.js';
import { enqueueJob } from './job.service.js';
import { enqueueProbes } from './probe.js';

const TOKEN = 'scrape-me-please-0123456789';

describeEachDatabase('background jobs', (ctx, dialect) => {
  it('runs jobs by itself with RUN_JOBS on, and with RUN_JOBS=false only queues them for a worker', async () => {
    const running = await buildTestApp(dialect, { RUN_JOBS: 'true' });
    const queuing = await buildTestApp(dialect, { RUN_JOBS: 'false' });
    try {
      const [ran] = await enqueueProbes(running.app.db, 1, 0);
      const [waits] = await enqueueProbes(queuing.app.db, 1, 0);
      for (let i = 0; i < 60 && (await findJob(running.app.db, ran ?? -1))?.state !== 'done'; i++) await sleep(100);
      expect(await findJob(running.app.db, ran ?? -1)).toMatchObject({ state: 'done', attempts: 1 });
      expect(await running.app.db.selectFrom('job_probes').select(['job_id', 'pid']).execute()).toEqual([{ job_id: ran, pid: process.pid }]);
      await sleep(1500);
      expect(await findJob(queuing.app.db, waits ?? -1)).toMatchObject({ state: 'queued', attempts: 0 });
      expect(await queuing.app.db.selectFrom('job_probes').selectAll().execute()).toEqual([]);
    } finally {
      await running.close();
      await queuing.close();
    }
  });

  it('shows administrators alone the queue: counts, failed jobs with their error, running ones with their worker; Retry queues a failed job again', async () => {
    const { app } = ctx();
    const admin = await signUpAdmin(app);
    const member = await signUp(app);
    expect((await new TestClient(app).get('/admin/jobs')).statusCode).toBe(401);
    expect((await member.get('/admin/jobs')).statusCode).toBe(403);
    await admin.get('/admin/roles');
    expect((await admin.post('/admin/roles', { login: member.login, roles: ['support', 'policy_abuse', 'tag_wrangling'] })).statusCode).toBe(303);
    expect((await member.get('/admin/jobs')).statusCode).toBe(403);

    const failedId = await enqueueJob(app.db, 'probe', { ms: 'not a number' }, { maxAttempts: 1 }) ?? -1;
    await app.db.updateTable('jobs').set({ state: 'failed', attempts: 1, last_error: 'job_probes is missing', finished_at: new Date().toISOString() }).where('id', '=', failedId).execute();
    const [held] = await enqueueProbes(app.db, 1, 0);
    const now = new Date();
    await claimJobs(app.db, { kinds: ['probe'], limit: 1, owner: 'worker-7:4242:abc123', now: now.toISOString(), leaseUntil: new Date(now.getTime() + 60_000).toISOString() });

    expect(textsOf(parsePage((await admin.get('/admin')).body), '.admin-index a')).toContain('Background jobs');
    const page = parsePage((await admin.get('/admin/jobs')).body);
    expect(textOf(page, '.job-counts tr[data-kind="probe"] td.failed')).toBe('1');
    expect(textOf(page, '.job-counts tr[data-kind="probe"] td.running')).toBe('1');
    expect(textOf(page, `#job-${failedId} strong`)).toBe(`#${failedId} probe`);
    expect(textOf(page, `#job-${failedId}`)).toContain('1 of 1 attempts');
    expect(textOf(page, `#job-${failedId} .job-error`)).toBe('job_probes is missing');
    expect(textOf(page, `#job-${held ?? -1} .lease-owner`)).toBe('worker-7:4242:abc123');
    expect(page.body.textContent).toContain('only queues jobs (RUN_JOBS=false)');

    expect((await member.post(`/admin/jobs/${failedId}/retry`)).statusCode).toBe(403);
    const retried = await admin.post(`/admin/jobs/${failedId}/retry`);
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/admin/jobs');
    expect(await findJob(app.db, failedId)).toMatchObject({ state: 'queued', attempts: 0 });
    const after = parsePage((await admin.get('/admin/jobs')).body);
    expect(after.body.textContent).toContain(`Job ${failedId} (probe) is queued again.`);
    expect(after.querySelector(`#job-${failedId}`)).toBeNull();
    // A second press finds nothing to retry.
    await admin.post(`/admin/jobs/${failedId}/retry`);
    expect(parsePage((await admin.get('/admin/jobs')).body).body.textContent).toContain(`Job ${failedId} is queued, not failed: there was nothing to retry.`);
    expect((await admin.post('/admin/jobs/999999/retry')).statusCode).toBe(404);
    // Run by the queue, the retried probe is done.
    await app.jobs.runOnce();
    expect(await findJob(app.db, failedId)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('queues probes from the command line, and a runner does each once', async () => {
    const { app, database } = ctx();
    const out: string[] = [];
    await runCommand(['jobs', 'enqueue-probe', '3', '--ms', '20'], database, { readPassword: () => Promise.resolve(''), out: (line) => out.push(line) });
    expect(out[0]).toMatch(/^Queued 3 probe jobs \(ids \d+ to \d+\)/);
    await app.jobs.runOnce();
    const probes = await app.db.selectFrom('job_probes').select('job_id').execute();
    const ids = probes.map((p) => p.job_id);
    expect(new Set(ids).size).toBe(ids.length);
    const status: string[] = [];
    await runCommand(['jobs', 'status'], database, { readPassword: () => Promise.resolve(''), out: (line) => status.push(line) });
    expect(status.some((line) => /^probe\s+done\s+\d+$/.test(line))).toBe(true);
  });

  it('tells Prometheus the queue\'s depth by kind and state, and the failures', async () => {
    const t = await buildTestApp(dialect, { METRICS_TOKEN: TOKEN });
    try {
      t.app.jobs.register('test.failing', () => Promise.reject(new Error('no')));
      await enqueueJob(t.app.db, 'test.failing', {}, { maxAttempts: 1 });
      await enqueueProbes(t.app.db, 2, 0);
      await t.app.jobs.runOnce();
      await enqueueProbes(t.app.db, 1, 0);
      const text = (await new TestClient(t.app).get('/metrics', { authorization: `Bearer ${TOKEN}` })).body;
      expect(text).toContain('bindery_jobs{kind="probe",state="done"} 2');
      expect(text).toContain('bindery_jobs{kind="probe",state="queued"} 1');
      expect(text).toContain('bindery_jobs{kind="test.failing",state="failed"} 1');
      expect(text).toContain('# TYPE bindery_job_failures_total counter');
      expect(text).toContain('bindery_job_failures_total{kind="test.failing"} 1');
    } finally {
      await t.close();
    }
  });
});
