// Every route the app registered, by method and address: what tests walk to check that a rule
// holds for every door (API writes need a token, every API route is documented).
import type { FastifyInstance } from 'fastify';

export type RouteEntry = { method: string; url: string; schema?: unknown };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Starts recording routes; call before any route is registered. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url, schema: route.schema });
  });
}
