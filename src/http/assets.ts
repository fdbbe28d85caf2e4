// The stylesheet and scripts under src/public, served with a content hash in the address so
// browsers can keep them forever and still see every change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { faviconIco, restrictedLockPng } from '../lib/icon.js';

const PUBLIC_DIR = join(import.meta.dirname, '..', 'public');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

type Asset = { body: Buffer; type: string; hashedName: string };

const assets = new Map<string, Asset>();
for (const name of readdirSync(PUBLIC_DIR)) {
  const body = readFileSync(join(PUBLIC_DIR, name));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = extname(name);
  assets.set(name, { body, type: TYPES[ext] ?? 'application/octet-stream', hashedName: `${name.slice(0, -ext.length)}-${hash}${ext}` });
}
const byHashedName = new Map([...assets.values()].map((a) => [a.hashedName, a]));

/** The address of a file in src/public, with its content hash. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`no asset named ${name}`);
  return `/assets/${asset.hashedName}`;
}

const FAVICON = faviconIco();
const LOCK = restrictedLockPng();

/** The address of the restricted-work marker, where AO3 keeps it (readers' tools know it there). */
export const RESTRICTED_MARKER_URL = '/images/lockblue.png';

/**
 * Serves /assets/:file, immutable for a year; /favicon.ico, which browsers ask every site for;
 * and the restricted-work marker at AO3's address.
 */
export function registerAssets(app: FastifyInstance): void {
  app.get('/favicon.ico', (_request, reply) => reply.header('content-type', 'image/x-icon').header('cache-control', 'public, max-age=86400').send(FAVICON));
  app.get(RESTRICTED_MARKER_URL, (_request, reply) => reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(LOCK));
  app.get<{ Params: { file: string } }>('/assets/:file', (request, reply) => {
    const asset = byHashedName.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
}
