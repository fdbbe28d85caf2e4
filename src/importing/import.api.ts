// POST /api/v1/imports: a story file (base64) or pasted text in; what was found (and, when asked,
// the new draft or posted work) out. A bearer token is required, as for every API write
// (src/http/request-guards.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { workPath } from '../works/work-paths.js';
import { ImportError, type ImportedWork } from './import.js';
import { workFieldsFromJson, type WorkFieldsBody } from '../works/work-json.js';
import { importSchema } from './import.schemas.js';
import { readAsHeavyWork } from './import-runner.js';
import { createImportedWork, summarizeImport } from './import.service.js';

/** The body as its schema allows it: any field may be left out or sent as null. */
type ImportBody = {
  fileName?: string | null; content?: string | null; text?: string | null; format?: 'text' | 'markdown' | 'html' | null;
  create?: 'none' | 'draft' | 'post' | null; work?: WorkFieldsBody | null;
};

function readImport(request: FastifyRequest, body: ImportBody): Promise<ImportedWork> {
  if (body.content != null) {
    if (body.fileName == null || body.fileName === '') throw new AppError('bad_request', 'Send "fileName" with "content", so the file\'s kind can be told.', { fileName: 'is required with content' });
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(body.content)) throw new AppError('bad_request', '"content" must be the file in base64.', { content: 'is not base64' });
    return readAsHeavyWork(request, { kind: 'file', bytes: new Uint8Array(Buffer.from(body.content, 'base64')), fileName: body.fileName });
  }
  const { text } = body;
  if (text != null) return readAsHeavyWork(request, { kind: 'text', text, format: body.format ?? 'text' });
  throw new AppError('bad_request', 'Send a file as "fileName" and "content" (base64), or pasted "text" with its "format".', { content: 'is required' });
}

function importProblem(error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  if (error.code === 'busy') return new AppError('service_busy', error.message, {}, 60);
  return new AppError(error.code === 'too_large' ? 'payload_too_large' : 'import_failed', error.message, { content: error.code });
}

async function postImport(request: FastifyRequest<{ Body: ImportBody }>) {
  const body = request.body;
  const create = body.create ?? 'none';
  const imported = await readImport(request, body).catch((error: unknown) => { throw importProblem(error); });
  const summary = summarizeImport(imported);
  if (create === 'none') return { status: 200, body: { import: summary } };
  const id = await createImportedWork(request.server.db, request.viewer, imported, workFieldsFromJson(body.work ?? undefined), create);
  return { status: 201, body: { import: summary, work: { id, url: `${request.server.config.baseUrl}${workPath(id)}`, posted: create === 'post' } } };
}

/** Routes under /api/v1 for imports. */
export function registerImportApi(app: FastifyInstance): void {
  app.post<{ Body: ImportBody }>('/api/v1/imports', { schema: importSchema }, async (request, reply) => {
    const { status, body } = await postImport(request);
    return reply.code(status).send(body);
  });
}
