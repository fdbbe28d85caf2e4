// The API reference at /api: every operation of the OpenAPI document, readable without scripts.
import type { PageContext } from '../http/context.js';
import type { JsonSchema } from '../http/api-schemas.js';
import { Layout } from './layout.js';

type Operation = {
  operationId: string; summary: string; description?: string; tags: string[];
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content: Record<string, { schema: JsonSchema }> }>;
  security: Array<Record<string, string[]>>;
};

/** A schema's type in words: "string", "array of string", "integer or null". */
function typeOf(schema: JsonSchema): string {
  const types = [schema.type ?? 'any'].flat().map(String);
  const items = schema.items as JsonSchema | undefined;
  const named = types.map((t) => (t === 'array' && items !== undefined ? `array of ${typeOf(items)}` : t)).join(' or ');
  return Array.isArray(schema.enum) ? `${named}: ${schema.enum.map(String).join(', ')}` : named;
}

/** The fields of an object schema (or of an array's objects), nested lists for nested objects. */
function Fields({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const target = schema.type === 'array' && schema.items !== undefined ? schema.items as JsonSchema : schema;
  const properties = target.properties as Record<string, JsonSchema> | undefined;
  if (properties === undefined || depth > 3) return null;
  const required = (target.required as string[] | undefined) ?? [];
  return (
    <ul class="api-fields">
      {Object.entries(properties).map(([name, field]) => (
        <li key={name}>
          <code>{name}</code> <span class="api-type">{typeOf(field)}{required.includes(name) ? '' : ', optional'}</span>
          {typeof field.description === 'string' && <> — {field.description}</>}
          <Fields schema={field} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}

function OperationSection({ method, path, op }: { method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content['application/json']?.schema;
  return (
    <section class="api-operation" id={op.operationId}>
      <h4><span class="api-method">{method.toUpperCase()}</span> <code>{path}</code> — {op.summary}</h4>
      {op.description !== undefined && <p>{op.description}</p>}
      <p class="hint">{op.security.some((s) => Object.keys(s).length === 0) ? 'With a token or without one (a guest\'s view).' : 'Needs a token: Authorization: Bearer <token>.'}</p>
      {(op.parameters ?? []).length > 0 && <h5>Parameters</h5>}
      {(op.parameters ?? []).length > 0 && (
        <ul class="api-fields">
          {(op.parameters ?? []).map((p) => (
            <li key={`${p.in}-${p.name}`}><code>{p.name}</code> <span class="api-type">{p.in}, {typeOf(p.schema)}{p.required ? '' : ', optional'}</span>{p.description !== undefined && <> — {p.description}</>}</li>
          ))}
        </ul>
      )}
      {body !== undefined && <><h5>Body (JSON)</h5><Fields schema={body} /></>}
      <h5>Answers</h5>
      <ul class="api-answers">
        {Object.entries(op.responses).map(([status, answer]) => (
          <li key={status}><strong>{status}</strong> {answer.description}{status.startsWith('2') && <Fields schema={answer.content['application/json']?.schema ?? {}} />}</li>
        ))}
      </ul>
    </section>
  );
}

/** Sections in the order a newcomer reads them: works first, this document's own route last. */
const TAG_ORDER = ['works', 'search', 'tags', 'imports', 'about'];

/** The reference page. */
export function ApiReferencePage({ ctx, document }: { ctx: PageContext; document: JsonSchema }) {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set([...TAG_ORDER, ...operations.flatMap((o) => o.op.tags)])].filter((tag) => operations.some((o) => o.op.tags.includes(tag)));
  return (
    <Layout ctx={ctx} title="API reference" mainClass="api-reference">
      <h2 class="heading">API reference</h2>
      <p>
        Every route of the JSON API, written from the schemas the server checks requests with. The same, machine-readable:{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Errors always answer{' '}
        <code>{'{ "error": { "code", "message" } }'}</code> with the status below.
      </p>
      {tags.map((tag) => (
        <section key={tag}>
          <h3 class="heading">{tag}</h3>
          {operations.filter((o) => o.op.tags.includes(tag)).map((o) => <OperationSection key={o.op.operationId} {...o} />)}
        </section>
      ))}
    </Layout>
  );
}
