// HTML pages and forms for chapters: read, add, edit, post, delete, reorder.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import type { Refusal } from '../http/kept-forms.js';
import { logInFromForm } from '../accounts/browser-session.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { addChapter, deleteChapter, postChapter, previewChapter, reorderChapters, requireOwnChapter, updateChapter } from './chapter.service.js';
import { getWorkForReader } from './reading.service.js';
import { requireCreator } from '../access/permissions.js';
import { chapterInputFromForm } from './work-form-data.js';
import type { ChapterInput } from './work.validation.js';
import { chapterPath, workPath } from './work-paths.js';
import { ChapterFormPage, ManageChaptersPage } from './views/chapter-form.js';
import { showWork } from './work-show.js';
import { ChapterPreviewBanner } from './views/preview-banner.js';
import { WorkPage } from './views/work-page.js';

type WorkParams = { Params: { id: string } };
type ChapterParams = { Params: { id: string; chapterId: string } };

type FormState = { errors?: FieldErrors; status?: number; notice?: string };

async function renderChapterForm(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | null, values: ChapterInput, { errors = {}, status = 200, notice }: FormState = {}) {
  const { db } = request.server;
  const ctx = pageContext(request, reply);
  if (request.viewer.user === null) {
    // A kept form of a writer whose session ended: what they typed, and a place to log in and send it.
    const work = { id: workId, title: 'your work', posted: true };
    return sendPage(reply, <ChapterFormPage ctx={ctx} work={work} values={values} errors={errors} chapterId={chapterId} number={null} posted={false} notice={notice} />, status);
  }
  await requireCreator(db, request.viewer, workId);
  const reader = await getWorkForReader(db, request.viewer, workId);
  const head = reader.chapters.find((c) => c.id === chapterId);
  const number = head?.number ?? reader.chapters.length + 1;
  return sendPage(reply, <ChapterFormPage ctx={ctx} work={reader.work} values={values} errors={errors}
    chapterId={chapterId} number={number} posted={head?.posted ?? false} notice={notice} />, status);
}

/** A refused sending of a chapter form: the form again, with everything typed. */
function keepChapterForm(request: FastifyRequest, reply: FastifyReply, refusal: Refusal) {
  const params = request.params as { id: string; chapterId?: string };
  const chapterId = params.chapterId === undefined ? null : idParam(params.chapterId);
  return renderChapterForm(request, reply, idParam(params.id), chapterId, chapterInputFromForm(formOf(request)), { status: refusal.status, notice: refusal.message });
}

/** The chapter as it would read, over the form's buttons; nothing is saved. */
async function renderChapterPreview(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | null, input: ChapterInput) {
  const { work, chapter, index } = await previewChapter(request.server.db, request.viewer, workId, chapterId, input, 'post');
  const ctx = pageContext(request, reply);
  const action = chapterId === null ? `${workPath(workId)}/chapters` : chapterPath(workId, chapterId);
  const banner = <ChapterPreviewBanner ctx={ctx} input={input} action={action} adding={chapterId === null} workPosted={work.posted} />;
  return sendPage(reply, <WorkPage ctx={ctx} work={work} shown={[chapter]} index={index} mode="preview" isCreator banner={banner} />);
}

async function saveChapter(request: FastifyRequest<WorkParams | ChapterParams>, reply: FastifyReply, chapterId: number | null) {
  const workId = idParam(request.params.id);
  const form = formOf(request);
  const input = chapterInputFromForm(form);
  const { db } = request.server;
  const action = field(form, 'action');
  try {
    await logInFromForm(request, reply, form);
    if (action === 'edit') return await renderChapterForm(request, reply, workId, chapterId, input);
    if (action === 'preview') return await renderChapterPreview(request, reply, workId, chapterId, input);
    if (chapterId === null) {
      const id = await addChapter(db, request.viewer, workId, input, action === 'draft' ? 'draft' : 'post');
      setFlash(reply, action === 'draft' ? 'Chapter saved as a draft.' : 'Chapter added.');
      return await reply.redirect(chapterPath(workId, id), 303);
    }
    await updateChapter(db, request.viewer, workId, chapterId, input);
    setFlash(reply, 'Chapter updated.');
    return await reply.redirect(chapterPath(workId, chapterId), 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed' && Object.keys(error.fields).length > 0) {
      return renderChapterForm(request, reply, workId, chapterId, input, { errors: error.fields, status: 422 });
    }
    throw error;
  }
}

async function showManage(request: FastifyRequest<WorkParams>, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
  const workId = idParam(request.params.id);
  await requireCreator(request.server.db, request.viewer, workId);
  const reader = await getWorkForReader(request.server.db, request.viewer, workId);
  return sendPage(reply, <ManageChaptersPage ctx={pageContext(request, reply)} work={reader.work} index={reader.chapters} errors={errors} />, status);
}

async function submitOrder(request: FastifyRequest<WorkParams>, reply: FastifyReply) {
  const workId = idParam(request.params.id);
  const form = formOf(request);
  const wanted = Object.keys(form).filter((k) => k.startsWith('position.')).map((k) => ({ id: Number(k.slice(9)), place: Number(field(form, k)) }));
  const order = wanted.sort((a, b) => a.place - b.place || a.id - b.id).map((w) => w.id);
  try {
    await reorderChapters(request.server.db, request.viewer, workId, order);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showManage(request, reply, error.fields, 422);
    throw error;
  }
  setFlash(reply, 'Chapter order saved.');
  return reply.redirect(`${workPath(workId)}/chapters/manage`, 303);
}

async function chapterAction(request: FastifyRequest<ChapterParams>, reply: FastifyReply, action: 'post' | 'delete') {
  const workId = idParam(request.params.id);
  const chapterId = idParam(request.params.chapterId);
  const { db } = request.server;
  try {
    if (action === 'post') await postChapter(db, request.viewer, workId, chapterId);
    else await deleteChapter(db, request.viewer, workId, chapterId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    setFlash(reply, error.message);
    return reply.redirect(`${workPath(workId)}/chapters/manage`, 303);
  }
  setFlash(reply, action === 'post' ? 'Chapter posted.' : 'Chapter deleted.');
  return reply.redirect(action === 'post' ? chapterPath(workId, chapterId) : `${workPath(workId)}/chapters/manage`, 303);
}

/** Routes for chapters. */
export function registerChapterRoutes(app: FastifyInstance): void {
  app.get<WorkParams & { Querystring: { selected_id?: string } }>('/works/:id/chapters/go', (request, reply) => {
    const chapterId = idParam(request.query.selected_id ?? '');
    const workId = idParam(request.params.id);
    return reply.redirect(Number.isNaN(chapterId) ? workPath(workId) : chapterPath(workId, chapterId), 303);
  });
  app.get<WorkParams>('/works/:id/chapters/new', (request, reply) =>
    renderChapterForm(request, reply, idParam(request.params.id), null, { title: '', summary: '', notes: '', endNotes: '', text: '' }));
  app.post<WorkParams>('/works/:id/chapters', { config: { keepTyped: keepChapterForm } }, (request, reply) => saveChapter(request, reply, null));
  app.get<WorkParams>('/works/:id/chapters/manage', (request, reply) => showManage(request, reply));
  app.post<WorkParams>('/works/:id/chapters/order', submitOrder);
  app.get<ChapterParams>('/works/:id/chapters/:chapterId', (request, reply) => showWork(request, reply, idParam(request.params.chapterId)));
  app.get<ChapterParams>('/works/:id/chapters/:chapterId/edit', async (request, reply) => {
    const workId = idParam(request.params.id);
    const chapter = await requireOwnChapter(request.server.db, request.viewer, workId, idParam(request.params.chapterId));
    const values = { title: chapter.title, summary: chapter.summary, notes: chapter.notes, endNotes: chapter.end_notes, text: chapter.content };
    return renderChapterForm(request, reply, workId, chapter.id, values);
  });
  app.post<ChapterParams>('/works/:id/chapters/:chapterId', { config: { keepTyped: keepChapterForm } }, (request, reply) => saveChapter(request, reply, idParam(request.params.chapterId)));
  app.post<ChapterParams>('/works/:id/chapters/:chapterId/post', (request, reply) => chapterAction(request, reply, 'post'));
  app.post<ChapterParams>('/works/:id/chapters/:chapterId/delete', (request, reply) => chapterAction(request, reply, 'delete'));
}
