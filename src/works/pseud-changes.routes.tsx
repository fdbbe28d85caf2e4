// POST /users/:login/pseuds/:pseud/edit (name, description) and /delete: from the pseuds page.
import type { FastifyInstance } from 'fastify';
import { setFlash } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { field, formOf } from '../http/form-values.js';
import { deletePseud, renamePseud } from './pseud-changes.service.js';

type PseudParams = { Params: { login: string; pseud: string } };

/** Routes for changing pseuds; a refusal goes back to the pseuds page with the reason. */
export function registerPseudChangeRoutes(app: FastifyInstance): void {
  const back = (login: string) => `/users/${encodeURIComponent(login)}/pseuds`;
  app.post<PseudParams>('/users/:login/pseuds/:pseud/edit', async (request, reply) => {
    const form = formOf(request);
    try {
      await renamePseud(request.server.db, request.viewer, request.params.login, request.params.pseud, { name: field(form, 'name'), description: field(form, 'description') });
      setFlash(reply, 'Pseud saved; its works show it at once.');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      setFlash(reply, `The pseud was not changed: ${Object.values(error.fields).join(' ')}`);
    }
    return reply.redirect(back(request.params.login), 303);
  });
  app.post<PseudParams>('/users/:login/pseuds/:pseud/delete', async (request, reply) => {
    try {
      await deletePseud(request.server.db, request.viewer, request.params.login, request.params.pseud);
      setFlash(reply, `Pseud “${request.params.pseud}” deleted; its works are now under your default pseud.`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      setFlash(reply, Object.values(error.fields).join(' '));
    }
    return reply.redirect(back(request.params.login), 303);
  });
}
