// HTML pages and forms for works: new, preview, create, read, edit, post, delete, chapter index.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPseudsOf } from '../accounts/user.service.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import type { KeepTyped } from '../http/kept-forms.js';
import { logInFromForm } from '../accounts/browser-session.js';
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

type FormState = { errors?: FieldErrors; status?: number; notice?: string };

/** The work form; a logged-out sender (a kept form) gets it too, with a place to log in and send it again. */
async function renderForm(request: FastifyRequest, reply: FastifyReply, values: WorkInput, workId: number | null, draft: boolean, { errors = {}, status = 200, notice }: FormState = {}) {
  const user = request.viewer.user;
  const pseuds = user === null ? [] : await listPseudsOf(request.server.db, user.id);
  return sendPage(reply, <WorkFormPage ctx={pageContext(request, reply)} values={values} errors={errors} pseuds={pseuds} workId={workId} draft={draft} notice={notice} />, status);
}

/** A refused sending of the work form: the form again, with everything typed. */
function keepWorkForm(workId: (request: FastifyRequest) => number | null): KeepTyped {
  return (request, reply, refusal) => {
    const form = formOf(request);
    const id = workId(request);
    return renderForm(request, reply, workInputFromForm(form, id === null || field(form, 'chapter.text') !== ''), id, id === null, { status: refusal.status, notice: refusal.message });
  };
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
    if (error instanceof AppError && error.code === 'validation_failed') return renderForm(request, reply, input, workId, draft, { errors: error.fields, status: 422 });
    throw error;
  }
}

async function submitNew(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const input = workInputFromForm(form, true);
  const action = field(form, 'action');
  if (action === 'edit') return renderForm(request, reply, input, null, true);
  return withFormErrors(request, reply, input, null, true, async () => {
    await logInFromForm(request, reply, form);
    if (action === 'preview') return renderPreview(request, reply, input, null, true);
    const id = await createWork(request.server.db, request.viewer, input, action === 'draft' ? 'draft' : 'post');
    setFlash(reply, action === 'draft' ? 'Draft saved. Only you can see it until you post it.' : 'Work posted. Thank you for sharing it!');
    return reply.redirect(`/works/${id}`, 303);
  });
}

async function submitEdit(request: FastifyRequest<WorkParams>, reply: FastifyReply) {
  const workId = idParam(request.params.id);
  const { db } = request.server;
  const form = formOf(request);
  // A sender whose session ended logs in with the form; a wrong password brings the form back.
  const loggedIn = await withFormErrors(request, reply, workInputFromForm(form, field(form, 'chapter.text') !== ''), workId, false, async () => {
    await logInFromForm(request, reply, form);
    return true;
  });
  if (loggedIn !== true) return loggedIn;
  const { input: saved, draft } = await workInputForEdit(db, request.viewer, workId);
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
  app.get('/works/new', (request, reply) => {
    requireUser(request.viewer);
    // "Post to this collection" on a collection's page fills in its name.
    const { collection, prompt } = request.query as { collection?: string; prompt?: string };
    const from = { collections: typeof collection === 'string' ? collection : '', promptId: typeof prompt === 'string' && /^\d+$/.test(prompt) ? prompt : '' };
    return renderForm(request, reply, { ...blankWorkInput(), ...from }, null, true);
  });
  app.post('/works', { config: { keepTyped: keepWorkForm(() => null) } }, submitNew);
  app.get<WorkParams>('/works/:id', (request, reply) => showWork(request, reply, null));
  app.get<WorkParams>('/works/:id/edit', async (request, reply) => {
    const workId = idParam(request.params.id);
    const { input, draft } = await workInputForEdit(request.server.db, request.viewer, workId);
    return renderForm(request, reply, input, workId, draft);
  });
  app.post<WorkParams>('/works/:id', { config: { keepTyped: keepWorkForm((request) => idParam((request.params as { id: string }).id)) } }, submitEdit);
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
