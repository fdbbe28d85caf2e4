// The hit counter of each database handle (one per app process), started and stopped with the app.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { HitCounter } from './hit-counter.js';

const counters = new WeakMap<object, HitCounter>();

/** Starts the app's hit counter with the app, and writes what it holds when the app closes. */
export function registerHitCounter(app: FastifyInstance): void {
  const counter = new HitCounter(app.db);
  counters.set(app.db, counter);
  app.decorate('hits', counter);
  app.addHook('onReady', () => { counter.start(); });
  app.addHook('onClose', () => counter.stop());
}

/** The hit counter of a database handle, if its app has one. */
export function hitCounter(db: Db): HitCounter | undefined {
  return counters.get(db);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts hits off the reading path (hit-counter.ts); tests call flush() rather than wait. */
    hits: HitCounter;
  }
}
