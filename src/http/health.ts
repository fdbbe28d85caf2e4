// For load balancers and monitors: /healthz says the process is alive (it answers), /readyz that
// it can serve (each check app.ts gives it passes: the database answers, its schema is current,
// the job queue is reachable), and notes what serves but does not decide readiness (a read replica:
// the primary answers its reads when it is down). Plain JSON, never cached, not counted by the rate limit.
import type { FastifyInstance } from 'fastify';

/** A readiness check: null when it passes, otherwise what is wrong. */
export type ReadinessCheck = () => Promise<string | null>;

/** What /readyz reports without being failed by it: a short description. */
export type HealthNote = () => string;

/** Registers GET /healthz and GET /readyz. */
export function registerHealth(app: FastifyInstance, checks: Record<string, ReadinessCheck>, notes: Record<string, HealthNote> = {}): void {
  app.get('/healthz', (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of Object.entries(checks)) {
      const problem = await check().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      results[name] = problem ?? 'ok';
      if (problem !== null) ready = false;
    }
    const noted = Object.entries(notes).map(([name, note]) => [name, note()] as const);
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'not ready', checks: results, ...(noted.length > 0 ? { notes: Object.fromEntries(noted) } : {}) });
  });
}
