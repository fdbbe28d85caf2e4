// A whole deployment on one machine: PostgreSQL (a throwaway cluster unless one is given), N app
// servers, M job workers and nginx in front, each app server with the settings a real one needs:
// the same SESSION_SECRET, DATABASE_URL and BASE_URL everywhere, TRUST_PROXY for nginx's
// X-Forwarded-For, and a data folder of its own (it holds only caches once the secret is set).
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/lib/children.js';
import { findPostgresBin, startCluster } from '../../test/setup/postgres-cluster.js';
import { startNginx, type Nginx } from './nginx.js';
import { hasExited, programEnv, REPOSITORY, spawnProgram, stopProcess, waitUntil } from './processes.js';

export type ClusterOptions = {
  appServers: number;
  workers: number;
  /** An existing database to use; by default a throwaway PostgreSQL cluster is started and deleted afterwards. */
  databaseUrl?: string;
  /** More settings for every app server and worker (RATE_LIMIT, LOG_LEVEL, ...). */
  env?: Record<string, string>;
};

/** One program of the cluster: `kill` sends a signal without waiting (kill -9 is the point of some tests). */
export type Member = { name: string; pid: number; log: string; kill: (signal: NodeJS.Signals) => void; stop: () => Promise<void>; exited: () => boolean };
export type AppServer = Member & { port: number; url: string };

export type Cluster = {
  /** nginx's address, what readers use. */
  url: string;
  databaseUrl: string;
  /** The bearer token of every app server's /metrics. */
  metricsToken: string;
  dir: string;
  nginx: Nginx;
  apps: AppServer[];
  /** Every worker started, by the start or by startWorker. */
  workers: Member[];
  /** Starts one more worker, resolving once it takes jobs (the job tests start theirs when they need them). */
  startWorker: () => Promise<Member>;
  /** Runs `bindery <args>` (src/cli.ts) with the cluster's settings; resolves with its output, rejects when it fails. */
  cli: (args: readonly string[]) => Promise<string>;
  stop: () => Promise<void>;
};

/** Starts everything, app servers first (the first alone, so only one migrates), then workers, then nginx. */
export async function startBinderyCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-cluster-'));
  // nginx's workers run as nobody when we are root, and must reach their temporary folders in here.
  chmodSync(dir, 0o711);
  const undo: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => { for (const step of undo.splice(0).reverse()) await step(); };
  try {
    const databaseUrl = options.databaseUrl ?? await ownPostgres(undo);
    const nginxPort = await freePort();
    const metricsToken = randomBytes(18).toString('base64url');
    const shared = {
      DATABASE_URL: databaseUrl, SESSION_SECRET: randomBytes(32).toString('base64url'), BASE_URL: `http://127.0.0.1:${nginxPort}`,
      TRUST_PROXY: 'true', METRICS_TOKEN: metricsToken, LOG_LEVEL: 'warn',
      // With a worker, app servers only queue jobs; without one, they run them.
      RUN_JOBS: options.workers > 0 ? 'false' : 'true', ...options.env,
    };
    const members: Member[] = [];
    undo.push(() => Promise.all(members.map((m) => m.stop())).then(() => undefined));
    const ports = await Promise.all(Array.from({ length: options.appServers }, () => freePort()));
    const apps: AppServer[] = [];
    const startApp = (index: number): Promise<void> => {
      const started = startAppServer(dir, index, shared, ports[index - 1] ?? 0);
      members.push(started.app);
      apps.push(started.app);
      return started.ready;
    };
    // The first migrates the database; the others start together once it has.
    await startApp(1);
    await Promise.all(ports.slice(1).map((_, at) => startApp(at + 2)));
    let workerCount = 0;
    const startWorker = async () => {
      workerCount += 1;
      // It says it has started at level info, which is also where it tells of each job it gives up on.
      const level = ['debug', 'trace'].includes(shared.LOG_LEVEL) ? shared.LOG_LEVEL : 'info';
      const { member, child } = startMember(dir, `worker-${workerCount}`, join('src', 'cli.ts'), ['worker'], { ...shared, LOG_LEVEL: level, DATA_DIR: join(dir, `worker-${workerCount}`) });
      members.push(member);
      workers.push(member);
      await waitUntil(child, member.name, member.log, () => Promise.resolve(readFileSync(member.log, 'utf8').includes('worker started')));
      return member;
    };
    const workers: Member[] = [];
    await Promise.all(Array.from({ length: options.workers }, startWorker));
    const nginx = await startNginx({ prefix: join(dir, 'nginx'), listenPort: nginxPort, upstreamPorts: apps.map((a) => a.port) });
    undo.push(() => nginx.stop());
    const cli = (args: readonly string[]) => runCli(args, { ...shared, DATA_DIR: join(dir, 'cli') });
    return { url: shared.BASE_URL, databaseUrl, metricsToken, dir, nginx, apps, workers, startWorker, cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function ownPostgres(undo: Array<() => Promise<void> | void>): Promise<string> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const pg = await startCluster(bin);
  undo.push(pg.stop);
  return pg.url;
}

function startMember(dir: string, name: string, script: string, args: string[], env: Record<string, string>): { member: Member; child: ReturnType<typeof spawnProgram> } {
  mkdirSync(env.DATA_DIR ?? dir, { recursive: true });
  const log = join(dir, `${name}.log`);
  const child = spawnProgram(script, args, env, log);
  const pid = child.pid ?? 0;
  const member = { name, pid, log, kill: (signal: NodeJS.Signals) => { if (!hasExited(child)) child.kill(signal); }, stop: () => stopProcess(child, 'SIGTERM'), exited: () => hasExited(child) };
  return { member, child };
}

function startAppServer(dir: string, index: number, shared: Record<string, string>, port: number): { app: AppServer; ready: Promise<void> } {
  const name = `app-${index}`;
  const env = { ...shared, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, name) };
  const { member, child } = startMember(dir, name, join('src', 'main.ts'), [], env);
  const url = `http://127.0.0.1:${port}`;
  const ready = waitUntil(child, name, member.log, async () => (await fetch(`${url}/readyz`)).status === 200);
  return { app: { ...member, port, url }, ready };
}

function runCli(args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join('src', 'cli.ts'), ...args], { cwd: REPOSITORY, env: programEnv(env) }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`bindery ${args.join(' ')} failed: ${stderr || error.message}`));
    });
  });
}
