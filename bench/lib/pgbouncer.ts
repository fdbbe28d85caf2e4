// Debian's pgbouncer in front of a benchmark's own PostgreSQL cluster, in transaction mode, for
// bench:capacity's `--pgbouncer` run: it listens on loopback and reaches the cluster over its
// Unix socket. pgbouncer refuses to run as root, so as root it runs as the cluster's user.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './children.js';

const PGBOUNCER = '/usr/sbin/pgbouncer';

export type Pgbouncer = { url: string; pid: number; stop: () => void };

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => { socket.end(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Starts pgbouncer for the cluster at `clusterUrl` (a URL whose host parameter is the socket folder); its url names the same database. */
export async function startPgbouncer(clusterUrl: string, poolSize: number): Promise<Pgbouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const cluster = new URL(clusterUrl);
  const socketDir = cluster.searchParams.get('host') ?? '/var/run/postgresql';
  const user = decodeURIComponent(cluster.username);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bindery-pgbouncer-'));
  chmodSync(dir, 0o777);
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(ini, [
    '[databases]',
    `* = host=${socketDir} port=${cluster.port || '5432'} user=${user}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1', `listen_port = ${port}`, 'unix_socket_dir =',
    // "any": no password asked; every database above logs in as the cluster's user.
    'auth_type = any', 'pool_mode = transaction',
    'max_client_conn = 1000', `default_pool_size = ${poolSize}`,
    `logfile = ${join(dir, 'pgbouncer.log')}`, `pidfile = ${join(dir, 'pgbouncer.pid')}`, 'log_connections = 0', 'log_disconnections = 0',
  ].join('\n'));
  const asRoot = userInfo().uid === 0;
  const child: ChildProcess = asRoot ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, ini], { stdio: 'ignore' }) : spawn(PGBOUNCER, [ini], { stdio: 'ignore' });
  // pgbouncer's own pid (under runuser the child is runuser's), from its pid file once it listens.
  let pid = 0;
  const stop = () => {
    if (pid > 0) process.kill(pid, 'SIGINT');
    child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; !(await accepts(port)); tries++) {
    if (tries > 100 || child.exitCode !== null) {
      stop();
      throw new Error(`pgbouncer did not start (see ${ini})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  pid = Number(readFileSync(join(dir, 'pgbouncer.pid'), 'utf8').trim());
  return { url: `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}${cluster.pathname}`, pid, stop };
}
