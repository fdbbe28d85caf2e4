// The API's own description: the OpenAPI document at /api/v1/openapi.json and the readable
// reference at /api, both written from the routes' schemas once every route is registered.
import type { FastifyInstance } from 'fastify';
import { ApiReferencePage } from '../views/api-reference-page.js';
import { object, str, type ApiRouteSchema, type JsonSchema } from './api-schemas.js';
import { pageContext } from './context.js';
import { openApiDocument } from './openapi.js';
import { sendPage } from './render.js';

export const API_VERSION = '1.0.0';

const documentSchema: ApiRouteSchema = {
  summary: 'This API, described', tags: ['about'],
  description: 'The OpenAPI 3.1 document of every /api/v1 route.',
  response: { 200: { ...object({ openapi: str(), info: { type: 'object', additionalProperties: true }, paths: { type: 'object', additionalProperties: true } }), additionalProperties: true } },
};

/** Routes for the OpenAPI document and the reference page. */
export function registerApiDocs(app: FastifyInstance): void {
  let document: JsonSchema | undefined;
  const described = () => (document ??= openApiDocument(app.routeTable, { title: `${app.config.archiveName} API`, version: API_VERSION, serverUrl: app.config.baseUrl }));
  app.get('/api/v1/openapi.json', { schema: documentSchema }, (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(described()));
  app.get('/api', (request, reply) => sendPage(reply, <ApiReferencePage ctx={pageContext(request, reply)} document={described()} />));
}
