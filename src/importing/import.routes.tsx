// HTML pages for importing a story: the upload form, and the preview where the writer checks and
// fixes what was found before saving a draft or posting. Nothing is posted before a button says so.
//
//   GET  /works/import        upload a file or paste the text
//   POST /works/import        read it (multipart), store the draft, 303 to its preview
//   GET  /works/import/:id    the preview (owner only)
//   GET  /works/import/:id?paragraphs=N   the same, with chapter N's paragraphs listed (0-based)
//   POST /works/import/:id    apply a fix or the typed fields; save as draft or post
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { requireUser } from '../access/permissions.js';
import { applyFix, type ImportDraft, type ImportFix } from './import-draft.js';
import { draftFromForm, fixOf, movesOf, paragraphsShown, workErrorsToFields } from './import-form.js';
import { finishImport, listUnfinishedImports, loadImport, saveImport, storeImport } from './import-preview.service.js';
import { registerMultipart, truncatedUpload, uploadFormOf, type UploadForm } from './import-upload.js';
import { DEFAULT_LIMITS, ImportError, type ImportedWork } from './import.js';
import { readAsHeavyWork } from './import-runner.js';
import { ImportPreviewPage } from './views/import-preview-page.js';
import { ImportUploadPage, PASTE_FORMATS, type PasteFormat } from './views/import-upload-page.js';

type ImportParams = { Params: { id: string }; Querystring: { paragraphs?: string } };

async function renderUpload(request: FastifyRequest, reply: FastifyReply, values: Pick<UploadForm, 'text' | 'format'>, errors: FieldErrors = {}, status = 200) {
  const unfinished = await listUnfinishedImports(request.server.db, request.viewer);
  return sendPage(reply, <ImportUploadPage ctx={pageContext(request, reply)} values={values} errors={errors} unfinished={unfinished} />, status);
}

function pasteFormat(format: string): PasteFormat {
  return PASTE_FORMATS.some(([value]) => value === format) ? format as PasteFormat : 'text';
}

/** Reads the file, or else the pasted text; an ImportError names the field it belongs beside. */
async function readUpload(request: FastifyRequest, upload: UploadForm): Promise<{ work: ImportedWork; fileName: string }> {
  const { file } = upload;
  if (file !== null && (file.name !== '' || file.bytes.length > 0)) {
    if (file.truncated) throw truncatedUpload(request);
    return { work: await readAsHeavyWork(request, { kind: 'file', bytes: new Uint8Array(file.bytes), fileName: file.name }), fileName: file.name };
  }
  if (upload.text.trim() === '') throw new ImportError('empty', 'Choose a file to upload, or paste your story into the box below.');
  if (Buffer.byteLength(upload.text) > DEFAULT_LIMITS.maxFileBytes) throw truncatedUpload(request);
  return { work: await readAsHeavyWork(request, { kind: 'text', text: upload.text, format: pasteFormat(upload.format) }), fileName: '' };
}

async function submitUpload(request: FastifyRequest, reply: FastifyReply) {
  requireUser(request.viewer);
  const upload = uploadFormOf(request);
  const usedFile = upload.file !== null && (upload.file.name !== '' || upload.file.bytes.length > 0);
  try {
    const { work, fileName } = await readUpload(request, upload);
    const id = await storeImport(request.server.db, request.viewer, { work, choices: {}, fileName, revision: 0 });
    return await reply.redirect(`/works/import/${id}`, 303);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const at = usedFile || upload.text.trim() === '' ? 'file' : 'text';
    if (error.code === 'busy') reply.header('retry-after', '60');
    return renderUpload(request, reply, { text: upload.text, format: pasteFormat(upload.format) }, { [at]: error.message }, error.code === 'busy' ? 503 : 422);
  }
}

type PreviewView = { errors?: FieldErrors; moves?: Record<number, string>; paragraphs?: number | null };

function renderPreview(request: FastifyRequest, reply: FastifyReply, id: number, draft: ImportDraft, view: PreviewView = {}) {
  const errors = view.errors ?? {};
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return sendPage(reply, <ImportPreviewPage ctx={pageContext(request, reply)} id={id} draft={draft} errors={errors} moves={view.moves} paragraphs={view.paragraphs} />, status);
}

/** Where the writer was: the chapter a fix changed (after a join, the chapter that took the other in), its paragraphs still open after a paragraph's fix. */
function placeOf(fix: ImportFix | null): string {
  if (fix === null) return '';
  if (fix.chapter === null) return '#import-notes';
  if (fix.kind === 'split' || fix.kind === 'text-to-notes') return `?paragraphs=${fix.chapter}#import-chapter-${fix.chapter + 1}`;
  return `#import-chapter-${fix.kind === 'join' ? fix.chapter : fix.chapter + 1}`;
}

/** The chapter whose paragraphs the address asks to list, or null. */
function paragraphsQuery(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,5}$/.test(value) ? Number(value) : null;
}

async function submitPreview(request: FastifyRequest<ImportParams>, reply: FastifyReply) {
  const { db } = request.server;
  const id = idParam(request.params.id);
  const form = formOf(request);
  const saved = await loadImport(db, request.viewer, id);
  if (field(form, 'revision') !== String(saved.revision)) {
    setFlash(reply, 'This import was changed in another window since this page was loaded, so nothing was changed. Here it is as it is now.');
    return reply.redirect(`/works/import/${id}`, 303);
  }
  const draft = draftFromForm(saved, form);
  const action = field(form, 'action');
  try {
    if (action === 'draft' || action === 'post') {
      const workId = await finishImport(db, request.viewer, id, draft, action);
      setFlash(reply, action === 'draft' ? 'Imported as a draft. Only you can see it until you post it.' : 'Imported and posted. Thank you for sharing it!');
      return await reply.redirect(`/works/${workId}`, 303);
    }
    const shown = paragraphsShown(action);
    if (shown !== null) {
      // Opening a chapter's paragraphs keeps what was typed, like every other button of the form.
      await saveImport(db, request.viewer, id, draft);
      return await reply.redirect(`/works/import/${id}?paragraphs=${shown}#import-paragraphs-${shown + 1}`, 303);
    }
    const fix = fixOf(action, form);
    const fixed = fix === null ? { work: draft.work, done: 'Preview updated.' } : applyFix(draft.work, fix);
    await saveImport(db, request.viewer, id, { ...draft, work: fixed.work });
    setFlash(reply, fixed.done);
    return await reply.redirect(`/works/import/${id}${placeOf(fix)}`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    // The typed values are kept (stored too, so leaving the page loses nothing), with each message beside its field.
    const kept = await saveImport(db, request.viewer, id, draft);
    const fix = fixOf(action, form);
    const paragraphs = fix?.kind === 'split' || fix?.kind === 'text-to-notes' ? fix.chapter : null;
    return renderPreview(request, reply, id, kept, { errors: workErrorsToFields(error.fields), moves: movesOf(form, kept.work.chapters.length), paragraphs });
  }
}

/** Routes for importing stories; multipart parsing is registered in their scope only. */
export function registerImportRoutes(app: FastifyInstance): void {
  void app.register(async (scope) => {
    await registerMultipart(scope);
    scope.get('/works/import', (request, reply) => {
      requireUser(request.viewer);
      return renderUpload(request, reply, { text: '', format: 'text' });
    });
    scope.post('/works/import', submitUpload);
    scope.get<ImportParams>('/works/import/:id', async (request, reply) => {
      const id = idParam(request.params.id);
      return renderPreview(request, reply, id, await loadImport(request.server.db, request.viewer, id), { paragraphs: paragraphsQuery(request.query.paragraphs) });
    });
    scope.post<ImportParams>('/works/import/:id', submitPreview);
  });
}
