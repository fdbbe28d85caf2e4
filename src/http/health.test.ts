// What load balancers and monitors read, on both databases: /healthz and /readyz (which notices a
// schema behind the code), /metrics only for the bearer of METRICS_TOKEN (requests by route, the
// page cache, the outbox, the pool), and the request id carried from nginx's X-Request-Id.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { TestClient } from '../../test/client.js';
import { buildTestApp, describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { migrations } from '../db/migrations/index.js';

const TOKEN = 'scrape-me-please-0123456789';

describeEachDatabase('health and metrics', (ctx, dialect) => {
  it('says it is alive and ready, and not ready while a migration is pending', async () => {
    const guest = new TestClient(ctx().app);
    const alive = await guest.get('/healthz');
    expect(alive.statusCode).toBe(200);
    expect(alive.json()).toEqual({ status: 'ok' });
    const ready = await guest.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', queue: 'ok' } });
    expect(ready.headers['cache-control']).toBe('no-store');
    // As after an upgrade whose migration has not run yet.
    const db = ctx().app.db;
    const last = Object.keys(migrations).sort().pop() ?? '';
    const row = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration where name = ${last}`.execute(db);
    await sql`delete from kysely_migration where name = ${last}`.execute(db);
    try {
      const behind = await guest.get('/readyz');
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toEqual({ status: 'not ready', checks: { database: 'ok', migrations: `1 pending: ${last}`, queue: 'ok' } });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${row.rows[0]?.timestamp ?? ''})`.execute(db);
    }
    expect((await guest.get('/readyz')).statusCode).toBe(200);
  });

  it('names each request by the proxy\'s X-Request-Id, or by one of its own', async () => {
    const guest = new TestClient(ctx().app);
    const named = await guest.get('/healthz', { 'x-request-id': 'f3c9a1b2-nginx-77' });
    expect(named.headers['x-request-id']).toBe('f3c9a1b2-nginx-77');
    const odd = await guest.get('/healthz', { 'x-request-id': 'two words\r\nInjected: yes' });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    const next = await guest.get('/healthz');
    expect(next.headers['x-request-id']).not.toBe(odd.headers['x-request-id']);
  });

  it('has no /metrics unless METRICS_TOKEN is set, and then only for its bearer', async () => {
    expect((await new TestClient(ctx().app).get('/metrics')).statusCode).toBe(404);
    const t = await buildTestApp(dialect, { METRICS_TOKEN: TOKEN });
    try {
      await signUp(t.app);
      // Not the archive's first account: its address is confirmed by email, through the outbox.
      const writer = await signUp(t.app);
      const workId = await postWork(writer, { title: 'Counted Tides' });
      const guest = new TestClient(t.app, '10.90.0.9');
      for (let i = 0; i < 3; i++) expect((await guest.get(`/works/${workId}`)).statusCode).toBe(200);
      const refused = await guest.get('/metrics');
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toContain('Bearer');
      expect((await guest.get('/metrics', { authorization: 'Bearer wrong-token-wrong-token' })).statusCode).toBe(401);
      const scraped = await guest.get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.headers['content-type']).toContain('text/plain');
      const text = scraped.body;
      // One series per route pattern, never per address.
      expect(text).toContain('bindery_http_requests_total{method="GET",route="/works/:id",status="2xx"} 3');
      expect(text).not.toContain(`route="/works/${workId}"`);
      expect(text).toMatch(/bindery_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/works\/:id"\} \d/);
      // The first guest read rendered the page; the next two came from the cache.
      expect(text).toContain('bindery_work_page_cache_events{outcome="hit"} 2');
      // The sign-up's confirmation is in the outbox, sent or logged.
      expect(text).toMatch(/bindery_mail_outbox_messages\{status="(pending|logged|sent)"\} [1-9]/);
      expect(text).toContain('bindery_imports{state="waiting"} 0');
      expect(text).toContain('bindery_process_cpu_seconds_total');
      if (dialect === 'postgres') expect(text).toMatch(/bindery_db_pool_connections\{state="total"\} [1-9]/);
      else expect(text).not.toContain('bindery_db_pool_connections{');
    } finally {
      await t.close();
    }
  });
});
