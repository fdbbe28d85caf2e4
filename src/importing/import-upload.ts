// Reading the upload form (multipart/form-data) into a plain body before the app's CSRF check runs.
// Registered only inside the import routes' own scope: the rest of the app keeps its body parsers.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FormBody } from '../http/body-parsers.js';
import { AppError } from '../http/errors.js';
import { formOf } from '../http/form-values.js';
import { requireUser } from '../access/permissions.js';
import { DEFAULT_LIMITS, ImportError } from './import.js';
import { formatBytes, tooLarge } from './import-error.js';

/** The file input's name; the other fields are plain strings (`_csrf`, `text`, `format`). */
export const FILE_FIELD = 'file';

/** A file as uploaded: `truncated` when it was cut off at the size limit (the rest was never kept). */
export type UploadedFile = { name: string; bytes: Buffer; truncated: boolean };

/** What the upload form sent: at most one file, pasted text and its format. */
export type UploadForm = { file: UploadedFile | null; text: string; format: string };

/** Strings by field name, as the app's CSRF check reads them, and the file. */
type MultipartBody = Record<string, string | UploadedFile>;

const MULTIPART_LIMITS = {
  // The file stream stops being kept at the limit; what follows is read and discarded by the parser.
  fileSize: DEFAULT_LIMITS.maxFileBytes, files: 1,
  // Pasted text may be as long as a file; one byte more shows it was cut.
  fieldSize: DEFAULT_LIMITS.maxFileBytes + 1, fields: 6, parts: 8,
};

async function readFile(stream: AsyncIterable<Buffer> & { truncated: boolean }, name: string): Promise<UploadedFile> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name, bytes: Buffer.concat(chunks), truncated: stream.truncated };
}

/** Reads every part into `request.body`: strings by name, the file under FILE_FIELD. */
async function readParts(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  // Guests are turned away before a byte of their upload is read.
  requireUser(request.viewer);
  const body = Object.create(null) as MultipartBody;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const file = await readFile(part.file, part.filename);
        if (part.fieldname === FILE_FIELD) body[FILE_FIELD] = file;
      } else if (typeof part.value === 'string' && part.fieldname !== FILE_FIELD && body[part.fieldname] === undefined) {
        // Text cut at fieldSize is one byte over the limit, so the importer refuses it as too large.
        body[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // No boundary, a wrong one, a body cut short: the sender's bytes, not our failure.
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'The upload arrived incomplete or malformed, so nothing was imported. Please choose the file and send it again.');
  }
  request.body = body;
}

/** Registers multipart parsing in this (encapsulated) scope only. */
export async function registerMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: false });
  scope.addHook('preValidation', readParts);
}

/** The upload form of a request: multipart from the page, or a urlencoded form with pasted text only. */
export function uploadFormOf(request: FastifyRequest): UploadForm {
  const form = formOf(request) as FormBody | MultipartBody;
  const file = form[FILE_FIELD];
  const text = (name: string): string => {
    const value = form[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? value[0] ?? '' : '';
  };
  return { file: typeof file === 'object' && !Array.isArray(file) ? file : null, text: text('text'), format: text('format') };
}

/** The writer's message for an upload cut off at the limit: the request's length stands in for the size never read. */
export function truncatedUpload(request: FastifyRequest): ImportError {
  const limit = DEFAULT_LIMITS.maxFileBytes;
  const length = Number(request.headers['content-length']);
  if (Number.isFinite(length) && length > limit) return tooLarge(length, limit);
  return new ImportError('too_large', `This file is larger than ${formatBytes(limit)}, the most that can be imported. ` +
    'Split the work into several files and import the first, then add the other chapters to it.');
}
