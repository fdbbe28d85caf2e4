// The one seam for reads that may be a little stale (listings, search, feeds, OPDS): they ask for
// request.readDb, which is a read replica when DATABASE_REPLICA_URL names one, else the primary.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database for reads that may be a little stale: the replica, or the primary when there is none. */
    readDb: Kysely<Database>;
  }
  interface FastifyRequest {
    /** The database this request's stale-tolerant reads use (app.readDb, or the primary when it must be fresh). */
    readonly readDb: Kysely<Database>;
  }
}

/** Decorates app.readDb and request.readDb. */
export function registerReadDb(app: FastifyInstance, readDb: Kysely<Database>): void {
  app.decorate('readDb', readDb);
  app.decorateRequest('readDb', {
    getter() {
      return this.server.readDb;
    },
  });
}
