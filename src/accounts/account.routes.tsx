// Sign up, log in, log out: HTML forms with Post/Redirect/Get.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cookieNames, cookieOptions } from '../http/cookies.js';
import { pageContext, setFlash } from '../http/context.js';
import { csrfToken } from '../http/csrf.js';
import { AppError, invalid } from '../http/errors.js';
import type { Db } from '../db/database.js';
import { archiveSettings } from './settings.service.js';
import { claimInvitation, codeIsUsable } from './invitation.service.js';
import { checkbox, field, formOf, safeReturnPath } from '../http/form-values.js';
import { countHit, refuseWhenSpent } from '../http/rate-limit.js';
import { sendPage } from '../http/render.js';
import { endSession } from './session.service.js';
import { startBrowserSession } from './browser-session.js';
import { createAccount, toViewerUser } from './user.service.js';
import { acceptTerms, siteState, termsProblem } from './site.service.js';
import { checkPassword } from './sign-in.service.js';
import { sendConfirmation } from './account-recovery.service.js';
import { startPendingSignIn } from './two-factor.service.js';
import { LoginPage, LogoutPage, SignUpPage, type LoginValues } from './views/account-pages.js';

function showLogin(request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { return_to?: string };
  const values = { login: '', remember: false, returnTo: safeReturnPath(query.return_to) };
  return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} values={values} errors={{}} />);
}

type LoginAttempt = LoginValues & { password: string };

/** Logs in from a posted form: on success to the page asked for, else the form again with what was typed. */
async function logIn(request: FastifyRequest, reply: FastifyReply, attempt: LoginAttempt) {
  const { password, ...values } = attempt;
  let account;
  try {
    account = await checkPassword(request.server.db, { typed: values.login, password, ip: request.ip });
  } catch (error) {
    // Keep what was typed and where to go back to; say what went wrong, and when to try again.
    if (!(error instanceof AppError) || (error.code !== 'rate_limited' && error.code !== 'validation_failed')) throw error;
    const message = error.fields.password ?? error.message;
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} values={values} errors={{ password: message }} />, error.status);
  }
  if (account.totp_enabled_at !== null) {
    // The password was right; the second factor is asked for on a page of its own.
    const { db, config } = request.server;
    const token = await startPendingSignIn(db, account.id, { remember: values.remember, returnTo: values.returnTo });
    reply.setCookie(cookieNames(config).signIn, token, cookieOptions(config, { maxAgeSeconds: 600 }));
    return reply.redirect('/login/two_factor', 303);
  }
  const user = toViewerUser(account);
  await startBrowserSession(request, reply, user, values.remember);
  setFlash(reply, `Welcome back, ${user.login}. You are logged in.`);
  return reply.redirect(values.returnTo, 303);
}

function submitLogin(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  return logIn(request, reply, {
    login: field(form, 'login').trim(), password: field(form, 'password'), remember: checkbox(form, 'remember_me'), returnTo: safeReturnPath(field(form, 'return_to')),
  });
}

/** The log-in AO3's pages post (`user[login]`, `user[password]`), which members' downloaders send. */
function submitAo3Login(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  return logIn(request, reply, {
    login: field(form, 'user[login]').trim(), password: field(form, 'user[password]'), remember: checkbox(form, 'user[remember_me]'), returnTo: safeReturnPath(field(form, 'return_to')),
  });
}

/** `{ "token": … }`: a form token for a tool that logs in as AO3's pages do, before it posts. */
function dispenseToken(request: FastifyRequest, reply: FastifyReply) {
  return reply.header('cache-control', 'no-store').send({ token: csrfToken(request, reply, request.server.config.sessionSecret) });
}

/** The header's "Log out" link: a page that asks, so that following a link alone never logs anyone out. */
function showLogout(request: FastifyRequest, reply: FastifyReply) {
  if (request.viewer.user === null) return reply.redirect('/', 303);
  return sendPage(reply, <LogoutPage ctx={pageContext(request, reply)} />);
}

async function showSignUp(request: FastifyRequest, reply: FastifyReply) {
  const { registration } = await archiveSettings(request.server.db);
  const invitation = (request.query as { invitation?: string }).invitation ?? '';
  const { termsVersion } = await siteState(request.server.db);
  return sendPage(reply, <SignUpPage ctx={pageContext(request, reply)} values={{ login: '', email: '', invitation, terms: false }} errors={{}} registration={registration} askTerms={termsVersion > 0} />);
}

async function submitSignUp(request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const values = { login: field(form, 'login').trim(), email: field(form, 'email').trim(), invitation: field(form, 'invitation').trim(), terms: checkbox(form, 'terms') };
  const { db, config } = request.server;
  const { registration } = await archiveSettings(db);
  const askTerms = (await siteState(db)).termsVersion > 0;
  if (registration === 'closed') return sendPage(reply, <SignUpPage ctx={pageContext(request, reply)} values={values} errors={{}} registration={registration} askTerms={askTerms} />, 403);
  const limitKey = `signup:address:${request.ip}`;
  try {
    if (config.signupLimit !== null) await refuseWhenSpent(db, limitKey, config.signupLimit, 'Too many accounts have been made from your address lately.');
    if (registration === 'invitation' && (values.invitation === '' || !(await codeIsUsable(db, values.invitation)))) {
      throw invalid({ invitation: values.invitation === '' ? 'Enter the code from your invitation.' : 'That invitation code is not one we sent, or it was used already.' });
    }
    const claim = registration !== 'invitation' ? undefined : async (trx: Db, userId: number) => {
      if (!(await claimInvitation(trx, values.invitation, userId))) throw invalid({ invitation: 'That invitation code was used already.' });
    };
    const termsRefused = await termsProblem(db, values.terms);
    const user = await createAccount(db, { ...values, password: field(form, 'password'), passwordConfirmation: field(form, 'passwordConfirmation') }, {
      confirmed: false, alongside: claim, ...(termsRefused === null ? {} : { refuse: { terms: termsRefused } }),
    });
    await acceptTerms(db, user.id);
    if (config.signupLimit !== null) await countHit(db, limitKey, config.signupLimit);
    if (!user.confirmed) await sendConfirmation(db, user.id);
    await startBrowserSession(request, reply, user, false);
    setFlash(reply, user.confirmed
      ? `Welcome, ${user.login}! Your account is ready${user.isAdmin ? ' (you are this archive\'s first administrator)' : ''}.`
      : `Welcome, ${user.login}! We sent a link to ${values.email}: follow it to confirm your address, and you can post works and comment.`);
    return await reply.redirect('/', 303);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'validation_failed' && error.code !== 'rate_limited')) throw error;
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    const errors = error.code === 'rate_limited' ? { login: error.message } : error.fields;
    return sendPage(reply, <SignUpPage ctx={pageContext(request, reply)} values={values} errors={errors} registration={registration} askTerms={askTerms} />, error.status);
  }
}

async function submitLogout(request: FastifyRequest, reply: FastifyReply) {
  const { config } = request.server;
  const name = cookieNames(config).session;
  const token = request.cookies[name];
  if (token !== undefined && token !== '') await endSession(request.server.db, token);
  reply.clearCookie(name, cookieOptions(config));
  setFlash(reply, 'You are logged out. See you soon!');
  return reply.redirect('/', 303);
}

/** Routes for joining and logging in and out. */
export function registerAccountRoutes(app: FastifyInstance): void {
  app.get('/signup', showSignUp);
  app.post('/signup', submitSignUp);
  app.get('/login', showLogin);
  app.post('/login', submitLogin);
  app.post('/logout', submitLogout);
  // The addresses AO3's pages use, for the tools members already have.
  app.get('/token_dispenser.json', dispenseToken);
  app.get('/users/login', (request, reply) => reply.redirect(`/login${request.url.slice('/users/login'.length)}`, 301));
  app.post('/users/login', submitAo3Login);
  app.get('/users/logout', showLogout);
}
