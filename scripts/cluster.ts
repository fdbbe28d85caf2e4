// Runs Bindery as a small deployment on this machine: a throwaway PostgreSQL, N app servers, M job
// workers and Debian's nginx in front. Prints the addresses and waits; Ctrl-C stops and deletes it all
// (--keep leaves the folder with the logs and nginx.conf).
//   npx tsx scripts/cluster.ts [--app-servers N] [--workers N] [--keep]
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBinderyCluster } from './cluster/cluster.js';

function count(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 16) throw new Error(`--${name} must be a whole number from ${min} to 16, got "${raw}"`);
  return value;
}

const { values } = parseArgs({
  options: { 'app-servers': { type: 'string', default: '2' }, workers: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
});
const cluster = await startBinderyCluster({
  appServers: count('app-servers', values['app-servers'], 1), workers: count('workers', values.workers, 0), env: { LOG_LEVEL: 'info' },
});
console.log(`Bindery is running behind nginx at ${cluster.url}`);
for (const app of cluster.apps) console.log(`  ${app.name}: ${app.url} (pid ${app.pid}, log ${app.log})`);
for (const worker of cluster.workers) console.log(`  ${worker.name}: pid ${worker.pid}, log ${worker.log}`);
console.log(`  nginx: pid ${cluster.nginx.pid}, configuration ${cluster.nginx.confFile}`);
console.log(`  database: ${cluster.databaseUrl}`);
console.log(`  /metrics token: ${cluster.metricsToken}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // The cluster's folder goes with it; a copy of its logs and configuration stays when asked.
  if (values.keep) {
    const kept = mkdtempSync(join(tmpdir(), 'bindery-cluster-kept-'));
    cpSync(cluster.dir, kept, { recursive: true, filter: (source) => !source.includes('/temp/') });
    console.log(`\nLogs and nginx.conf kept in ${kept}`);
  }
  await cluster.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
