// The OpenAPI 3.1 document of the JSON API, written from the schemas each /api/v1 route declares
// (so it cannot drift from what Fastify validates), and served at /api/v1/openapi.json.
import type { ApiRouteSchema, JsonSchema } from './api-schemas.js';
import type { RouteEntry } from './route-table.js';

export const API_PREFIX = '/api/v1/';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Info = { title: string; version: string; serverUrl: string };

/** The parameters of one location ("path" or "query") from an object schema. */
function parameters(schema: unknown, where: 'path' | 'query'): JsonSchema[] {
  const object = schema as { properties?: Record<string, JsonSchema & { description?: string }>; required?: string[] } | undefined;
  return Object.entries(object?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (object?.required ?? []).includes(name), schema: rest, ...(description !== undefined ? { description } : {}) };
  });
}

function responses(schema: ApiRouteSchema): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schema.response).map(([status, body]) => [status, {
    description: typeof body.description === 'string' ? body.description : status.startsWith('2') ? 'Success.' : 'An error.',
    content: { 'application/json': { schema: body } },
  }]));
}

function operation(route: RouteEntry & { schema: ApiRouteSchema }): JsonSchema {
  const { schema } = route;
  const params = [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')];
  return {
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[^A-Za-z0-9]+(.)?/g, (_, next?: string) => (next ?? '').toUpperCase())}`,
    summary: schema.summary, tags: schema.tags,
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(schema.body !== undefined ? { requestBody: { required: true, content: { 'application/json': { schema: schema.body } } } } : {}),
    responses: responses(schema),
    // Reads work without a token (a guest's view) or with one (that member's view); writes need one.
    security: WRITES.has(route.method) ? [{ bearer: [] }] : [{}, { bearer: [] }],
  };
}

/** True for a route of the JSON API that declares its schemas. */
export function isDocumented(route: RouteEntry): route is RouteEntry & { schema: ApiRouteSchema } {
  const schema = route.schema as Partial<ApiRouteSchema> | undefined;
  return typeof schema?.summary === 'string' && schema.response !== undefined;
}

/** The OpenAPI 3.1 document of every documented route under /api/v1. */
export function openApiDocument(routes: readonly RouteEntry[], info: Info): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    if (!route.url.startsWith(API_PREFIX) || !isDocumented(route)) continue;
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: 'The JSON API of a Bindery archive. The guide: docs/api.md.' },
    servers: [{ url: info.serverUrl }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token: npm run bindery -- tokens create <login>.' } } },
  };
}
