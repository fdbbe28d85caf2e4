import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, OPTIONS } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const config = loadConfig({}, { persist: false });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toMatch(/^sqlite:.*\/data\/bindery\.sqlite$/);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or sqlite:'],
    [{ BASE_URL: 'archive.example' }, 'BASE_URL must be an absolute http(s) URL'],
    [{ BASE_URL: 'ftp://archive.example' }, 'BASE_URL must start with http:// or https://'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ ARCHIVE_NAME: ' ' }, 'ARCHIVE_NAME must be 1 to 80 characters'],
    [{ EXTERNAL_IMAGES: 'block' }, 'EXTERNAL_IMAGES must be proxy, links or direct'],
    [{ IMAGE_PROXY_MAX_BYTES: '10MB' }, 'IMAGE_PROXY_MAX_BYTES must be a whole number'],
    [{ IMAGE_PROXY_CACHE_MB: '0' }, 'IMAGE_PROXY_CACHE_MB must be a whole number from 1'],
    [{ IMAGE_PROXY_ALLOW_HOSTS: 'http://lan.example' }, 'IMAGE_PROXY_ALLOW_HOSTS must be a comma-separated list'],
    [{ DATABASE_REPLICA_URL: 'postgres://reader@replica/bindery' }, 'DATABASE_REPLICA_URL needs DATABASE_URL to be PostgreSQL'],
    [{ DATABASE_URL: 'postgres://u@db/bindery', DATABASE_REPLICA_URL: 'sqlite:replica.sqlite' }, 'DATABASE_REPLICA_URL must start with postgres://'],
    [{ DATABASE_URL: 'postgres://u@db/bindery', DATABASE_REPLICA_MAX_LAG: '0' }, 'DATABASE_REPLICA_MAX_LAG must be a whole number from 1 to 3600'],
    [{ IMAGE_PROXY_ALLOW_HOSTS: 'lan.example:99999' }, 'IMAGE_PROXY_ALLOW_HOSTS must be a comma-separated list'],
  ])('refuses %o with a message naming it', (env, message) => {
    expect(() => loadConfig(env, { persist: false })).toThrow(ConfigError);
    expect(() => loadConfig(env, { persist: false })).toThrow(message);
  });

  it('uses https cookies for an https BASE_URL and accepts PostgreSQL URLs', () => {
    const config = loadConfig({ BASE_URL: 'https://archive.example/', DATABASE_URL: 'postgres://u:p@db/bindery' }, { persist: false });
    expect(config.baseUrl).toBe('https://archive.example');
    expect(config.secureCookies).toBe(true);
    expect(config.databaseUrl).toBe('postgres://u:p@db/bindery');
  });

  it('proxies external images by default, within 10 MiB and 1 GiB of disk, and reads the hosts allowed a private address', () => {
    expect(loadConfig({}, { persist: false }).externalImages).toEqual({ mode: 'proxy', maxBytes: 10 * 1024 * 1024, cacheBytes: 1024 * 1024 * 1024, allowHosts: [] });
    const lan = loadConfig({ EXTERNAL_IMAGES: 'Links', IMAGE_PROXY_ALLOW_HOSTS: ' Pictures.LAN , 127.0.0.1:8080,[::1]:81' }, { persist: false }).externalImages;
    expect(lan.mode).toBe('links');
    expect(lan.allowHosts).toEqual([{ host: 'pictures.lan', port: null }, { host: '127.0.0.1', port: 8080 }, { host: '::1', port: 81 }]);
  });

  it('reads a replica of a PostgreSQL database, allowed 10 seconds behind unless told otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/bindery' }, { persist: false })).toMatchObject({ databaseReplicaUrl: null, replicaMaxLagSeconds: 10 });
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/bindery', DATABASE_REPLICA_URL: 'postgresql://u@replica/bindery', DATABASE_REPLICA_MAX_LAG: '30' }, { persist: false });
    expect(config).toMatchObject({ databaseReplicaUrl: 'postgresql://u@replica/bindery', replicaMaxLagSeconds: 30 });
  });

  it('names every option in the README\'s table', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(OPTIONS.map((option) => option.name).filter((name) => !readme.includes(`| \`${name}\``) && !readme.includes(`\`${name}\` |`) && !readme.includes(`, \`${name}\``))).toEqual([]);
  });

  it('generates a session secret once and keeps it in the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bindery-config-'));
    try {
      const first = loadConfig({ DATA_DIR: dir });
      const second = loadConfig({ DATA_DIR: dir });
      expect(first.sessionSecret).toHaveLength(43);
      expect(second.sessionSecret).toBe(first.sessionSecret);
      expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
