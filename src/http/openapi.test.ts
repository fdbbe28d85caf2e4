import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textsOf } from '../../test/html.js';
import { API_PREFIX } from './openapi.js';

type Document = { openapi: string; paths: Record<string, Record<string, { summary: string; responses: Record<string, unknown> }>> };

describeEachDatabase('the OpenAPI document', (ctx) => {
  it('is valid OpenAPI 3.1', async () => {
    const response = await ctx().app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<Document>();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every /api/v1 route the app serves, each with a summary and its answers', async () => {
    const { app } = ctx();
    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<Document>();
    const routes = app.routeTable.filter((r) => r.url.startsWith(API_PREFIX));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} is missing from the document`).toBeDefined();
      expect(operation?.summary).not.toBe('');
      expect(Object.keys(operation?.responses ?? {}).some((s) => s.startsWith('2')), `${route.method} ${route.url} says what it answers`).toBe(true);
    }
  });

  it('answers in the shape it documents (a work read through the API has exactly the documented fields)', async () => {
    const { app } = ctx();
    const id = await postWork(await signUp(app), { title: 'Shaped As Described' });
    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } } } }> }>();
    const documented = Object.keys(document.paths['/api/v1/works/{id}']?.get.responses[200].content['application/json'].schema.properties ?? {}).sort();
    const work = (await app.inject({ url: `/api/v1/works/${id}` })).json<Record<string, unknown>>();
    expect(Object.keys(work).sort()).toEqual(documented);
    expect(work.title).toBe('Shaped As Described');
  });

  it('has a readable reference page listing every operation', async () => {
    const { app } = ctx();
    const page = await app.inject({ url: '/api' });
    expect(page.statusCode).toBe(200);
    const headings = textsOf(parsePage(page.body), 'section.api-operation h4');
    const routes = app.routeTable.filter((r) => r.url.startsWith(API_PREFIX));
    expect(headings).toHaveLength(routes.length);
    expect(headings).toContain('POST /api/v1/works — Post a work');
    expect(page.body).toContain('href="/api/v1/openapi.json"');
  });
});
