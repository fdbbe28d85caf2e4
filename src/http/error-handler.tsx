// The one error handler: an HTML page for people, { "error": { "code", "message", "field"? } } under /api/.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { ErrorPage } from '../views/error-page.js';
import { pageContext, type PageContext } from './context.js';
import { AppError, type ErrorCode } from './errors.js';
import { sendPage } from './render.js';
import { isApiRequest } from './request-guards.js';
import { refusalFor } from './kept-forms.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'bad_request',
};

/** Turns any thrown value into an AppError (unknown ones become "internal"). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError>;
  const code = fastifyError.code !== undefined ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (code !== undefined) return new AppError(code);
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode === 404) return new AppError('not_found');
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) return new AppError('bad_request');
  return new AppError('internal');
}

/** The log-in page shown to a guest who must log in first, with why and where to come back to (accounts owns it). */
export type LoginRequiredPage = (ctx: PageContext, returnTo: string, notice: string) => VNode;

/** Sends an error the way the client expects it. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, loginPage?: LoginRequiredPage) {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  if (isApiRequest(request)) {
    const field = Object.keys(error.fields)[0];
    const body = { code: error.code, message: error.message, ...(field !== undefined ? { field, fields: error.fields } : {}) };
    return reply.code(error.status).header('cache-control', 'no-store').send({ error: body });
  }
  const keepTyped = request.method === 'POST' ? request.routeOptions.config.keepTyped : undefined;
  const refusal = keepTyped === undefined ? null : refusalFor(error, request.viewer);
  if (keepTyped !== undefined && refusal !== null) return keepTyped(request, reply, refusal);
  const ctx = pageContext(request, reply);
  if (error.code === 'login_required' && loginPage !== undefined) {
    // AO3 shows this message on a normal log-in page, and readers' tools look for it on a successful
    // reading page; anywhere else (a download) a 401 keeps a tool from saving the page as the file.
    const status = request.url.startsWith('/works/') ? 200 : error.status;
    return sendPage(reply, loginPage(ctx, request.url, error.message), status);
  }
  return sendPage(reply, <ErrorPage ctx={ctx} status={error.status} message={error.message} />, error.status);
}

/** Registers the error and not-found handlers. */
export function registerErrorHandler(app: FastifyInstance, loginPage: LoginRequiredPage): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    // A busy archive says so to many clients at once: that is not a failure to log each time.
    if (appError.status >= 500 && appError.code !== 'service_busy') request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, appError, loginPage);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
