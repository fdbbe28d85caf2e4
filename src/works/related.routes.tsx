// Related works on the pages:
//
//   GET  /works/:id/related, POST /works/:id/related    what the work was inspired by, and works inspired by it (its creators)
//   POST /works/:id/related/:relation/approve           the original's creators list a work inspired by theirs
//   POST /works/:id/related/:relation/delete            either side's creators remove the link
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { addRelation, approveRelation, relatedForCreator, removeRelation, type RelatedInput } from './related.service.js';
import { RelatedPage } from './views/related-pages.js';

type IdParams = { Params: { id: string } };
type RelationParams = { Params: { id: string; relation: string } };
const BLANK: RelatedInput = { parent: '', title: '', creator: '', translation: false };

async function relatedPage(request: FastifyRequest<IdParams>, reply: FastifyReply, values = BLANK, errors: FieldErrors = {}) {
  const workId = idParam(request.params.id);
  const { title, parents, children } = await relatedForCreator(request.server.db, request.viewer, workId);
  return sendPage(reply, <RelatedPage ctx={pageContext(request, reply)} workId={workId} title={title} parents={parents} children={children} values={values} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Routes for related works. */
export function registerRelatedRoutes(app: FastifyInstance): void {
  app.get<IdParams>('/works/:id/related', (request, reply) => relatedPage(request, reply));
  app.post<IdParams>('/works/:id/related', async (request, reply) => {
    const form = formOf(request);
    const values: RelatedInput = { parent: field(form, 'parent'), title: field(form, 'title'), creator: field(form, 'creator'), translation: checkbox(form, 'translation') };
    try {
      await addRelation(request.server.db, request.viewer, idParam(request.params.id), values, request.server.config.baseUrl);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return relatedPage(request, reply, values, error.fields);
      throw error;
    }
    setFlash(reply, 'Added. A work here lists yours once its creators approve.');
    return reply.redirect(`/works/${request.params.id}/related`, 303);
  });
  app.post<RelationParams>('/works/:id/related/:relation/approve', async (request, reply) => {
    await approveRelation(request.server.db, request.viewer, idParam(request.params.relation));
    setFlash(reply, 'Approved: your work lists it.');
    return reply.redirect(`/works/${idParam(request.params.id)}/related`, 303);
  });
  app.post<RelationParams>('/works/:id/related/:relation/delete', async (request, reply) => {
    await removeRelation(request.server.db, request.viewer, idParam(request.params.relation));
    setFlash(reply, 'Removed.');
    return reply.redirect(`/works/${idParam(request.params.id)}/related`, 303);
  });
}
