// A user's pseuds: the list, and a form for the owner to add one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, forbidden, type FieldErrors } from '../http/errors.js';
import { field, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { addPseud, getUserByLogin, listPseudsOf } from './user.service.js';
import { PseudsPage } from './views/pseuds-page.js';
import { viewerBlocked } from './block.routes.js';

type LoginParams = { Params: { login: string } };

async function showPseuds(request: FastifyRequest<LoginParams>, reply: FastifyReply, values = { name: '', description: '' }, errors: FieldErrors = {}, status = 200) {
  const { db } = request.server;
  const user = await getUserByLogin(db, request.params.login);
  const pseuds = await listPseudsOf(db, user.id);
  const own = request.viewer.user?.id === user.id;
  const blocked = await viewerBlocked(request, user.id);
  return sendPage(reply, <PseudsPage ctx={pageContext(request, reply)} login={user.login} pseuds={pseuds} own={own} blocked={blocked} values={values} errors={errors} />, status);
}

async function submitPseud(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const { db } = request.server;
  const user = await getUserByLogin(db, request.params.login);
  if (request.viewer.user?.id !== user.id) throw forbidden('You can only add pseuds to your own account.');
  const form = formOf(request);
  const values = { name: field(form, 'name'), description: field(form, 'description') };
  try {
    const pseud = await addPseud(db, request.viewer.user, values.name, values.description);
    setFlash(reply, `Pseud “${pseud.name}” added. Choose it when you post a work.`);
    return await reply.redirect(`/users/${user.login}/pseuds`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showPseuds(request, reply, values, error.fields, 422);
    throw error;
  }
}

/** Routes for pseuds. */
export function registerPseudRoutes(app: FastifyInstance): void {
  app.get<LoginParams>('/users/:login/pseuds', (request, reply) => showPseuds(request, reply));
  app.post<LoginParams>('/users/:login/pseuds', submitPseud);
}
