// /metrics in Prometheus' text format, for the operator's monitoring: requests and their latency
// by route, and whatever app.ts adds (cache hits, queue depth, pool use). Off unless METRICS_TOKEN
// is set, and then only for a scraper that sends it: nothing is counted when nobody reads it.
// docs/decisions/040-health-and-metrics.md.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A value read when Prometheus scrapes, with its labels. */
export type Reading = { labels?: Record<string, string>; value: number };
/**
 * A value read at scrape time (a cache's counts, a queue's depth): a gauge, or a counter when it
 * only grows while the process lives (failures since start).
 */
export type ScrapedGauge = { name: string; help: string; labelNames?: string[]; type?: 'gauge' | 'counter'; read: () => Reading[] | Promise<Reading[]> };

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Counts every request by route and answers GET /metrics to the bearer of `token`; does nothing when `token` is null. */
export function registerMetrics(app: FastifyInstance, token: string | null, gauges: ScrapedGauge[]): void {
  if (token === null) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bindery_' });
  const requests = new Counter({ name: 'bindery_http_requests_total', help: 'HTTP requests answered, by method, route and status class', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'bindery_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method and route', labelNames: ['method', 'route'], buckets: BUCKETS, registers: [registry] });
  for (const gauge of gauges) {
    const shape = { name: gauge.name, help: gauge.help, labelNames: gauge.labelNames ?? [], registers: [registry] };
    if (gauge.type === 'counter') {
      new Counter({ ...shape, async collect() {
        this.reset();
        for (const reading of await gauge.read()) this.inc(reading.labels ?? {}, reading.value);
      } });
      continue;
    }
    new Gauge({ ...shape, async collect() {
      this.reset();
      for (const reading of await gauge.read()) {
        if (reading.labels === undefined) this.set(reading.value);
        else this.set(reading.labels, reading.value);
      }
    } });
  }
  app.addHook('onResponse', (request, reply, done) => {
    // The route's pattern, never the address itself: one series per route, whatever the ids.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', async (request, reply) => {
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(sent, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').header('content-type', 'text/plain; charset=utf-8').send('Send the METRICS_TOKEN as a bearer token.\n');
    }
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });
}
