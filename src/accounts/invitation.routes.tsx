// Invitations:
//   GET  /invite_requests, POST        join the queue for an invitation, or see one's place in it (?email=)
//   GET  /users/:login/invitations     the codes a member was given to share
//   GET  /admin/invitations            the queue's length; send invitations; give a member codes
//   POST /admin/invitations/release, /admin/invitations/give
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAdmin } from '../access/permissions.js';
import { pageContext, setFlash, type PageContext } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { ErrorSummary, Form, TextField } from '../views/forms.js';
import { Layout } from '../views/layout.js';
import { codesOf, giveCodes, placeOf, queueLength, releaseByHand, releaseDaily, requestInvitation } from './invitation.service.js';

function place(n: number | null, email: string): string {
  if (n === null) return `${email} is not in the queue.`;
  if (n === 0) return `Your invitation was sent to ${email}. Check your spam folder if you cannot find it.`;
  return `${email} is number ${n.toLocaleString('en-US')} in the queue.`;
}

function QueuePage({ ctx, email, errors, status }: { ctx: PageContext; email: string; errors: FieldErrors; status: string | null }) {
  return (
    <Layout ctx={ctx} title="Request an invitation" mainClass="narrow">
      <h2 class="heading">Request an invitation</h2>
      {status !== null && <p class="flash notice" role="status">{status}</p>}
      <p>New accounts on {ctx.archiveName} need an invitation. Leave your address and we will email you one when your turn comes; come back here any time to see your place.</p>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/invite_requests" class="account-form">
        <TextField name="email" label="Email" type="email" value={email} errors={errors} required autocomplete="email" />
        <p><button type="submit" class="primary">Add me to the queue</button></p>
      </Form>
      <form method="get" action="/invite_requests" class="account-form">
        <p><label for="queue-email">Already in the queue? Your address:</label> <input id="queue-email" type="email" name="email" /> <button type="submit">See my place</button></p>
      </form>
    </Layout>
  );
}

function AdminInvitationsPage({ ctx, waiting, errors }: { ctx: PageContext; waiting: number; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Invitations" mainClass="narrow">
      <h2 class="heading">Invitations</h2>
      <p>{waiting.toLocaleString('en-US')} {waiting === 1 ? 'address waits' : 'addresses wait'} in the queue. How many go out each day by themselves is in <a href="/admin/settings">Archive settings</a>.</p>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/admin/invitations/release" class="account-form">
        <TextField name="count" label="Send invitations to the first" value="10" errors={errors} inputMode="numeric" required />
        <p><button type="submit" class="primary">Send now</button></p>
      </Form>
      <Form ctx={ctx} action="/admin/invitations/give" class="account-form">
        <TextField name="login" label="Give codes to the member" value="" errors={errors} required />
        <TextField name="codes" label="How many codes" value="3" errors={errors} inputMode="numeric" required />
        <p><button type="submit">Give codes</button></p>
      </Form>
    </Layout>
  );
}

function CodesPage({ ctx, codes, baseUrl }: { ctx: PageContext; codes: Array<{ code: string; usedAt: string | null; usedBy: string | null }>; baseUrl: string }) {
  return (
    <Layout ctx={ctx} title="Invitations" mainClass="narrow">
      <h2 class="heading">Your invitations to share</h2>
      {codes.length === 0 ? <p>You have no invitation codes. The archive's administrators give them out.</p> : (
        <ul class="invitation-codes">
          {codes.map((c) => <li><code>{c.code}</code> {c.usedAt === null ? <>: unused, share <code>{`${baseUrl}/signup?invitation=${c.code}`}</code></> : <>: used by {c.usedBy ?? 'an account since deleted'} on {c.usedAt.slice(0, 10)}</>}</li>)}
        </ul>
      )}
    </Layout>
  );
}

async function adminPage(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
  requireAdmin(request.viewer);
  return sendPage(reply, <AdminInvitationsPage ctx={pageContext(request, reply)} waiting={await queueLength(request.server.db)} errors={errors} />, status);
}

async function orAdminPage(request: FastifyRequest, reply: FastifyReply, action: () => Promise<string>) {
  try {
    setFlash(reply, await action());
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return adminPage(request, reply, error.fields, 422);
    throw error;
  }
  return reply.redirect('/admin/invitations', 303);
}

/** Routes for invitations, and the daily release (every app server checks; one a day sends). */
export function registerInvitationRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: { email?: string } }>('/invite_requests', async (request, reply) => {
    const email = (request.query.email ?? '').trim();
    const status = email === '' ? null : place(await placeOf(request.server.db, email), email);
    return sendPage(reply, <QueuePage ctx={pageContext(request, reply)} email={email} errors={{}} status={status} />);
  });
  app.post('/invite_requests', async (request, reply) => {
    const email = field(formOf(request), 'email').trim();
    try {
      const n = await requestInvitation(request.server.db, email, request.ip);
      return await sendPage(reply, <QueuePage ctx={pageContext(request, reply)} email="" errors={{}} status={place(n, email)} />);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'validation_failed' && error.code !== 'rate_limited')) throw error;
      return sendPage(reply, <QueuePage ctx={pageContext(request, reply)} email={email} errors={error.code === 'rate_limited' ? { email: error.message } : error.fields} status={null} />, error.status);
    }
  });
  app.get<{ Params: { login: string } }>('/users/:login/invitations', async (request, reply) =>
    sendPage(reply, <CodesPage ctx={pageContext(request, reply)} codes={await codesOf(request.server.db, request.viewer, request.params.login)} baseUrl={request.server.config.baseUrl} />));
  app.get('/admin/invitations', (request, reply) => adminPage(request, reply));
  app.post('/admin/invitations/release', (request, reply) => orAdminPage(request, reply, async () => {
    const sent = await releaseByHand(request.server.db, request.viewer, Number(field(formOf(request), 'count')));
    return `${sent} invitation${sent === 1 ? '' : 's'} sent.`;
  }));
  app.post('/admin/invitations/give', (request, reply) => orAdminPage(request, reply, async () => {
    const form = formOf(request);
    const count = Number(field(form, 'codes'));
    const login = await giveCodes(request.server.db, request.viewer, field(form, 'login'), count);
    return `${login} was given ${count} invitation code${count === 1 ? '' : 's'} to share.`;
  }));
  const timer = setInterval(() => { releaseDaily(app.db).catch((error: unknown) => { app.log.error({ err: error }, 'sending the day\'s invitations failed'); }); }, 10 * 60_000);
  timer.unref();
  app.addHook('onClose', () => { clearInterval(timer); });
}
