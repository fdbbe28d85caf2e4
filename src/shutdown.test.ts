// Stopping gracefully, with real processes on a SQLite file: on SIGTERM the app refuses new
// connections at once, yet answers a request already in flight and lets a running job finish, then
// exits 0; past SHUTDOWN_GRACE_SECONDS it exits 1 and leaves the cut-off job to its lease. The worker
// command does the same for its jobs, logging JSON lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { findJob } from './jobs/job.repository.js';
import { enqueueProbes } from './jobs/probe.js';

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0); });
    });
  });
}

function start(script: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => { child.once('exit', (code) => { resolve(code); }); });
  cleanup.push(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  return { child, output: () => output, exited };
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A TCP connection, or the error code that refused it. */
function dial(port: number): Promise<Socket | string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { resolve(socket); });
    socket.once('error', (error: NodeJS.ErrnoException) => { resolve(error.code ?? error.message); });
  });
}

async function answers(port: number, path: string): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`)).ok;
  } catch {
    return false;
  }
}

async function archive(env: Record<string, string> = {}): Promise<{ app: Started; port: number; db: DatabaseHandle; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-shutdown-'));
  cleanup.push(() => { rmSync(dir, { recursive: true, force: true }); });
  const port = await freePort();
  const app = start('src/main.ts', [], { DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info', ...env });
  await until('the app to be ready', () => answers(port, '/readyz'));
  const db = openDatabase(`sqlite:${join(dir, 'bindery.sqlite')}`);
  cleanup.push(() => db.close());
  return { app, port, db, dir };
}

describe('graceful shutdown', () => {
  it('refuses new connections on SIGTERM, yet answers the request in flight and finishes the running job, then exits 0', async () => {
    const { app, port, db } = await archive();
    const [jobId = -1] = await enqueueProbes(db.db, 1, 2000);
    await until('the job to start', async () => (await findJob(db.db, jobId))?.state === 'running');
    // A request whose body is still arriving when the signal comes.
    const slow = await dial(port);
    if (typeof slow === 'string') throw new Error(`could not connect: ${slow}`);
    let answer = '';
    slow.on('data', (chunk: Buffer) => { answer += chunk.toString(); });
    const body = 'login=someone&password=lantern+orchard+biscuit';
    slow.write(`POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await sleep(200);

    app.child.kill('SIGTERM');
    let refused = '';
    await until('new connections to be refused', async () => {
      const attempt = await dial(port);
      if (typeof attempt === 'string') refused = attempt;
      else attempt.destroy();
      return refused !== '';
    }, 5000);
    expect(refused).toBe('ECONNREFUSED');
    // Refused while the job was still at work.
    expect((await findJob(db.db, jobId))?.state).toBe('running');

    slow.write(body.slice(10));
    await until('the request in flight to be answered', () => answer.includes('\r\n\r\n'), 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 (403|422|303) /);
    slow.destroy();

    expect(await app.exited).toBe(0);
    expect(await findJob(db.db, jobId)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await db.db.selectFrom('job_probes').select(['job_id', 'pid']).execute()).toEqual([{ job_id: jobId, pid: app.child.pid }]);
    expect(app.output()).toContain('"msg":"stopping: no new connections or jobs; finishing requests in flight and running jobs"');
  }, 60_000);

  it('exits 1 once SHUTDOWN_GRACE_SECONDS is over, leaving the job it cut off to its lease', async () => {
    const { app, db } = await archive({ SHUTDOWN_GRACE_SECONDS: '1' });
    const [jobId = -1] = await enqueueProbes(db.db, 1, 20_000);
    await until('the job to start', async () => (await findJob(db.db, jobId))?.state === 'running');
    const signalled = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(5000);
    const job = await findJob(db.db, jobId);
    expect(job).toMatchObject({ state: 'running', attempts: 1 });
    // Another worker takes it when the lease runs out, at most a minute after it was last renewed.
    expect(Date.parse(job?.lease_expires_at ?? '')).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await db.db.selectFrom('job_probes').selectAll().execute()).toEqual([]);
  }, 60_000);

  it('runs jobs in `bindery worker`, logging JSON, and lets the running one finish on SIGTERM', async () => {
    const { db, dir } = await archive({ RUN_JOBS: 'false' });
    const [jobId = -1] = await enqueueProbes(db.db, 1, 1500);
    await sleep(1500);
    // The app server only queues.
    expect(await findJob(db.db, jobId)).toMatchObject({ state: 'queued' });
    const worker = start('src/cli.ts', ['worker'], { DATA_DIR: dir, LOG_LEVEL: 'info' });
    await until('the worker to take the job', async () => (await findJob(db.db, jobId))?.state === 'running');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await findJob(db.db, jobId)).toMatchObject({ state: 'done' });
    const lines = worker.output().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; pid: number });
    expect(lines.map((l) => l.msg)).toEqual(['worker started', 'stopping: no new jobs; waiting for the running ones', 'worker stopped']);
    expect(await db.db.selectFrom('job_probes').select('pid').execute()).toEqual([{ pid: worker.child.pid }]);
  }, 60_000);
});
