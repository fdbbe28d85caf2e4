// Gifts on the pages, at AO3's address for a member's gifts:
//
//   GET  /users/:login/gifts               the works given to a member
//   GET  /works/:id/gifts/new, POST /works/:id/gifts   give a work (its creators)
//   POST /gifts/:id/delete                 take a gift back (the work's creators)
//   POST /gifts/:id/refuse                 refuse a gift (its recipient)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { giftsForCreator, giftsOf, giveGift, refuseGift, removeGift } from './gift.service.js';
import { GiftsPage, WorkGiftsPage } from './views/gift-pages.js';

type IdParams = { Params: { id: string } };

async function workGifts(request: FastifyRequest<IdParams>, reply: FastifyReply, recipient = '', errors: FieldErrors = {}) {
  const workId = idParam(request.params.id);
  const { title, gifts } = await giftsForCreator(request.server.db, request.viewer, workId);
  return sendPage(reply, <WorkGiftsPage ctx={pageContext(request, reply)} workId={workId} title={title} gifts={gifts} recipient={recipient} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Routes for gifts. */
export function registerGiftRoutes(app: FastifyInstance): void {
  app.get<{ Params: { login: string } }>('/users/:login/gifts', async (request, reply) => {
    const { login, mine, gifts } = await giftsOf(request.server.db, request.viewer, request.params.login);
    return sendPage(reply, <GiftsPage ctx={pageContext(request, reply)} login={login} mine={mine} gifts={gifts} />);
  });
  app.get<IdParams>('/works/:id/gifts/new', (request, reply) => workGifts(request, reply));
  app.post<IdParams>('/works/:id/gifts', async (request, reply) => {
    const workId = idParam(request.params.id);
    const recipient = field(formOf(request), 'recipient');
    try {
      const shown = await giveGift(request.server.db, request.viewer, workId, recipient);
      setFlash(reply, `Given to ${shown}.`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return workGifts(request, reply, recipient, error.fields);
      throw error;
    }
    return reply.redirect(`/works/${workId}/gifts/new`, 303);
  });
  app.post<IdParams>('/gifts/:id/delete', async (request, reply) => {
    const workId = await removeGift(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Gift taken back.');
    return reply.redirect(`/works/${workId}/gifts/new`, 303);
  });
  app.post<IdParams>('/gifts/:id/refuse', async (request, reply) => {
    await refuseGift(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Gift refused: it no longer shows.');
    return reply.redirect(`/users/${encodeURIComponent(request.viewer.user?.login ?? '')}/gifts`, 303);
  });
}
