// A throwaway PostgreSQL cluster for one test run: a data directory and a Unix socket in a new
// temporary directory, no TCP, no durability, deleted when the run ends. The machine's own
// clusters are never touched (docs/decisions/019-tests-prepare-their-machine.md).
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isRoot, MachineNotReady, onPath, run } from './commands.js';
import type { DebianPackage } from './debian-packages.js';

export type Cluster = { url: string; version: string; dir: string; stop: () => void };

const DATABASE = 'bindery_test';
// initdb and the server refuse to run as root; Debian's postgresql package makes this user.
const SERVER_USER = 'postgres';
// Durability buys nothing in a cluster deleted after the run, and costs every test's writes.
const SETTINGS = { listen_addresses: '', fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** Debian's PostgreSQL server package, present when initdb is found. */
export const POSTGRESQL: DebianPackage = { name: 'postgresql', present: () => findPostgresBin() !== undefined };

/** PostgreSQL's major version on this machine (Debian 12's when none is installed yet). */
function postgresMajor(): string {
  return /\/postgresql\/(\d+)\//.exec(`${findPostgresBin() ?? ''}/`)?.[1] ?? '15';
}

/** The RUM index the search uses on PostgreSQL (docs/decisions/047); without it the tests would only see the GIN fallback. */
export const POSTGRESQL_RUM: DebianPackage = {
  get name() { return `postgresql-${postgresMajor()}-rum`; },
  present: () => existsSync(`/usr/share/postgresql/${postgresMajor()}/extension/rum.control`),
};

/** The folder holding initdb, pg_ctl and postgres: Debian's newest /usr/lib/postgresql/N/bin, else pg_config's, else PATH's. */
export function findPostgresBin(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const initdb = onPath('initdb');
  const candidates = [...versions.map((v) => join(debian, v, 'bin')), pgConfigBindir(), initdb && join(initdb, '..')];
  return candidates.find((dir) => dir !== undefined && ['initdb', 'pg_ctl', 'postgres'].every((p) => existsSync(join(dir, p))));
}

function pgConfigBindir(): string | undefined {
  const pgConfig = onPath('pg_config');
  try {
    return pgConfig === undefined ? undefined : run(pgConfig, ['--bindir']).trim();
  } catch {
    return undefined;
  }
}

type Server = (program: string, args: string[]) => string;

/** A new temporary directory the server may write to, a way to run its programs there, and the stop that removes it. */
function newServerDir(bin: string, prefix: string): { dir: string; data: string; server: Server; stop: () => void } {
  if (isRoot()) requireServerUser();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const data = join(dir, 'data');
  const server: Server = (program, args) => isRoot()
    ? run('runuser', ['-u', SERVER_USER, '--', join(bin, program), ...args], { cwd: dir })
    : run(join(bin, program), args, { cwd: dir });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // Immediate: nothing in this cluster is worth a shutdown checkpoint.
    try { server('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-s']); } catch { /* never started, or already gone */ }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (isRoot()) run('chown', [`${SERVER_USER}:`, dir]);
  } catch (error) {
    stop();
    throw error;
  }
  return { dir, data, server, stop };
}

/** Creates and starts a cluster holding an empty `bindery_test`; `stop` ends the server and deletes its files, and may be called more than once. */
export async function startCluster(bin: string): Promise<Cluster> {
  const { dir, data, server, stop } = newServerDir(bin, 'bindery-pg-');
  try {
    const user = userInfo().username;
    // C.UTF-8 as on Debian's own clusters: byte-order sorting, and Unicode-aware lower() and text search parsing.
    server('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    appendFileSync(join(data, 'postgresql.conf'), configLines({ ...SETTINGS, unix_socket_directories: dir, port: String(port) }));
    startServer(server, data, join(dir, 'server.log'));
    await createDatabase(dir, port, user);
    const version = readFileSync(join(data, 'PG_VERSION'), 'utf8').trim();
    return { url: `postgres://${encodeURIComponent(user)}@localhost:${port}/${DATABASE}?host=${encodeURIComponent(dir)}`, version, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Starts a streaming replica of a cluster startCluster made (on one machine, as the replica tests
 * need): pg_basebackup over the primary's socket with -R, then the copy on a socket and port of its
 * own. Its url names the same database; `stop` ends it and deletes its files.
 */
export async function startStandby(bin: string, primary: Cluster): Promise<Cluster> {
  const { dir, data, server, stop } = newServerDir(bin, 'bindery-pg-standby-');
  try {
    const from = new URL(primary.url);
    const user = decodeURIComponent(from.username);
    // initdb's pg_hba.conf lets local users connect for replication; wal_level is "replica" by default.
    server('pg_basebackup', ['-D', data, '-R', '-X', 'stream', '-c', 'fast', '-h', primary.dir, '-p', from.port, '-U', user, '--no-sync']);
    const port = await freePort();
    appendFileSync(join(data, 'postgresql.conf'), configLines({ unix_socket_directories: dir, port: String(port) }));
    startServer(server, data, join(dir, 'server.log'));
    const url = new URL(primary.url);
    url.port = String(port);
    url.searchParams.set('host', dir);
    return { url: url.toString(), version: primary.version, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function requireServerUser(): void {
  try {
    run('id', ['-u', SERVER_USER]);
  } catch {
    throw new MachineNotReady(`As root, the tests run their PostgreSQL as the "${SERVER_USER}" user, which this machine lacks: apt-get install postgresql creates it (or set TEST_DATABASE_URL).`);
  }
}

function configLines(settings: Record<string, string>): string {
  return Object.entries(settings).map(([name, value]) => `${name} = '${value.replaceAll("'", "''")}'\n`).join('');
}

function startServer(server: Server, data: string, log: string): void {
  try {
    server('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-s']);
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new Error(`The tests' PostgreSQL did not start${tail ? `:\n${tail}` : ''}`, { cause: error });
  }
}

// The socket is private, so its number only names it; one no TCP server uses keeps it apart from
// the machine's own 5432 in ps and in logs.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => { resolve(port); });
    });
  });
}

async function createDatabase(socketDir: string, port: number, user: string): Promise<void> {
  const client = new pg.Client({ host: socketDir, port, user, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}
