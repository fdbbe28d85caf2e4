// POST /users/:login/account/delete: the account page's "Delete my account" (its form is on that page).
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../access/permissions.js';
import { cookieNames, cookieOptions } from '../http/cookies.js';
import { setFlash } from '../http/context.js';
import { AppError, forbidden } from '../http/errors.js';
import { checkbox, field, formOf } from '../http/form-values.js';
import { deleteOwnAccount } from './account-deletion.service.js';

/** Routes for deleting one's account; a refusal goes back to the account page with the reason. */
export function registerAccountDeletionRoutes(app: FastifyInstance): void {
  app.post<{ Params: { login: string } }>('/users/:login/account/delete', async (request, reply) => {
    const user = requireUser(request.viewer, 'Log in to delete your account.');
    if (user.login.toLowerCase() !== request.params.login.toLowerCase()) throw forbidden('You can only delete your own account.');
    const form = formOf(request);
    try {
      await deleteOwnAccount(request.server.db, request.viewer, { password: field(form, 'deletePassword'), works: field(form, 'works'), confirmed: checkbox(form, 'confirm') });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      setFlash(reply, `Your account was not deleted: ${Object.values(error.fields).join(' ')}`);
      return reply.redirect(`/users/${user.login}/account#delete`, 303);
    }
    reply.clearCookie(cookieNames(request.server.config).session, cookieOptions(request.server.config));
    setFlash(reply, 'Your account is deleted. Thank you for the stories you shared.');
    return reply.redirect('/', 303);
  });
}
