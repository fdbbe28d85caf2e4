// The JSON API for works: a thin front end over the same services as the pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { idParam, pageParam } from '../http/form-values.js';
import { emptyFilter } from './work-filter.js';
import { workInputFromJson, type NewWorkBody } from './work-json.js';
import { createWorkSchema, listWorksSchema, showChapterSchema, showWorkSchema } from './work.schemas.js';
import { createWork } from './work.service.js';
import { getChapterForReader, getWorkForReader, listWorksForReader } from './reading.service.js';
import { chapterPath, creatorPath, workPath } from './work-paths.js';
import { seriesPlacements } from './work-series.js';
import type { ChapterHead, ChapterModel, WorkModel } from './work.model.js';

function absolute(request: FastifyRequest, path: string): string {
  return `${request.server.config.baseUrl}${path}`;
}

/** A work as the API shows it. */
export function workJson(request: FastifyRequest, work: WorkModel) {
  const id = work.id ?? 0;
  return {
    id, url: absolute(request, workPath(id)), title: work.title,
    creators: work.creators.map((c) => {
      const path = creatorPath(c);
      return { pseud: c.pseud, login: c.login, url: path === null ? null : absolute(request, path) };
    }),
    summary: work.summary, notes: work.notes, endNotes: work.endNotes,
    rating: work.tags.rating[0] ?? null, warnings: work.tags.warning, categories: work.tags.category, fandoms: work.tags.fandom,
    relationships: work.tags.relationship, characters: work.tags.character, freeforms: work.tags.freeform,
    language: work.language, restricted: work.restricted, commentPermission: work.commentPermission, draft: !work.posted,
    words: work.wordCount, chapters: { posted: work.chapterCount, expected: work.expectedChapters }, complete: work.complete,
    stats: { ...work.counters },
    publishedOn: work.publishedOn, updatedOn: work.updatedOn,
  };
}

function chapterHeadJson(request: FastifyRequest, workId: number, c: ChapterHead) {
  return { position: c.number, id: c.id, title: c.title, draft: !c.posted, publishedOn: c.publishedOn, words: c.wordCount, url: absolute(request, chapterPath(workId, c.id ?? 0)) };
}

function chapterJson(request: FastifyRequest, workId: number, c: ChapterModel) {
  return { ...chapterHeadJson(request, workId, c), summary: c.summary, notes: c.notes, endNotes: c.endNotes, text: c.content };
}

/** Routes under /api/v1 for works. */
export function registerWorkApi(app: FastifyInstance): void {
  app.get<{ Querystring: { page?: string } }>('/api/v1/works', { schema: listWorksSchema }, async (request) => {
    const page = await listWorksForReader(request.readDb, request.viewer, {}, emptyFilter(), pageParam(request.query.page));
    return { works: page.items.map((w) => workJson(request, w)), page: page.page, pages: page.pages, total: page.total };
  });
  app.get<{ Params: { id: string } }>('/api/v1/works/:id', { schema: showWorkSchema }, async (request) => {
    const reader = await getWorkForReader(request.server.db, request.viewer, idParam(request.params.id));
    const series = (await seriesPlacements(request.server.db, request.viewer, reader.work.id))
      .map((s) => ({ id: s.seriesId, title: s.title, part: s.part, url: absolute(request, `/series/${s.seriesId}`) }));
    return { ...workJson(request, reader.work), chapterList: reader.chapters.map((c) => chapterHeadJson(request, reader.work.id, c)), series };
  });
  app.get<{ Params: { id: string; position: string } }>('/api/v1/works/:id/chapters/:position', { schema: showChapterSchema }, async (request) => {
    const reader = await getWorkForReader(request.server.db, request.viewer, idParam(request.params.id));
    const head = reader.chapters[idParam(request.params.position) - 1];
    if (head?.id == null) throw new AppError('not_found', 'That work has no chapter at that position.');
    return chapterJson(request, reader.work.id, await getChapterForReader(request.server.db, reader, head.id));
  });
  app.post<{ Body: NewWorkBody }>('/api/v1/works', { schema: createWorkSchema }, async (request, reply) => {
    const { input, chapters, draft } = workInputFromJson(request.body);
    const { db } = request.server;
    let id: number;
    try {
      id = await createWork(db, request.viewer, input, draft ? 'draft' : 'post', chapters);
    } catch (error) {
      throw apiFieldNames(error);
    }
    return reply.code(201).header('location', `/api/v1/works/${id}`).send({ id, url: absolute(request, workPath(id)) });
  });
}

/** The form calls the first chapter "chapter.text"; the API body calls it "chapters[0].text". */
function apiFieldNames(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'validation_failed') return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^chapter\./, 'chapters[0].'), v]));
  return new AppError('validation_failed', error.message, fields);
}
