// Recovering and keeping an account:
//   GET  /confirm/:token, POST       confirm an address (sign-up, or a change of address)
//   POST /confirm/resend             send the confirmation link again
//   GET  /password/forgot, POST      ask for a reset link (the answer never says whether the account exists)
//   GET  /password/reset/:token, POST   choose a new password (every session ends)
//   GET  /users/:login/account       the owner's account page
//   POST /users/:login/account/password | /email | /login
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { requireAccountOwner, requireUser } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, refererPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import {
  accountSettingsOf, changeLogin, changePassword, confirmAddress, linkIsLive, renamedTo, requestEmailChange, requestReset, resetPassword, sendConfirmation,
} from './account-recovery.service.js';
import { startBrowserSession } from './browser-session.js';
import { toViewerUser } from './user.service.js';
import { findUserById, findUserByLoginKey } from './user.repository.js';
import { AccountPage, ConfirmAddressPage, ForgotPasswordPage, ResetPasswordPage, type AccountValues } from './views/recovery-pages.js';

type TokenParams = { Params: { token: string } };
type LoginParams = { Params: { login: string } };

/** Runs a form's action; a validation or limit error renders the form again through `again`. */
async function orAgain(action: () => Promise<unknown>, again: (errors: FieldErrors, status: number) => unknown): Promise<unknown> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'validation_failed' && error.code !== 'rate_limited')) throw error;
    const errors = error.code === 'rate_limited' ? { form: error.message } : error.fields;
    return again(errors, error.status);
  }
}

async function showConfirm(request: FastifyRequest<TokenParams>, reply: FastifyReply) {
  const live = await linkIsLive(request.server.db, request.params.token, ['confirm_email', 'change_email']);
  return sendPage(reply, <ConfirmAddressPage ctx={pageContext(request, reply)} token={request.params.token} live={live} />, live ? 200 : 404);
}

async function submitConfirm(request: FastifyRequest<TokenParams>, reply: FastifyReply) {
  try {
    const confirmed = await confirmAddress(request.server.db, request.params.token);
    if (confirmed === null) return await showConfirm(request, reply);
    setFlash(reply, confirmed.kind === 'address_confirmed'
      ? 'Thank you: your email address is confirmed. You can post works and comment now.'
      : 'Your new email address is confirmed; email about your account goes there from now on.');
    return await reply.redirect(request.viewer.user === null ? '/login' : '/', 303);
  } catch (error) {
    // The new address was taken by another account since the link was sent.
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    throw new AppError('validation_failed', error.fields.email ?? error.message);
  }
}

async function resendConfirmation(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request.viewer);
  try {
    await sendConfirmation(request.server.db, user.id);
    setFlash(reply, 'We sent a new confirmation link. It works for 48 hours.');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
    setFlash(reply, 'We have sent several links in the last hour already; please use one of those, or try again later.');
  }
  return reply.redirect(refererPath(request, `/users/${user.login}/account`), 303);
}

function showForgot(request: FastifyRequest, reply: FastifyReply, typed = '', errors: FieldErrors = {}, status = 200, sent = false) {
  return sendPage(reply, <ForgotPasswordPage ctx={pageContext(request, reply)} typed={typed} errors={errors} sent={sent} />, status);
}

async function submitForgot(request: FastifyRequest, reply: FastifyReply) {
  const typed = field(formOf(request), 'login').trim();
  if (typed === '') return showForgot(request, reply, typed, { login: 'Enter your user name or email address.' }, 422);
  return orAgain(async () => {
    await requestReset(request.server.db, typed, request.ip);
    return showForgot(request, reply, '', {}, 200, true);
  }, (errors, status) => showForgot(request, reply, typed, { login: errors.form ?? '' }, status));
}

async function showReset(request: FastifyRequest<TokenParams>, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
  const live = await linkIsLive(request.server.db, request.params.token, ['reset_password']);
  return sendPage(reply, <ResetPasswordPage ctx={pageContext(request, reply)} token={request.params.token} live={live} errors={errors} />, live ? status : 404);
}

async function submitReset(request: FastifyRequest<TokenParams>, reply: FastifyReply) {
  const form = formOf(request);
  try {
    const user = await resetPassword(request.server.db, request.params.token, field(form, 'password'), field(form, 'passwordConfirmation'));
    setFlash(reply, `Your password is changed and every session was logged out. Log in with your new password, ${user.login}.`);
    return await reply.redirect('/login', 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return showReset(request, reply, error.fields, 422);
    if (error instanceof AppError && error.code === 'not_found') return showReset(request, reply);
    throw error;
  }
}

async function showAccount(request: FastifyRequest<LoginParams>, reply: FastifyReply, typed: Partial<AccountValues> = {}, errors: FieldErrors = {}, status = 200) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  const settings = await accountSettingsOf(request.server.db, user);
  const values: AccountValues = { login: user.login, newEmail: '', newLogin: '', ...settings, ...typed };
  return sendPage(reply, <AccountPage ctx={pageContext(request, reply)} values={values} errors={errors} />, status);
}

async function submitPassword(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  const form = formOf(request);
  return orAgain(async () => {
    await changePassword(request.server.db, user, { current: field(form, 'currentPassword'), password: field(form, 'password'), confirmation: field(form, 'passwordConfirmation') });
    // Every session ended; this browser goes on in a new one.
    await startBrowserSession(request, reply, user, false);
    setFlash(reply, 'Your password is changed. Every other device was logged out.');
    return reply.redirect(`/users/${user.login}/account`, 303);
  }, (errors, status) => showAccount(request, reply, {}, errors, status));
}

async function submitEmail(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  const form = formOf(request);
  const newEmail = field(form, 'email').trim();
  return orAgain(async () => {
    const email = await requestEmailChange(request.server.db, user, { password: field(form, 'emailPassword'), email: newEmail });
    setFlash(reply, `We sent a link to ${email}. Your address changes when you follow it.`);
    return reply.redirect(`/users/${user.login}/account`, 303);
  }, (errors, status) => showAccount(request, reply, { newEmail }, errors, status));
}

async function submitLogin(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  const form = formOf(request);
  const newLogin = field(form, 'newLogin').trim();
  return orAgain(async () => {
    const login = await changeLogin(request.server.db, user, { password: field(form, 'loginPassword'), login: newLogin });
    const row = await findUserById(request.server.db, user.id);
    if (row !== undefined) request.viewer = { ...request.viewer, user: toViewerUser(row, user.reading) };
    setFlash(reply, `Your user name is now ${login}. Links with your old name lead here for 30 days.`);
    return reply.redirect(`/users/${login}/account`, 303);
  }, (errors, status) => showAccount(request, reply, { newLogin }, errors, status));
}

/**
 * A member's old login name leads to their pages for a while: any address with a `:login` whose
 * member is gone but was renamed answers 301 to the same address under the new name.
 */
/** Registered before any route, so every `/users/:login/…` address gets it. */
export function registerRenameRedirects(app: FastifyInstance): void {
  const follow: preHandlerAsyncHookHandler = async (request, reply) => {
    const login = (request.params as { login?: string }).login;
    if (login === undefined) return;
    if (await findUserByLoginKey(request.server.db, login.toLowerCase()) !== undefined) return;
    const renamed = await renamedTo(request.server.db, login);
    if (renamed === null) return;
    const url = request.url.replace(/^(\/(?:api\/v1\/)?users\/)[^/?#]+/, `$1${encodeURIComponent(renamed)}`);
    await reply.redirect(url, request.method === 'GET' || request.method === 'HEAD' ? 301 : 308);
  };
  // Only on addresses with a login in them: every other request (a work page) pays nothing.
  app.addHook('onRoute', (route) => {
    if (!route.url.includes(':login')) return;
    const own = route.preHandler;
    route.preHandler = [follow, ...(own === undefined ? [] : Array.isArray(own) ? own : [own])];
  });
}

/** Routes for confirming, resetting and changing an account. */
export function registerRecoveryRoutes(app: FastifyInstance): void {
  app.get<TokenParams>('/confirm/:token', showConfirm);
  app.post<TokenParams>('/confirm/:token', submitConfirm);
  app.post('/confirm/resend', resendConfirmation);
  app.get('/password/forgot', (request, reply) => showForgot(request, reply));
  app.post('/password/forgot', submitForgot);
  app.get<TokenParams>('/password/reset/:token', (request, reply) => showReset(request, reply));
  app.post<TokenParams>('/password/reset/:token', submitReset);
  app.get<LoginParams>('/users/:login/account', (request, reply) => showAccount(request, reply));
  app.post<LoginParams>('/users/:login/account/password', submitPassword);
  app.post<LoginParams>('/users/:login/account/email', submitEmail);
  app.post<LoginParams>('/users/:login/account/login', submitLogin);
}
