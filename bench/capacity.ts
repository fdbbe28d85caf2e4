// bench:capacity: how many requests a second Bindery's app servers hold for a realistic mix on
// PostgreSQL (mostly work pages, some listings, tag pages and searches, a few writes), with one app
// server and with two behind nginx, on this machine; a bare node:http server sending a work page's
// bytes to the same client as the ceiling. Prints requests/s, p50/p99 and failures per class and
// where the CPU went. With --pgbouncer, two app servers again through Debian's pgbouncer in
// transaction mode (a pool of 10 server connections for both), to say whether it earns its hop.
// Usage: npm run bench:capacity -- [--works 2000] [--seconds 20] [--connections 32] [--members 8] [--pgbouncer]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connect.js';
import { startBinderyCluster, type Cluster } from '../scripts/cluster/cluster.js';
import { runLoad, type Step } from '../scripts/cluster/load.js';
import { Visitor } from '../scripts/cluster/visitor.js';
import { findPostgresBin, startCluster } from '../test/setup/postgres-cluster.js';
import { logIn, mixSteps, planMix, MIX, type MixPlan } from './lib/capacity-mix.js';
import { printRun, type CapacityRun } from './lib/capacity-report.js';
import { cpuSecondsOf, cpuSecondsOfTree, machineCpuSeconds, startChild } from './lib/children.js';
import { ensureCorpus } from './lib/corpus-build.js';
import { startPgbouncer } from './lib/pgbouncer.js';
import { DEFAULT_DATA_DIR } from './lib/corpus-options.js';

const WARMUP_S = 5;

const { values } = parseArgs({ options: {
  works: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '20' },
  connections: { type: 'string', default: '32' }, members: { type: 'string', default: '8' },
  pgbouncer: { type: 'boolean', default: false },
} });
const [works, seconds, connections, members] = [values.works, values.seconds, values.connections, values.members].map(Number) as [number, number, number, number];

type Parts = () => Record<string, number>;

/** Runs visitors' steps for the warm-up and then `seconds` measured; CPU of each part is read at both ends of the measured part. */
async function measure(label: string, visitors: Visitor[], next: (i: number) => Step, parts: Parts): Promise<CapacityRun> {
  const marks: { before?: { parts: Record<string, number>; machine: number; client: number } } = {};
  const sample = () => ({ parts: parts(), machine: machineCpuSeconds().busy, client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 });
  const timer = setTimeout(() => { marks.before = sample(); }, WARMUP_S * 1000);
  const { outcomes } = await runLoad({ visitors, durationMs: (WARMUP_S + seconds) * 1000, next: (i) => next(i) });
  clearTimeout(timer);
  const after = sample();
  const start = marks.before ?? after;
  const cpu: Record<string, number> = { client: after.client - start.client };
  for (const [name, value] of Object.entries(after.parts)) cpu[name] = value - (start.parts[name] ?? value);
  return { label, seconds, outcomes: outcomes.filter((o) => o.at >= WARMUP_S * 1000), cpu, machineBusy: after.machine - start.machine };
}

function clusterParts(cluster: Cluster, postmaster: number): Parts {
  return () => ({
    ...Object.fromEntries(cluster.apps.map((app) => [app.name, cpuSecondsOf(app.pid)])),
    postgres: cpuSecondsOfTree(postmaster), nginx: cpuSecondsOfTree(cluster.nginx.pid),
  });
}

async function mixRun(appServers: number, databaseUrl: string, postmaster: number, plan: MixPlan, via: { name: string; pid: number } | null = null): Promise<CapacityRun> {
  const cluster = await startBinderyCluster({ appServers, workers: 0, databaseUrl, env: { RATE_LIMIT: 'off', RATE_LIMIT_MEMBERS: 'off', LOG_LEVEL: 'error', RUN_JOBS: 'true' } });
  try {
    const memberVisitors = plan.logins.slice(0, members).map(() => new Visitor(cluster.url));
    await Promise.all(memberVisitors.map((v, i) => logIn(v, plan.logins[i] ?? '')));
    const guests = Array.from({ length: connections - memberVisitors.length }, () => new Visitor(cluster.url));
    // Each connection is either a guest or a member; a member's connection carries the member classes and writes.
    const steps = mixSteps(plan, guests, memberVisitors);
    const parts = clusterParts(cluster, postmaster);
    const label = `${appServers} app server${appServers === 1 ? '' : 's'} behind nginx${via === null ? '' : `, through ${via.name}`}, the mix`;
    const run = await measure(label, [...memberVisitors, ...guests], steps, via === null ? parts : () => ({ ...parts(), [via.name]: cpuSecondsOf(via.pid) }));
    for (const v of [...memberVisitors, ...guests]) v.close();
    return run;
  } finally {
    await cluster.stop();
  }
}

async function bareRun(databaseUrl: string, postmaster: number, plan: MixPlan): Promise<CapacityRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-capacity-'));
  const cluster = await startBinderyCluster({ appServers: 1, workers: 0, databaseUrl, env: { RATE_LIMIT: 'off', LOG_LEVEL: 'error' } });
  const workPath = `/works/${plan.works[0] ?? 1}`;
  try {
    const app = cluster.apps[0];
    if (app === undefined) throw new Error('no app server');
    const page = await new Visitor(app.url).get(workPath);
    writeFileSync(join(dir, 'page.html'), page.body);
    const bare = await startChild('bare', 'bare-server.ts', { args: [join(dir, 'page.html'), 'text/html; charset=utf-8'] });
    try {
      const same = (base: string) => Array.from({ length: connections }, () => new Visitor(base));
      const get = (visitors: Visitor[]) => (i: number): Step => ({ kind: 'work (guest)', method: 'GET', send: () => (visitors[i] as Visitor).get(workPath), ok: (a) => a.status === 200 });
      const bareVisitors = same(`http://127.0.0.1:${bare.port}`);
      const bareResult = await measure(`bare node:http, the same ${page.body.length} bytes`, bareVisitors, get(bareVisitors), () => ({ bare: cpuSecondsOf(bare.pid) }));
      const appVisitors = same(app.url);
      const appResult = await measure('1 app server directly, that one cached work page', appVisitors, get(appVisitors), () => ({ [app.name]: cpuSecondsOf(app.pid), postgres: cpuSecondsOfTree(postmaster) }));
      for (const v of [...bareVisitors, ...appVisitors]) v.close();
      return [bareResult, appResult];
    } finally {
      await bare.stop();
    }
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bin = findPostgresBin();
if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
const pg = await startCluster(bin);
try {
  // The corpus goes into this run's own PostgreSQL (corpusLocation reads DATABASE_URL).
  process.env.DATABASE_URL = pg.url;
  const corpus = await ensureCorpus({ database: 'postgres', works, seed: 1, dataDir: DEFAULT_DATA_DIR, rebuild: false, help: false });
  const handle = openDatabase(corpus.url);
  const plan = await planMix(handle.db, members);
  await handle.close();
  const postmaster = Number(readFileSync(join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  console.log(`\nbench:capacity on PostgreSQL ${pg.version}: ${works} works, ${connections} connections (${members} members), ${WARMUP_S} s warm-up, ${seconds} s measured`);
  console.log(`mix (percent): ${Object.entries(MIX).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const runs = [...await bareRun(corpus.url, postmaster, plan), await mixRun(1, corpus.url, postmaster, plan), await mixRun(2, corpus.url, postmaster, plan)];
  if (values.pgbouncer) {
    const bouncer = await startPgbouncer(corpus.url, 10);
    try {
      runs.push(await mixRun(2, bouncer.url, postmaster, plan, { name: 'pgbouncer', pid: bouncer.pid }));
    } finally {
      bouncer.stop();
    }
  }
  for (const run of runs) printRun(run);
  const [one, two, bounced] = runs.slice(2).map((r) => r.outcomes.length / r.seconds);
  console.log(`\nTwo app servers hold ${((two ?? 0) / (one ?? 1)).toFixed(2)}x one on this 2-core machine.`);
  if (bounced !== undefined) console.log(`Through pgbouncer (transaction mode, 10 server connections), two hold ${(bounced / (two ?? 1)).toFixed(2)}x what they hold directly.`);
} finally {
  pg.stop();
}
