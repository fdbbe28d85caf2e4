// What a request that fails its route's JSON schema is told: one `bad_request` naming the field
// at fault the way the API names fields (`chapters[1].text`), in words rather than schema terms.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { AppError } from './errors.js';

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'an array', object: 'an object', null: 'null',
};

/** `/chapters/1/text` as `chapters[1].text`, with the missing property of a `required` error added. */
function fieldOf(error: FastifySchemaValidationError): string {
  const parts = error.instancePath.split('/').filter((p) => p !== '');
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  if (missing !== undefined) parts.push(missing);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function describe(error: FastifySchemaValidationError, field: string, where: string): string {
  const params = error.params as { type?: string | string[]; allowedValues?: unknown[]; limit?: number };
  const subject = field === '' ? `The ${where === 'body' ? 'body' : where}` : field;
  switch (error.keyword) {
    case 'required': return `${subject} is required.`;
    case 'type': return `${subject} must be ${[params.type ?? []].flat().map((t) => TYPE_WORDS[t] ?? t).join(' or ')}.`;
    case 'enum': return `The ${subject} must be one of ${(params.allowedValues ?? []).map(String).join(', ')}.`;
    case 'minItems': return `${subject} needs at least ${params.limit ?? 0} ${params.limit === 1 ? 'item' : 'items'}.`;
    case 'maxItems': return `${subject} takes at most ${params.limit ?? 0} items.`;
    default: return `${subject} ${error.message ?? 'is not valid'}.`;
  }
}

/** The error Fastify raises for a request its schema refuses (its `schemaErrorFormatter`). */
export function validationError(errors: FastifySchemaValidationError[], where: string): Error {
  const first = errors[0];
  if (first === undefined) return new AppError('bad_request');
  const field = fieldOf(first);
  const message = describe(first, field, where);
  return new AppError('bad_request', message, field === '' ? {} : { [field]: message });
}
