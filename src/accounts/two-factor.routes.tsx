// Two-factor sign-in:
//   GET  /users/:login/account/two_factor              its settings (or setting it up)
//   POST /users/:login/account/two_factor/setup        a new key for an app
//   POST /users/:login/account/two_factor/confirm      a code from the app turns it on; the recovery codes, once
//   POST /users/:login/account/two_factor/recovery_codes   new recovery codes
//   POST /users/:login/account/two_factor/disable
//   GET  /login/two_factor, POST                       the code asked for after the password
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { requireAccountOwner } from '../access/permissions.js';
import type { ViewerUser } from '../access/viewer.js';
import { cookieNames, cookieOptions } from '../http/cookies.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, safeReturnPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { otpauthUri } from '../lib/totp.js';
import { startBrowserSession } from './browser-session.js';
import {
  beginEnrollment, disableTwoFactor, finishEnrollment, finishSignIn, pendingSecret, pendingSignIn, recoveryCodesLeft, replaceRecoveryCodes,
} from './two-factor.service.js';
import { toViewerUser } from './user.service.js';
import { RecoveryCodesPage, SignInCodePage, TwoFactorPage, type TwoFactorState } from './views/two-factor-pages.js';

type LoginParams = { Params: { login: string } };

async function stateOf(request: FastifyRequest, user: ViewerUser): Promise<TwoFactorState> {
  const { db, config } = request.server;
  if (user.twoFactor) return { kind: 'on', recoveryLeft: await recoveryCodesLeft(db, user.id), isAdmin: user.isAdmin };
  const secret = await pendingSecret(db, user);
  if (secret === null) return { kind: 'off' };
  const uri = otpauthUri(config.archiveName, user.login, secret);
  return { kind: 'enrolling', secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

async function showTwoFactor(request: FastifyRequest<LoginParams>, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  // The key is on this page while setting up: no cache may keep it.
  reply.header('cache-control', 'no-store');
  return sendPage(reply, <TwoFactorPage ctx={pageContext(request, reply)} login={user.login} state={await stateOf(request, user)} errors={errors} />, status);
}

function showCodes(request: FastifyRequest, reply: FastifyReply, user: ViewerUser, codes: string[]) {
  reply.header('cache-control', 'no-store');
  return sendPage(reply, <RecoveryCodesPage ctx={pageContext(request, reply)} login={user.login} codes={codes} />);
}

/** Runs an action; its field errors come back on the settings page. */
async function orErrors(request: FastifyRequest<LoginParams>, reply: FastifyReply, action: () => Promise<unknown>): Promise<unknown> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    return showTwoFactor(request, reply, error.fields, 422);
  }
}

async function setUp(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  return orErrors(request, reply, async () => {
    await beginEnrollment(request.server.db, user);
    return reply.redirect(`/users/${user.login}/account/two_factor`, 303);
  });
}

async function confirm(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  return orErrors(request, reply, async () => {
    const codes = await finishEnrollment(request.server.db, user, field(formOf(request), 'code'));
    request.viewer = { ...request.viewer, user: { ...user, twoFactor: true } };
    return showCodes(request, reply, user, codes);
  });
}

async function newCodes(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  return orErrors(request, reply, async () => showCodes(request, reply, user, await replaceRecoveryCodes(request.server.db, user, field(formOf(request), 'password'))));
}

async function disable(request: FastifyRequest<LoginParams>, reply: FastifyReply) {
  const user = requireAccountOwner(request.viewer, request.params.login);
  const form = formOf(request);
  return orErrors(request, reply, async () => {
    try {
      await disableTwoFactor(request.server.db, user, { password: field(form, 'disablePassword'), code: field(form, 'disableCode') });
    } catch (error) {
      // The form's fields have their own names.
      if (error instanceof AppError && error.code === 'validation_failed') {
        const { password, code } = error.fields;
        throw new AppError('validation_failed', error.message, { ...(password !== undefined ? { disablePassword: password } : {}), ...(code !== undefined ? { disableCode: code } : {}) });
      }
      throw error;
    }
    setFlash(reply, 'Two-factor sign-in is off. Logging in now takes only your password.');
    return reply.redirect(`/users/${user.login}/account/two_factor`, 303);
  });
}

function signInToken(request: FastifyRequest): string | undefined {
  const token = request.cookies[cookieNames(request.server.config).signIn];
  return token === undefined || token === '' ? undefined : token;
}

async function showSignInCode(request: FastifyRequest, reply: FastifyReply) {
  const token = signInToken(request);
  if (token === undefined || !(await pendingSignIn(request.server.db, token))) return reply.redirect('/login', 303);
  return sendPage(reply, <SignInCodePage ctx={pageContext(request, reply)} errors={{}} />);
}

async function submitSignInCode(request: FastifyRequest, reply: FastifyReply) {
  const token = signInToken(request);
  if (token === undefined) return reply.redirect('/login', 303);
  try {
    const { user, pending } = await finishSignIn(request.server.db, token, field(formOf(request), 'code'), request.ip);
    reply.clearCookie(cookieNames(request.server.config).signIn, cookieOptions(request.server.config));
    const viewerUser = toViewerUser(user);
    await startBrowserSession(request, reply, viewerUser, pending.remember);
    setFlash(reply, `Welcome back, ${viewerUser.login}. You are logged in.`);
    return await reply.redirect(safeReturnPath(pending.returnTo), 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      setFlash(reply, error.message);
      return reply.redirect('/login', 303);
    }
    if (!(error instanceof AppError) || (error.code !== 'validation_failed' && error.code !== 'rate_limited')) throw error;
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendPage(reply, <SignInCodePage ctx={pageContext(request, reply)} errors={{ code: error.fields.code ?? error.message }} />, error.status);
  }
}

/** Routes for two-factor sign-in. */
export function registerTwoFactorRoutes(app: FastifyInstance): void {
  app.get<LoginParams>('/users/:login/account/two_factor', (request, reply) => showTwoFactor(request, reply));
  app.post<LoginParams>('/users/:login/account/two_factor/setup', setUp);
  app.post<LoginParams>('/users/:login/account/two_factor/confirm', confirm);
  app.post<LoginParams>('/users/:login/account/two_factor/recovery_codes', newCodes);
  app.post<LoginParams>('/users/:login/account/two_factor/disable', disable);
  app.get('/login/two_factor', showSignInCode);
  app.post('/login/two_factor', submitSignInCode);
}
