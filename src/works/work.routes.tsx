// HTML pages and forms for works: new, preview, create, read, edit, post, delete, chapter index.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPseudsOf } from '../accounts/user.service.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { blankWorkInput, workInputFromForm } from './work-form-data.js';
import { previewWork, workInputForEdit } from './work-form.service.js';
import { requireCreator, requireUser } from '../access/permissions.js';
import { createWork, deleteWork, postDraft, updateWork } from './work.service.js';
import { getWorkForReader } from './reading.service.js';
import type { WorkInput } from './work.validation.js';
import { WorkFormPage } from './views/work-form.js';
import { WorkPage } from './views/work-page.js';
import { PreviewBanner } from './views/preview-banner.js';
import { ConfirmDeletePage, NavigatePage } from './views/reader-pages.js';
import { showWork } from './work-show.js';
import { WorkPageCache } from './work-page-cache.js';

type WorkParams = { Params: { id: string } };

async function renderForm(request: FastifyRequest, reply: FastifyReply, values: WorkInput, workId: number | null, draft: boolean, errors = {}, status = 200) {
  const user = requireUser(request.viewer);
  const pseuds = await listPseudsOf(request.server.db, user.id);
  return sendPage(reply, <WorkFormPage ctx={pageContext(request, reply)} values={values} errors={errors} pseuds={pseuds} workId={workId} draft={draft} />, status);
}

async function renderPreview(request: FastifyRequest, reply: FastifyReply, input: WorkInput, workId: number | null, draft: boolean) {
  const { db } = request.server;
  const posted = workId === null ? 0 : (await getWorkForReader(db, request.viewer, workId)).work.chapterCount;
  const { work, chapter } = await previewWork(db, request.viewer, input, posted);
  const ctx = pageContext(request, reply);
  const banner = <PreviewBanner ctx={ctx} input={input} action={workId === null ? '/works' : `/works/${workId}`} draft={draft} />;
  return sendPage(reply, <WorkPage ctx={ctx} work={work} shown={chapter ? [chapter] : []} index={[]} mode="preview" isCreator banner={banner} />);
}

/** Runs a form action; on a validation error re-renders the form with the typed values and status 422. */
async function withFormErrors(request: FastifyRequest, reply: FastifyReply, input: WorkInput, workId: number | null, draft: boolean, action: () => Promise<unknown>) {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return renderForm(request, reply, input, workId, draft, error.fields, 422);
    throw error;
  }
}

async function submitNew(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const input = workInputFromForm(form, true);
  const action = field(form, 'action');
  if (action === 'edit') return renderForm(request, reply, input, null, true);
  return withFormErrors(request, reply, input, null, true, async () => {
    if (action === 'preview') return renderPreview(request, reply, input, null, true);
    const id = await createWork(request.server.db, request.viewer, input, action === 'draft' ? 'draft' : 'post');
    setFlash(reply, action === 'draft' ? 'Draft saved. Only you can see it until you post it.' : 'Work posted. Thank you for sharing it!');
    return reply.redirect(`/works/${id}`, 303);
  });
}

async function submitEdit(request: FastifyRequest<WorkParams>, reply: FastifyReply) {
  const workId = idParam(request.params.id);
  const { db } = request.server;
  const { input: saved, draft } = await workInputForEdit(db, request.viewer, workId);
  const form = formOf(request);
  const input = workInputFromForm(form, saved.chapter !== null);
  const action = field(form, 'action');
  if (action === 'edit') return renderForm(request, reply, input, workId, draft);
  return withFormErrors(request, reply, input, workId, draft, async () => {
    if (action === 'preview') return renderPreview(request, reply, input, workId, draft);
    await updateWork(db, request.viewer, workId, input);
    if (draft && action === 'post') await postDraft(db, request.viewer, workId);
    setFlash(reply, draft && action === 'post' ? 'Work posted. Thank you for sharing it!' : 'Work updated.');
    return reply.redirect(`/works/${workId}`, 303);
  });
}

/** Routes for works. */
export function registerWorkRoutes(app: FastifyInstance): void {
  const pages = new WorkPageCache(app.config.pageCacheBytes);
  app.decorate('workPages', pages);
  app.addHook('onClose', (_instance, done) => { pages.stop(); done(); });
  app.get('/works/new', (request, reply) => renderForm(request, reply, blankWorkInput(), null, true));
  app.post('/works', submitNew);
  app.get<WorkParams>('/works/:id', (request, reply) => showWork(request, reply, null));
  app.get<WorkParams>('/works/:id/edit', async (request, reply) => {
    const workId = idParam(request.params.id);
    const { input, draft } = await workInputForEdit(request.server.db, request.viewer, workId);
    return renderForm(request, reply, input, workId, draft);
  });
  app.post<WorkParams>('/works/:id', submitEdit);
  app.post<WorkParams>('/works/:id/post', async (request, reply) => {
    const workId = idParam(request.params.id);
    await postDraft(request.server.db, request.viewer, workId);
    setFlash(reply, 'Work posted. Thank you for sharing it!');
    return reply.redirect(`/works/${workId}`, 303);
  });
  app.get<WorkParams>('/works/:id/confirm_delete', async (request, reply) => {
    const workId = idParam(request.params.id);
    await requireCreator(request.server.db, request.viewer, workId);
    const reader = await getWorkForReader(request.server.db, request.viewer, workId);
    return sendPage(reply, <ConfirmDeletePage ctx={pageContext(request, reply)} work={reader.work} />);
  });
  app.post<WorkParams>('/works/:id/delete', async (request, reply) => {
    const title = await deleteWork(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, `“${title}” was deleted.`);
    return reply.redirect(`/users/${requireUser(request.viewer).login}/works`, 303);
  });
  app.get<WorkParams>('/works/:id/navigate', async (request, reply) => {
    const reader = await getWorkForReader(request.server.db, request.viewer, idParam(request.params.id));
    return sendPage(reply, <NavigatePage ctx={pageContext(request, reply)} work={reader.work} index={reader.chapters} />);
  });
}
