// Where a search runs. On SQLite with reader threads, whole in a thread of its own
// (src/search-thread.ts): the SQL is only part of a search's cost, and shaping twenty works and
// finding their passages in chapter text, on the event loop, held every other request behind
// it (bench:overload). Elsewhere (PostgreSQL, whose queries already wait off the event loop, or
// SQLite without reader threads) in this process, on request.readDb.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Viewer } from '../access/viewer.js';
import { readerFileOf } from '../db/sqlite-reader.js';
import { WorkerPool } from '../lib/worker-pool.js';
import { searchWorks, type SearchResults, type SearchWants } from './search.service.js';

export type SearchTask = { viewer: Viewer; text: string; page: number; wants: SearchWants };

const ENTRY = new URL('../search-thread.ts', import.meta.url);
const pools = new WeakMap<FastifyInstance, WorkerPool<SearchTask, SearchResults>>();

/** Starts the app's search threads when its reads that may be stale go to SQLite reader threads: as many as heavy work may run at once. */
export function registerSearchThreads(app: FastifyInstance): void {
  const file = readerFileOf(app.readDb);
  if (file === null) return;
  const pool = new WorkerPool<SearchTask, SearchResults>(ENTRY, app.config.heavyWork.concurrency, { file });
  pools.set(app, pool);
  app.addHook('onReady', () => { pool.warm(); });
  app.addHook('onClose', () => pool.close());
}

/** Runs a search for this request, in a search thread when the app has them. */
export function runSearch(request: FastifyRequest, text: string, page: number, wants: SearchWants): Promise<SearchResults> {
  const pool = pools.get(request.server);
  return pool === undefined ? searchWorks(request.readDb, request.viewer, text, page, wants) : pool.run({ viewer: request.viewer, text, page, wants });
}
