// How each setting's text becomes its value, or a ConfigError that names the setting (the table
// of settings, and the only reading of process.env, is src/config.ts).
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

/** Thrown for a bad setting; its message names the variable so start-up says what to fix. */
export class ConfigError extends Error {}

/** A host (and port, or any port when null) the image proxy may fetch from though it has a private address. */
export type AllowedImageHost = Readonly<{ host: string; port: number | null }>;

/** So many hits per window of milliseconds. */
export type RateLimitSetting = Readonly<{ limit: number; windowMs: number }>;

/** A rate limit as REQUESTS/SECONDS, or null for "off". */
export function parseRateLimit(name: string, raw: string | undefined, fallback: string): RateLimitSetting | null {
  const value = (raw ?? fallback).trim();
  if (value === 'off') return null;
  const match = /^(\d{1,9})\/(\d{1,7})$/.exec(value);
  const limit = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (match === null || limit < 1 || seconds < 1) throw new ConfigError(`${name} must be REQUESTS/SECONDS (for example 300/300) or "off", got "${value}"`);
  return { limit, windowMs: seconds * 1000 };
}

/** MAIL_FROM, or the archive's name at noreply@ its host. */
export function parseMailFrom(raw: string | undefined, archiveName: string, baseUrl: string): string {
  if (raw !== undefined && raw.trim() !== '') {
    if (!/@/.test(raw) || /[\r\n]/.test(raw)) throw new ConfigError(`MAIL_FROM must be an email address, optionally with a name ("Archive <noreply@example.org>"), got "${raw}"`);
    return raw.trim();
  }
  return `${archiveName.replace(/["<>]/g, '')} <noreply@${new URL(baseUrl).hostname}>`;
}

/** true/false, yes/no or 1/0; the fallback when unset. */
export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** DATABASE_URL: postgres:// or sqlite:, SQLite in the data folder when unset. */
export function parseDatabaseUrl(raw: string | undefined, dir: string): string {
  if (raw === undefined || raw === '') return `sqlite:${join(dir, 'bindery.sqlite')}`;
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try { new URL(raw); } catch { throw new ConfigError('DATABASE_URL is not a valid postgres:// URL'); }
    return raw;
  }
  if (raw.startsWith('sqlite:')) return raw;
  throw new ConfigError(`DATABASE_URL must start with postgres:// or sqlite:, got "${raw.replace(/\/\/.*@/, '//***@')}"`);
}

/** DATABASE_REPLICA_URL: a postgres:// URL beside a PostgreSQL primary, or null. */
export function parseReplicaUrl(raw: string | undefined, databaseUrl: string): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_REPLICA_URL needs DATABASE_URL to be PostgreSQL (postgres://): SQLite has no replicas');
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError(`DATABASE_REPLICA_URL must start with postgres://, got "${raw.replace(/\/\/.*@/, '//***@')}"`);
  try { new URL(raw); } catch { throw new ConfigError('DATABASE_REPLICA_URL is not a valid postgres:// URL'); }
  return raw;
}

/** BASE_URL without its trailing slash: http://localhost:PORT when unset. */
export function parseBaseUrl(raw: string | undefined, portNumber: number): string {
  const value = raw ?? `http://localhost:${portNumber}`;
  let url: URL;
  try { url = new URL(value); } catch { throw new ConfigError(`BASE_URL must be an absolute http(s) URL, got "${value}"`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`BASE_URL must start with http:// or https://, got "${value}"`);
  return value.replace(/\/+$/, '');
}

/** PAGE_CACHE_MB in bytes. */
export function parseCacheSize(raw: string | undefined): number {
  const value = Number(raw ?? '64');
  if (raw === '' || !Number.isInteger(value) || value < 0 || value > 65536) throw new ConfigError(`PAGE_CACHE_MB must be a whole number of MiB from 0 to 65536, got "${raw ?? ''}"`);
  return value * 1024 * 1024;
}

/** A whole number within bounds; the fallback when unset. */
export function parseWholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw ?? ''}"`);
  return value;
}

/** A comma-separated list of host or host:port ([v6 address]:port). */
export function parseAllowedHosts(raw: string | undefined): AllowedImageHost[] {
  return (raw ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '').map((entry) => {
    const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/.exec(entry);
    const host = match?.[1] ?? match?.[2];
    const port = match?.[3] === undefined ? null : Number(match[3]);
    if (host === undefined || (match?.[1] !== undefined && isIP(host) !== 6) || (port !== null && (port < 1 || port > 65535))) {
      throw new ConfigError(`IMAGE_PROXY_ALLOW_HOSTS must be a comma-separated list of host or host:port ([v6 address]:port), got "${entry}"`);
    }
    return { host, port };
  });
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** EBOOK_CONVERT's path, Calibre's ebook-convert found on PATH, or null ("off" or none). */
export function parseEbookConvert(raw: string | undefined, path: string | undefined): string | null {
  if (raw === 'off') return null;
  if (raw !== undefined && raw !== '') {
    if (!executable(raw)) throw new ConfigError(`EBOOK_CONVERT must be the path of an executable ebook-convert, or "off"; "${raw}" is not executable`);
    return resolve(raw);
  }
  return (path ?? '').split(delimiter).filter((dir) => dir !== '').map((dir) => join(dir, 'ebook-convert')).find(executable) ?? null;
}

/** ARCHIVE_NAME: 1 to 80 characters, Bindery when unset. */
export function parseArchiveName(raw: string | undefined): string {
  const value = (raw ?? 'Bindery').trim();
  if (value === '' || value.length > 80) throw new ConfigError('ARCHIVE_NAME must be 1 to 80 characters long');
  return value;
}

/** SESSION_SECRET, or one made once and kept in the data folder (`persist: false`: never written). */
export function loadSessionSecret(raw: string | undefined, dir: string, persist: boolean): string {
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
    return raw;
  }
  if (!persist) return randomBytes(32).toString('base64url');
  const file = join(dir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** METRICS_TOKEN, or null: no /metrics at all. */
export function parseMetricsToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16 || /\s/.test(raw)) throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces');
  return raw;
}
