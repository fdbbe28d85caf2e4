// Logging a browser in: the session cookie, and logging in from inside another form (a writer
// whose session ended sends their work again with their password, and loses nothing).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieNames, cookieOptions } from '../http/cookies.js';
import { AppError, invalid } from '../http/errors.js';
import type { FormBody } from '../http/body-parsers.js';
import { field } from '../http/form-values.js';
import type { ViewerUser } from '../access/viewer.js';
import { SESSION_FIELDS } from '../http/kept-forms.js';
import { endSession, SESSION_TTL_MS, startSession } from './session.service.js';
import { toViewerUser } from './user.service.js';
import { checkPassword } from './sign-in.service.js';

/** Starts a session for the user and gives the browser its cookie; this request goes on as them. */
export async function startBrowserSession(request: FastifyRequest, reply: FastifyReply, user: ViewerUser, remember: boolean): Promise<void> {
  const { db, config } = request.server;
  const name = cookieNames(config).session;
  const old = request.cookies[name];
  if (old !== undefined && old !== '') await endSession(db, old);
  const token = await startSession(db, user.id, remember);
  const maxAge = remember ? { maxAgeSeconds: SESSION_TTL_MS.remembered / 1000 } : {};
  reply.setCookie(name, token, cookieOptions(config, maxAge));
  request.viewer = { user, sessionToken: token, ip: request.ip, via: 'session' };
}

/** Logs the sender in when the form carries a user name and password (as the login page would); a wrong pair is a field error. */
export async function logInFromForm(request: FastifyRequest, reply: FastifyReply, form: FormBody): Promise<void> {
  const login = field(form, SESSION_FIELDS.login).trim();
  if (login === '' || request.viewer.user !== null) return;
  const account = await checkPassword(request.server.db, { typed: login, password: field(form, SESSION_FIELDS.password), ip: request.ip }, SESSION_FIELDS.password)
    .catch((error: unknown) => {
      // A wait is said beside the password, where the writer is looking.
      if (error instanceof AppError && error.code === 'rate_limited') throw invalid({ [SESSION_FIELDS.password]: error.message });
      throw error;
    });
  if (account.totp_enabled_at !== null) {
    throw invalid({ [SESSION_FIELDS.password]: 'Your account signs in with a code as well: log in from the log-in page in another tab, then send this form again.' });
  }
  const user = toViewerUser(account);
  await startBrowserSession(request, reply, user, false);
}
