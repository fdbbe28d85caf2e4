// The one seam for reads that may be a little stale (listings, search, feeds, OPDS): they ask for
// request.readDb, which is the read replica when DATABASE_REPLICA_URL names one, else the primary.
// A visitor who just wrote reads the primary for a while (a signed cookie, so any app server
// knows), so their new work is in their listings at once. docs/decisions/045-read-replicas.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { REPLICA_CHECK_SECONDS, replicaOf } from '../db/replica.js';
import { hmac, safeEqual } from '../lib/secrets.js';
import { cookieNames, cookieOptions } from './cookies.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database for reads that may be a little stale: the replica, or the primary when there is none. */
    readDb: Kysely<Database>;
    /**
     * The database for reads that must see the newest commit (a download's chapters, under a key
     * of the work's content version): SQLite's reader threads, which are never stale and read off
     * the event loop, or the primary when reads may go to a replica.
     */
    freshReadDb: Kysely<Database>;
  }
  interface FastifyRequest {
    /** The database this request's stale-tolerant reads use: app.readDb, or the primary for a visitor who just wrote. */
    readonly readDb: Kysely<Database>;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Seconds a visitor reads the primary after a write: as long as the replica may lag unnoticed. */
function freshSeconds(app: FastifyInstance): number {
  return app.config.replicaMaxLagSeconds + REPLICA_CHECK_SECONDS;
}

function signature(secret: string, until: number): string {
  return hmac(secret, `fresh:${until}`);
}

/** Whether the request carries an unexpired, untampered mark of a recent write. */
function wroteRecently(request: FastifyRequest): boolean {
  const app = request.server;
  const value = request.cookies[cookieNames(app.config).fresh];
  if (value === undefined) return false;
  const [untilText = '', sent = ''] = value.split('.');
  const until = Number(untilText);
  const now = Date.now();
  // A mark that runs longer than any we give out is not ours, whatever its signature.
  if (!Number.isSafeInteger(until) || until <= now || until > now + freshSeconds(app) * 1000) return false;
  return safeEqual(sent, signature(app.config.sessionSecret, until));
}

/** Marks the visitor who made a successful write: their stale-tolerant reads go to the primary for a while. */
function markWrite(request: FastifyRequest, reply: FastifyReply): void {
  if (READS.has(request.method) || reply.statusCode >= 400) return;
  const app = request.server;
  const seconds = freshSeconds(app);
  const until = Date.now() + seconds * 1000;
  reply.setCookie(cookieNames(app.config).fresh, `${until}.${signature(app.config.sessionSecret, until)}`, cookieOptions(app.config, { maxAgeSeconds: seconds }));
}

/** Decorates app.readDb and request.readDb; with a replica, checks it while the app runs and marks writers. */
export function registerReadDb(app: FastifyInstance, readDb: Kysely<Database>): void {
  app.decorate('readDb', readDb);
  const replica = replicaOf(readDb);
  app.decorate('freshReadDb', replica === undefined ? readDb : app.db);
  if (replica === undefined) {
    app.decorateRequest('readDb', { getter() { return this.server.readDb; } });
    return;
  }
  app.decorateRequest('readDb', { getter() { return wroteRecently(this) ? this.server.db : this.server.readDb; } });
  app.addHook('onReady', () => replica.start(app.log));
  app.addHook('onClose', () => { replica.stop(); });
  app.addHook('onSend', (request, reply, payload, done) => {
    markWrite(request, reply);
    done(null, payload);
  });
}
