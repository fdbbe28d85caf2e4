// POST /api/v1/imports: a story file (base64) or pasted text in; what was found (and, when asked,
// the new draft or posted work) out. A bearer token is required, as for every API write
// (src/http/request-guards.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { workPath } from '../works/work-paths.js';
import { importFile, importText, ImportError, type ImportedWork } from './import.js';
import { workFieldsFromJson } from '../works/work-json.js';
import { createImportedWork, summarizeImport } from './import.service.js';

type ImportBody = {
  fileName?: unknown; content?: unknown; text?: unknown; format?: unknown;
  create?: unknown; work?: unknown;
};

const PASTE_FORMATS = ['text', 'markdown', 'html'] as const;
function readImport(body: ImportBody): Promise<ImportedWork> {
  if (typeof body.content === 'string') {
    if (typeof body.fileName !== 'string' || body.fileName === '') throw new AppError('bad_request', 'Send "fileName" with "content", so the file\'s kind can be told.', { fileName: 'is required with content' });
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(body.content)) throw new AppError('bad_request', '"content" must be the file in base64.', { content: 'is not base64' });
    return importFile(new Uint8Array(Buffer.from(body.content, 'base64')), body.fileName);
  }
  if (typeof body.text === 'string') {
    const format = body.format ?? 'text';
    if (!PASTE_FORMATS.includes(format as (typeof PASTE_FORMATS)[number])) throw new AppError('bad_request', '"format" must be text, markdown or html.', { format: 'must be text, markdown or html' });
    return Promise.resolve().then(() => importText(body.text as string, format as (typeof PASTE_FORMATS)[number]));
  }
  throw new AppError('bad_request', 'Send a file as "fileName" and "content" (base64), or pasted "text" with its "format".', { content: 'is required' });
}

function importProblem(error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  return new AppError(error.code === 'too_large' ? 'payload_too_large' : 'import_failed', error.message, { content: error.code });
}

async function postImport(request: FastifyRequest) {
  const body = (request.body ?? {}) as ImportBody;
  const create = body.create ?? 'none';
  if (create !== 'none' && create !== 'draft' && create !== 'post') throw new AppError('bad_request', '"create" must be none, draft or post.', { create: 'must be none, draft or post' });
  const imported = await readImport(body).catch((error: unknown) => { throw importProblem(error); });
  const summary = summarizeImport(imported);
  if (create === 'none') return { status: 200, body: { import: summary } };
  const id = await createImportedWork(request.server.db, request.viewer, imported, workFieldsFromJson(body.work, 'work'), create);
  return { status: 201, body: { import: summary, work: { id, url: `${request.server.config.baseUrl}${workPath(id)}`, posted: create === 'post' } } };
}

/** Routes under /api/v1 for imports. */
export function registerImportApi(app: FastifyInstance): void {
  app.post('/api/v1/imports', async (request, reply) => {
    const { status, body } = await postImport(request);
    return reply.code(status).send(body);
  });
}
