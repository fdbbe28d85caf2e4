// Series on the pages, at AO3's addresses:
//
//   GET  /series/:id                       a series and its works
//   GET  /series/:id/edit, POST            change it (its creators);  POST /series/:id/delete
//   GET  /works/:id/series/new, POST /works/:id/series   add a work to a series (a new one, or one of the creator's)
//   GET  /users/:login/series              a member's series
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireCreator } from '../access/permissions.js';
import type { FormBody } from '../http/body-parsers.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { viewerSubscription } from '../works/work-feedback.js';
import {
  addWorkToSeries, deleteSeries, editSeries, getSeriesForReader, seriesByCreator, seriesForEditing, seriesToChoose,
} from './series.service.js';
import { AddToSeriesPage, SeriesEditPage, SeriesListPage, SeriesPage, type AddToSeriesValues, type SeriesFormValues } from './views/series-pages.js';

type IdParams = { Params: { id: string } };

function refused(error: unknown): FieldErrors {
  if (error instanceof AppError && error.code === 'validation_failed') return error.fields;
  throw error;
}

function addValuesOf(form: FormBody): AddToSeriesValues {
  return { seriesId: field(form, 'series_id'), newTitle: field(form, 'new_title'), position: field(form, 'position') };
}

function editValuesOf(form: FormBody): SeriesFormValues {
  const positions = new Map<number, string>();
  const remove = new Set<number>();
  for (const name of Object.keys(form)) {
    const placed = /^position_(\d+)$/.exec(name);
    if (placed?.[1] !== undefined) positions.set(Number(placed[1]), field(form, name));
    const removed = /^remove_(\d+)$/.exec(name);
    if (removed?.[1] !== undefined && checkbox(form, name)) remove.add(Number(removed[1]));
  }
  return { title: field(form, 'title'), summary: field(form, 'summary'), notes: field(form, 'notes'), complete: checkbox(form, 'complete'), positions, remove };
}

async function addForm(request: FastifyRequest<IdParams>, reply: FastifyReply, values: AddToSeriesValues, errors: FieldErrors = {}) {
  const workId = idParam(request.params.id);
  const work = await requireCreator(request.server.db, request.viewer, workId);
  const choices = await seriesToChoose(request.server.db, request.viewer);
  return sendPage(reply, <AddToSeriesPage ctx={pageContext(request, reply)} workId={workId} workTitle={work.title} choices={choices} values={values} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

async function editForm(request: FastifyRequest<IdParams>, reply: FastifyReply, values?: SeriesFormValues, errors: FieldErrors = {}) {
  const seriesId = idParam(request.params.id);
  const { row, works } = await seriesForEditing(request.server.db, request.viewer, seriesId);
  const shown = values ?? { title: row.title, summary: row.summary, notes: row.notes, complete: row.complete === 1, positions: new Map(), remove: new Set() };
  return sendPage(reply, <SeriesEditPage ctx={pageContext(request, reply)} seriesId={seriesId} works={works} values={shown} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Routes for series. */
export function registerSeriesRoutes(app: FastifyInstance): void {
  app.get<IdParams>('/series/:id', async (request, reply) => {
    const series = await getSeriesForReader(request.server.db, request.viewer, idParam(request.params.id));
    const subscription = request.viewer.user === null ? undefined : await viewerSubscription(request.server.db, request.viewer, 'series', series.id);
    return sendPage(reply, <SeriesPage ctx={pageContext(request, reply)} series={series} subscription={subscription} />);
  });
  app.get<IdParams>('/series/:id/edit', (request, reply) => editForm(request, reply));
  app.post<IdParams>('/series/:id/edit', async (request, reply) => {
    const seriesId = idParam(request.params.id);
    const values = editValuesOf(formOf(request));
    try {
      await editSeries(request.server.db, request.viewer, seriesId, values);
    } catch (error) {
      return editForm(request, reply, values, refused(error));
    }
    setFlash(reply, 'Series saved.');
    return reply.redirect(`/series/${seriesId}`, 303);
  });
  app.post<IdParams>('/series/:id/delete', async (request, reply) => {
    await deleteSeries(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Series deleted. Its works are still here.');
    return reply.redirect(`/users/${encodeURIComponent(request.viewer.user?.login ?? '')}/series`, 303);
  });
  app.get<IdParams>('/works/:id/series/new', (request, reply) => addForm(request, reply, { seriesId: '', newTitle: '', position: '' }));
  app.post<IdParams>('/works/:id/series', async (request, reply) => {
    const workId = idParam(request.params.id);
    const values = addValuesOf(formOf(request));
    let seriesId: number;
    try {
      seriesId = await addWorkToSeries(request.server.db, request.viewer, workId, {
        seriesId: /^\d+$/.test(values.seriesId) ? Number(values.seriesId) : null, newTitle: values.newTitle, position: values.position,
      });
    } catch (error) {
      return addForm(request, reply, values, refused(error));
    }
    setFlash(reply, 'Added to the series.');
    return reply.redirect(`/series/${seriesId}`, 303);
  });
  app.get<{ Params: { login: string } }>('/users/:login/series', async (request, reply) => {
    const { login, series } = await seriesByCreator(request.server.db, request.viewer, request.params.login);
    return sendPage(reply, <SeriesListPage ctx={pageContext(request, reply)} login={login} series={series} />);
  });
}
