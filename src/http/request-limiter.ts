// The general rate limit: so many requests per window for each guest address and each member,
// shared by every app server. Counting in the database on every request would cost more than a
// cached page, so each process counts in memory and adds its counts to the shared row once a
// second (one statement for all keys), learning there what the other servers counted. Keys it
// served in the last few seconds but has nothing to add for are read back too, so a client whose
// requests moved on to another server is not judged here, when it comes back, on a stale count.
// A process can therefore let through at most a second's worth of requests past the limit before it knows.
// Over the limit: 429 with Retry-After (the error handler's page, which keeps a form being sent).
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { RateLimitSetting } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import { readHits, recordHitsBatch } from './rate-limit.repository.js';

type Counter = { kind: 'guest' | 'member'; windowStart: number; shared: number; pending: number; lastHitAt: number };

const SYNC_MS = 1000;
/** A key with nothing to add is read back while its last request here is this recent; older ones wait for their next request. */
const RECENT_MS = 5 * SYNC_MS;
/** Keys are written per batch statement at most this many at a time. */
const BATCH = 500;

/** Counts requests per key in memory and keeps the counts shared through the database. */
export class RequestLimiter {
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly limits: Readonly<{ guest: RateLimitSetting | null; member: RateLimitSetting | null }>, private readonly onError: (error: unknown) => void) {}

  /** Counts one request; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string, kind: 'guest' | 'member', now = Date.now()): number {
    const setting = this.limits[kind];
    if (setting === null) return 0;
    let counter = this.counters.get(key);
    if (counter === undefined || now - counter.windowStart >= setting.windowMs) {
      // A new window: what is pending still has to reach the shared count.
      counter = { kind, windowStart: now, shared: 0, pending: counter?.pending ?? 0, lastHitAt: now };
      this.counters.set(key, counter);
    }
    counter.pending += 1;
    counter.lastHitAt = now;
    if (counter.shared + counter.pending <= setting.limit) return 0;
    return Math.max(1, Math.ceil((counter.windowStart + setting.windowMs - now) / 1000));
  }

  start(): void {
    if (this.timer !== null || (this.limits.guest === null && this.limits.member === null)) return;
    this.timer = setInterval(() => { void this.sync(); }, SYNC_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.syncing;
  }

  /** Adds this process's counts to the shared ones and reads back everyone's; one sync at a time. */
  sync(now = Date.now()): Promise<void> {
    this.syncing ??= this.syncKinds(now).catch(this.onError).finally(() => { this.syncing = null; });
    return this.syncing;
  }

  private async syncKinds(now: number): Promise<void> {
    for (const kind of ['guest', 'member'] as const) {
      const setting = this.limits[kind];
      if (setting === null) continue;
      const due: Array<{ key: string; count: number }> = [];
      const recent: string[] = [];
      for (const [key, counter] of this.counters) {
        if (counter.kind !== kind) continue;
        if (counter.pending > 0) due.push({ key, count: counter.pending });
        else if (now - counter.windowStart >= setting.windowMs) this.counters.delete(key);
        else if (now - counter.lastHitAt < RECENT_MS) recent.push(key);
      }
      for (let at = 0; at < recent.length; at += BATCH) {
        for (const row of await readHits(this.db, recent.slice(at, at + BATCH), now - setting.windowMs)) {
          const counter = this.counters.get(row.key);
          if (counter === undefined) continue;
          counter.windowStart = row.windowStart;
          counter.shared = row.hits;
        }
      }
      for (let at = 0; at < due.length; at += BATCH) {
        const batch = due.slice(at, at + BATCH);
        // Taken off before the write, so requests counted meanwhile are kept for the next sync.
        for (const { key, count } of batch) {
          const counter = this.counters.get(key);
          if (counter !== undefined) counter.pending -= count;
        }
        for (const row of await recordHitsBatch(this.db, batch, now, setting.windowMs)) {
          const counter = this.counters.get(row.key);
          if (counter === undefined) continue;
          counter.windowStart = row.windowStart;
          counter.shared = row.hits;
        }
      }
    }
  }
}

/** Requests that never count: the immutable assets a page pulls in, which browsers keep, and the load balancer's and monitor's polls. */
function exempt(request: FastifyRequest): boolean {
  return request.url.startsWith('/assets/') || request.url === '/favicon.ico' || request.url === '/healthz' || request.url === '/readyz' || request.url === '/metrics';
}

/**
 * Registers the limit on every request, after the request's viewer is known (members count by
 * account, guests by address). Reads are refused before any work; a form being sent is refused
 * once its body is read, so the 429 page can give back what was typed.
 */
export function registerRequestLimiter(app: FastifyInstance, limiter: RequestLimiter): void {
  const check = (request: FastifyRequest): void => {
    if (exempt(request)) return;
    const user = request.viewer.user;
    const wait = user === null ? limiter.hit(`requests:address:${request.ip}`, 'guest') : limiter.hit(`requests:user:${user.id}`, 'member');
    if (wait > 0) {
      const seconds = `${wait} second${wait === 1 ? '' : 's'}`;
      throw new AppError('rate_limited', `You have sent more requests than this archive allows in a few minutes. Please wait ${seconds} and try again.`, {}, wait);
    }
  };
  // Reads are counted on request, before any work; writes once their body is read (a hook on
  // write routes only, so a page view pays for one hook, not two).
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      try { check(request); } catch (error) { done(error as Error); return; }
    }
    done();
  });
  const onWrite: preHandlerHookHandler = (request, _reply, done) => {
    try { check(request); } catch (error) { done(error as Error); return; }
    done();
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS')) return;
    const own = route.preHandler;
    route.preHandler = [onWrite, ...(own === undefined ? [] : Array.isArray(own) ? own : [own])];
  });
  app.addHook('onReady', () => { limiter.start(); });
  app.addHook('onClose', () => limiter.stop());
}
