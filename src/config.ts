// The one table of settings read from the environment. Nothing else reads process.env.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { EXTERNAL_IMAGE_MODES, type ExternalImageMode } from './lib/external-images.js';
import {
  ConfigError, loadSessionSecret, parseAllowedHosts, parseArchiveName, parseBaseUrl, parseBoolean, parseCacheSize, parseDatabaseUrl, parseEbookConvert,
  parseMailFrom, parseMetricsToken, parseRateLimit, parseReplicaUrl, parseWholeNumber, type AllowedImageHost, type RateLimitSetting,
} from './config-values.js';

export { ConfigError, type AllowedImageHost, type RateLimitSetting };

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** A PostgreSQL streaming replica for reads that may be a little stale; null: every read goes to DATABASE_URL. */
  databaseReplicaUrl: string | null;
  /** How far behind (in seconds) the replica may fall before its reads go to the primary instead. */
  replicaMaxLagSeconds: number;
  baseUrl: string;
  sessionSecret: string;
  trustProxy: boolean;
  logLevel: string;
  secureCookies: boolean;
  archiveName: string;
  pageCacheBytes: number;
  /** Calibre's ebook-convert, found at start; null when AZW3, MOBI and PDF are not offered */
  ebookConvert: string | null;
  /** Where email goes out; null when no SMTP_HOST is set (mail is then kept in the outbox and logged). */
  smtp: SmtpConfig | null;
  /** The From address of the archive's email. */
  mailFrom: string;
  /** Requests a guest address, or a member, may make in a window; null: no limit. */
  requestLimits: Readonly<{ guest: RateLimitSetting | null; member: RateLimitSetting | null }>;
  /** Accounts one address may make in a window; null: no limit. */
  signupLimit: RateLimitSetting | null;
  /** What pages do with images stored at other hosts, and the image proxy's limits. */
  externalImages: ExternalImagesConfig;
  /** The bearer token /metrics asks of a scraper; null: no /metrics at all. */
  metricsToken: string | null;
  /** Whether this app server also runs background jobs (false: it only queues them for a worker). */
  runJobs: boolean;
  /** How long a stopping process waits for requests in flight and running jobs, in milliseconds. */
  shutdownGraceMs: number;
  /** Threads reading SQLite off the event loop (search, large listings and pages); 0: every read on the main connection. */
  sqliteReaders: number;
  /** How much heavy work (search, entire works, file builds, imports) runs at once, waits, and for how long. */
  heavyWork: HeavyWorkConfig;
}>;

export type HeavyWorkConfig = Readonly<{ concurrency: number; queue: number; waitMs: number }>;

export type ExternalImagesConfig = Readonly<{
  mode: ExternalImageMode;
  /** The largest image the proxy fetches, in bytes. */
  maxBytes: number;
  /** Disk the proxy's kept images may take under DATA_DIR/image-cache, in bytes. */
  cacheBytes: number;
  allowHosts: readonly AllowedImageHost[];
}>;

export type SmtpConfig = Readonly<{ host: string; port: number; secure: boolean; user: string | null; password: string | null }>;

type Env = Record<string, string | undefined>;

type Option<T> = { name: string; help: string; parse: (raw: string | undefined, env: Env) => T };

const port: Option<number> = {
  name: 'PORT',
  help: 'TCP port to listen on (1-65535), default 3000',
  parse: (raw) => {
    const value = Number(raw ?? '3000');
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ConfigError(`PORT must be a port number from 1 to 65535, got "${raw ?? ''}"`);
    return value;
  },
};

const host: Option<string> = {
  name: 'HOST',
  help: 'address to listen on, default 127.0.0.1 (use 0.0.0.0 behind a proxy on another machine)',
  parse: (raw) => raw ?? '127.0.0.1',
};

const dataDir: Option<string> = {
  name: 'DATA_DIR',
  help: 'folder for the SQLite database and the generated session secret, default ./data',
  parse: (raw) => resolve(raw ?? 'data'),
};

const logLevel: Option<string> = {
  name: 'LOG_LEVEL',
  help: 'fatal, error, warn, info, debug, trace or silent; default info',
  parse: (raw) => {
    const value = raw ?? 'info';
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(value)) throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${value}"`);
    return value;
  },
};

const trustProxy: Option<boolean> = {
  name: 'TRUST_PROXY',
  help: 'true when a reverse proxy sets X-Forwarded-For (client addresses for rate limits), default false',
  parse: (raw) => parseBoolean('TRUST_PROXY', raw, false),
};

/** Every option, for `bindery config` and docs/operations.md. */
export const OPTIONS = [
  port, host, dataDir, logLevel, trustProxy,
  { name: 'PAGE_CACHE_MB', help: 'memory for guests\' rendered work pages, in MiB (0 turns the cache off), default 64' },
  { name: 'ARCHIVE_NAME', help: 'the archive\'s name in page titles and the header, default Bindery' },
  { name: 'DATABASE_URL', help: 'postgres://user:pass@host/db for PostgreSQL; default a SQLite file DATA_DIR/bindery.sqlite' },
  { name: 'DATABASE_REPLICA_URL', help: 'postgres:// URL of a streaming replica of DATABASE_URL (PostgreSQL only): listings, search, feeds and OPDS read from it; unset: everything reads the primary' },
  { name: 'DATABASE_REPLICA_MAX_LAG', help: 'seconds the replica may fall behind before its reads go to the primary, and how long a visitor who just wrote reads the primary; default 10' },
  { name: 'BASE_URL', help: 'the address readers use, e.g. https://archive.example.org; default http://localhost:PORT' },
  { name: 'SESSION_SECRET', help: 'at least 32 characters; default generated once into DATA_DIR/session-secret' },
  { name: 'EBOOK_CONVERT', help: 'path of Calibre\'s ebook-convert for AZW3, MOBI and PDF downloads, or "off"; default: found on PATH if installed' },
  { name: 'SMTP_HOST', help: 'the mail server email goes out through; unset: email stays in the outbox (admin pages) and the log' },
  { name: 'SMTP_PORT', help: 'its port, default 587 (465 with SMTP_TLS=true)' },
  { name: 'SMTP_TLS', help: 'true for TLS from the start (port 465); default false (STARTTLS when the server offers it)' },
  { name: 'SMTP_USER', help: 'the mail server\'s user name, if it needs one' },
  { name: 'SMTP_PASSWORD', help: 'its password' },
  { name: 'MAIL_FROM', help: 'the From address of the archive\'s email, default "ARCHIVE_NAME <noreply@host of BASE_URL>"' },
  { name: 'RATE_LIMIT', help: 'requests one guest address may make, as REQUESTS/SECONDS, or "off"; default 300/300 (shared by every app server; set TRUST_PROXY behind a proxy)' },
  { name: 'RATE_LIMIT_MEMBERS', help: 'requests one logged-in member (or API token) may make, REQUESTS/SECONDS or "off"; default 1200/300' },
  { name: 'SIGNUP_LIMIT', help: 'accounts one address may make, ACCOUNTS/SECONDS or "off"; default 5/3600' },
  { name: 'EXTERNAL_IMAGES', help: 'images in stories stored at other hosts: "proxy" (fetched by the archive, so hosts never see readers\' addresses), "links" (shown as links) or "direct" (loaded from their hosts); default proxy' },
  { name: 'IMAGE_PROXY_MAX_BYTES', help: 'the largest image the proxy fetches, in bytes; default 10485760 (10 MiB)' },
  { name: 'IMAGE_PROXY_CACHE_MB', help: 'disk for the proxy\'s fetched images under DATA_DIR/image-cache, in MiB (oldest go first); default 1024' },
  { name: 'METRICS_TOKEN', help: 'at least 16 characters: /metrics answers Prometheus (in its text format) to a scraper sending it as a bearer token; unset: no /metrics' },
  { name: 'RUN_JOBS', help: 'true: this app server also runs background jobs (email, digests, reveals); false: it only queues them for `bindery worker`; default true' },
  { name: 'SHUTDOWN_GRACE_SECONDS', help: 'on SIGTERM or SIGINT, how long requests in flight and running jobs may take to finish before the process exits (0-3600); default 30' },
  { name: 'SQLITE_READERS', help: 'threads that run SQLite reads off the event loop (search, listings, large pages), each with its own read-only connection; 0: all reads on the main connection; default the number of CPU cores, at most 4' },
  { name: 'HEAVY_CONCURRENCY', help: 'heavy requests (search, entire works above 20,000 words, building a download, reading an import) run at once; default one fewer than the CPU cores (at least 1, at most 3), so a core is left for reading' },
  { name: 'HEAVY_QUEUE', help: 'heavy requests that may wait for one of those places; past that the archive answers 503 with Retry-After at once; default 64' },
  { name: 'HEAVY_QUEUE_MS', help: 'how long a heavy request waits for a place before it is answered 503 with Retry-After, in milliseconds; default 2000' },
  { name: 'IMAGE_PROXY_ALLOW_HOSTS', help: 'comma-separated host or host:port the proxy may fetch from although they have private addresses (an image server on the LAN, tests); default none' },
] as const;

function parseSmtp(env: Env): SmtpConfig | null {
  const host = (env.SMTP_HOST ?? '').trim();
  if (host === '') return null;
  const secure = parseBoolean('SMTP_TLS', env.SMTP_TLS, false);
  const port = Number(env.SMTP_PORT ?? (secure ? '465' : '587'));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`SMTP_PORT must be a port number from 1 to 65535, got "${env.SMTP_PORT ?? ''}"`);
  const user = (env.SMTP_USER ?? '') === '' ? null : env.SMTP_USER ?? null;
  return { host, port, secure, user, password: user === null ? null : env.SMTP_PASSWORD ?? '' };
}

function parseExternalImages(env: Env): ExternalImagesConfig {
  const wanted = (env.EXTERNAL_IMAGES ?? 'proxy').trim().toLowerCase();
  const mode = EXTERNAL_IMAGE_MODES.find((known) => known === wanted);
  if (mode === undefined) throw new ConfigError(`EXTERNAL_IMAGES must be proxy, links or direct, got "${env.EXTERNAL_IMAGES ?? ''}"`);
  return Object.freeze({
    mode,
    maxBytes: parseWholeNumber('IMAGE_PROXY_MAX_BYTES', env.IMAGE_PROXY_MAX_BYTES, 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    cacheBytes: parseWholeNumber('IMAGE_PROXY_CACHE_MB', env.IMAGE_PROXY_CACHE_MB, 1024, 1, 1024 * 1024) * 1024 * 1024,
    allowHosts: Object.freeze(parseAllowedHosts(env.IMAGE_PROXY_ALLOW_HOSTS)),
  });
}

/**
 * Reads and validates every setting; `persist: false` (tests) never touches the disk.
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env = process.env, { persist = true } = {}): Config {
  const portNumber = port.parse(env.PORT, env);
  const dir = dataDir.parse(env.DATA_DIR, env);
  const baseUrl = parseBaseUrl(env.BASE_URL, portNumber);
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL, dir);
  return Object.freeze({
    port: portNumber,
    host: host.parse(env.HOST, env),
    dataDir: dir,
    databaseUrl,
    databaseReplicaUrl: parseReplicaUrl(env.DATABASE_REPLICA_URL, databaseUrl),
    replicaMaxLagSeconds: parseWholeNumber('DATABASE_REPLICA_MAX_LAG', env.DATABASE_REPLICA_MAX_LAG, 10, 1, 3600),
    baseUrl,
    sessionSecret: loadSessionSecret(env.SESSION_SECRET, dir, persist),
    trustProxy: trustProxy.parse(env.TRUST_PROXY, env),
    logLevel: logLevel.parse(env.LOG_LEVEL, env),
    secureCookies: baseUrl.startsWith('https:'),
    archiveName: parseArchiveName(env.ARCHIVE_NAME),
    pageCacheBytes: parseCacheSize(env.PAGE_CACHE_MB),
    ebookConvert: parseEbookConvert(env.EBOOK_CONVERT, env.PATH),
    smtp: parseSmtp(env),
    mailFrom: parseMailFrom(env.MAIL_FROM, parseArchiveName(env.ARCHIVE_NAME), baseUrl),
    requestLimits: Object.freeze({
      guest: parseRateLimit('RATE_LIMIT', env.RATE_LIMIT, '300/300'),
      member: parseRateLimit('RATE_LIMIT_MEMBERS', env.RATE_LIMIT_MEMBERS, '1200/300'),
    }),
    signupLimit: parseRateLimit('SIGNUP_LIMIT', env.SIGNUP_LIMIT, '5/3600'),
    externalImages: parseExternalImages(env),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    runJobs: parseBoolean('RUN_JOBS', env.RUN_JOBS, true),
    shutdownGraceMs: parseWholeNumber('SHUTDOWN_GRACE_SECONDS', env.SHUTDOWN_GRACE_SECONDS, 30, 0, 3600) * 1000,
    sqliteReaders: parseWholeNumber('SQLITE_READERS', env.SQLITE_READERS, defaultThreads(), 0, 64),
    heavyWork: Object.freeze({
      // A core is kept for the event loop: what heavy work leaves of the machine is what readers get.
      concurrency: parseWholeNumber('HEAVY_CONCURRENCY', env.HEAVY_CONCURRENCY, Math.max(1, defaultThreads() - 1), 1, 1000),
      // A waiting request costs nothing; one refused at once is sent again at once by a client that ignores Retry-After.
      queue: parseWholeNumber('HEAVY_QUEUE', env.HEAVY_QUEUE, 64, 0, 100_000),
      waitMs: parseWholeNumber('HEAVY_QUEUE_MS', env.HEAVY_QUEUE_MS, 2000, 0, 60_000),
    }),
  });
}

/** One thread or heavy request per core, at most 4: past that they only share the same cores. */
function defaultThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

