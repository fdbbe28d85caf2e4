// A member's mutes:
//   GET  /users/:login/mutes                the creators and tags they muted, and forms to mute more
//   POST /users/:login/mutes                mute a creator (kind=user, name=login) or a tag (kind=tag, name)
//   POST /users/:login/mutes/delete         unmute (kind, id)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash, type PageContext } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, safeReturnPath } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { ErrorSummary, Form, TextField } from '../views/forms.js';
import { Layout } from '../views/layout.js';
import { addMute, listMutes, removeMute } from './mute.service.js';

type LoginParams = { Params: { login: string } };
type Muted = Array<{ kind: 'user' | 'tag'; id: number; name: string }>;

function MutesPage({ ctx, login, muted, errors, typed }: { ctx: PageContext; login: string; muted: Muted; errors: FieldErrors; typed: { user: string; tag: string } }) {
  const base = `/users/${login}/mutes`;
  const list = (kind: 'user' | 'tag') => {
    const items = muted.filter((m) => m.kind === kind);
    if (items.length === 0) return <p>None.</p>;
    return (
      <ul class="mutes">
        {items.map((m) => <li>{m.name} <Form ctx={ctx} action={`${base}/delete`} class="inline"><input type="hidden" name="kind" value={kind} /><input type="hidden" name="id" value={String(m.id)} /><button type="submit">Unmute</button></Form></li>)}
      </ul>
    );
  };
  return (
    <Layout ctx={ctx} title="Mutes" mainClass="narrow">
      <h2 class="heading">Your mutes</h2>
      <p>Works by creators you mute, and works carrying tags you mute (with the tags' synonyms and the tags under them), are left out of every listing and search you see, on any device. A listing says how many it left out and lets you show them. Nobody is told.</p>
      <ErrorSummary errors={errors} />
      <h3>Creators</h3>
      {list('user')}
      <Form ctx={ctx} action={base} class="account-form">
        <input type="hidden" name="kind" value="user" />
        <TextField name="user" label="Mute a creator (user name)" value={typed.user} errors={errors} required />
        <p><button type="submit">Mute creator</button></p>
      </Form>
      <h3>Tags</h3>
      {list('tag')}
      <Form ctx={ctx} action={base} class="account-form">
        <input type="hidden" name="kind" value="tag" />
        <TextField name="tag" label="Mute a tag" value={typed.tag} errors={errors} required suggest="freeform" />
        <p><button type="submit">Mute tag</button></p>
      </Form>
    </Layout>
  );
}

async function showMutes(request: FastifyRequest<LoginParams>, reply: FastifyReply, errors: FieldErrors = {}, typed = { user: '', tag: '' }, status = 200) {
  const muted = await listMutes(request.server.db, request.viewer, request.params.login);
  return sendPage(reply, <MutesPage ctx={pageContext(request, reply)} login={request.params.login} muted={muted} errors={errors} typed={typed} />, status);
}

/** Routes for muting. */
export function registerMuteRoutes(app: FastifyInstance): void {
  app.get<LoginParams>('/users/:login/mutes', (request, reply) => showMutes(request, reply));
  app.post<LoginParams>('/users/:login/mutes', async (request, reply) => {
    const form = formOf(request);
    const kind = field(form, 'kind') === 'tag' ? 'tag' : 'user';
    const name = field(form, kind);
    try {
      const muted = await addMute(request.server.db, request.viewer, request.params.login, { kind, name });
      setFlash(reply, `You muted ${muted}: ${kind === 'tag' ? 'works carrying it' : 'their works'} are left out of what you browse. Your mutes page can undo it.`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return showMutes(request, reply, error.fields, { user: kind === 'user' ? name : '', tag: kind === 'tag' ? name : '' }, 422);
      throw error;
    }
    // From a Mute button on a profile or a tag's page: back there.
    return reply.redirect(safeReturnPath(field(form, 'return_to'), `/users/${request.params.login}/mutes`), 303);
  });
  app.post<LoginParams>('/users/:login/mutes/delete', async (request, reply) => {
    const form = formOf(request);
    await removeMute(request.server.db, request.viewer, request.params.login, field(form, 'kind'), Number(field(form, 'id')));
    setFlash(reply, 'Unmuted.');
    return reply.redirect(`/users/${request.params.login}/mutes`, 303);
  });
}
