// JSON schemas every API route shares: the error body, paging, an id in the address. Each route
// declares its own schemas beside it (`*.schemas.ts`); Fastify validates requests with them and
// src/http/openapi.ts writes the OpenAPI document from them. docs/decisions/025-openapi-from-route-schemas.md.
import type { FastifySchema } from 'fastify';
import { ERROR_CODES } from './errors.js';

/** A route's schemas plus what the reference says about it. */
export type ApiRouteSchema = FastifySchema & {
  summary: string;
  description?: string;
  tags: string[];
  response: Record<string, JsonSchema>;
};

/** A JSON schema, as plain data (draft 2020-12 keywords that Fastify's validator also reads). */
export type JsonSchema = { [keyword: string]: unknown };

export const str = (description?: string): JsonSchema => ({ type: 'string', ...(description !== undefined ? { description } : {}) });
export const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description !== undefined ? { description } : {}) });
export const bool = (description?: string): JsonSchema => ({ type: 'boolean', ...(description !== undefined ? { description } : {}) });
export const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type, 'null'] });
export const list = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description !== undefined ? { description } : {}) });

/** A request's fields, each of which may also be sent as null (which means "left out"). */
export function orNull(properties: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => {
    const values: unknown = schema.enum;
    return [name, { ...schema, type: [schema.type ?? [], 'null'].flat(), ...(Array.isArray(values) ? { enum: [...(values as unknown[]), null] } : {}) }];
  }));
}

/** An object whose listed properties are all present in answers (`required`), unless named optional. */
export function object(properties: Record<string, JsonSchema>, options: { optional?: string[]; description?: string } = {}): JsonSchema {
  const required = Object.keys(properties).filter((name) => !(options.optional ?? []).includes(name));
  return { type: 'object', properties, required, ...(options.description !== undefined ? { description: options.description } : {}) };
}

/** `{ "error": { "code", "message", "field"?, "fields"? } }`, the one shape of every API error. */
export const errorBody = object({
  error: object({
    code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'One of the codes listed in the API guide.' },
    message: str('What went wrong, in words a person can act on.'),
    field: str('The first field at fault, for validation errors.'),
    fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Every field at fault, with its message.' },
  }, { optional: ['field', 'fields'] }),
}, { description: 'An error.' });

/** The error answers a route can give, by status. */
export function errors(...statuses: number[]): Record<string, JsonSchema> {
  return Object.fromEntries(statuses.map((status) => [String(status), errorBody]));
}

/** `?page=`: a whole number from 1; anything else is the first page. */
export const pageQuery = str('Which page, from 1 (20 works a page); anything else is the first page.');

/** A work's id in the address. */
export const workIdParams = object({ id: str('The work\'s id, as in /works/:id.') });
