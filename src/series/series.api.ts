// The JSON API for series: a thin front end over the same service as the pages.
//
//   GET /api/v1/series/:id    a series and the works of it this reader may read, in order
import type { FastifyInstance } from 'fastify';
import { idParam } from '../http/form-values.js';
import { workJson } from '../works/work.api.js';
import { getSeriesForReader } from './series.service.js';
import { showSeriesSchema } from './series.schemas.js';

/** Routes under /api/v1 for series. */
export function registerSeriesApi(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>('/api/v1/series/:id', { schema: showSeriesSchema }, async (request) => {
    const series = await getSeriesForReader(request.server.db, request.viewer, idParam(request.params.id));
    return {
      id: series.id, url: `${request.server.config.baseUrl}/series/${series.id}`, title: series.title, summary: series.summary, notes: series.notes,
      complete: series.complete, creators: series.creators.map((c) => ({ pseud: c.pseud, login: c.login })),
      words: series.words, begun: series.begun, updated: series.updated, works: series.works.map((w) => workJson(request, w)),
    };
  });
}
