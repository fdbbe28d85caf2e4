// Prompt memes on the pages:
//
//   GET  /collections/:name/prompts              the prompts, ?tags=a,b&status=unfilled|filled|any&page=N
//   GET  /collections/:name/prompts/new, POST /collections/:name/prompts   post one
//   GET  /prompts/:id                            one prompt, its claims and fills
//   POST /prompts/:id/claims, POST /prompts/:id/claims/delete   claim it, drop the claim
//   POST /prompts/:id/fills                      fill it with an existing work (a new work fills it from /works/new?prompt=:id)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { claimPrompt, fillWithWork, getPrompt, getPromptMeme, listPromptsOf, postPrompt, unclaimPrompt, type PromptFilter, type PromptInput } from './prompt.service.js';
import { NewPromptPage, PromptPage, PromptsPage } from './views/prompt-pages.js';

type NameParams = { Params: { name: string } };
type IdParams = { Params: { id: string } };

async function promptPage(request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldErrors = {}) {
  const { collection, prompt, fills } = await getPrompt(request.server.db, request.viewer, idParam(request.params.id));
  return sendPage(reply, <PromptPage ctx={pageContext(request, reply)} collection={collection} prompt={prompt} fills={fills} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Runs a write on a prompt; a refusal comes back on the prompt's page (422) beside its field. */
async function onPrompt(request: FastifyRequest<IdParams>, reply: FastifyReply, write: (id: number) => Promise<void>, done: string) {
  const id = idParam(request.params.id);
  try {
    await write(id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return promptPage(request, reply, error.fields);
    throw error;
  }
  setFlash(reply, done);
  return reply.redirect(`/prompts/${id}`, 303);
}

/** Routes for prompt memes. */
export function registerPromptRoutes(app: FastifyInstance): void {
  app.get<NameParams>('/collections/:name/prompts', async (request, reply) => {
    const query = request.query as { tags?: string; status?: string; page?: string };
    const filter: PromptFilter = {
      tags: typeof query.tags === 'string' ? query.tags : '', page: pageParam(query.page),
      status: query.status === 'filled' || query.status === 'unfilled' ? query.status : 'any',
    };
    const { view, prompts, total, pages } = await listPromptsOf(request.server.db, request.viewer, request.params.name, filter);
    return sendPage(reply, <PromptsPage ctx={pageContext(request, reply)} collection={view.row} prompts={prompts} total={total} page={filter.page} pages={pages} filter={filter} />);
  });
  app.get<NameParams>('/collections/:name/prompts/new', async (request, reply) => {
    requireUser(request.viewer, 'Log in to post a prompt.');
    const { row } = await getPromptMeme(request.server.db, request.viewer, request.params.name);
    return sendPage(reply, <NewPromptPage ctx={pageContext(request, reply)} collection={row} values={{ title: '', tags: '', description: '', anonymous: false }} errors={{}} />);
  });
  app.post<NameParams>('/collections/:name/prompts', async (request, reply) => {
    const form = formOf(request);
    const input: PromptInput = { title: field(form, 'title'), tags: field(form, 'tags'), description: field(form, 'description'), anonymous: checkbox(form, 'anonymous') };
    try {
      const id = await postPrompt(request.server.db, request.viewer, request.params.name, input);
      setFlash(reply, 'Prompt posted.');
      return await reply.redirect(`/prompts/${id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const { row } = await getPromptMeme(request.server.db, request.viewer, request.params.name);
      return sendPage(reply, <NewPromptPage ctx={pageContext(request, reply)} collection={row} values={input} errors={error.fields} />, 422);
    }
  });
  app.get<IdParams>('/prompts/:id', (request, reply) => promptPage(request, reply));
  app.post<IdParams>('/prompts/:id/claims', (request, reply) => onPrompt(request, reply, (id) => claimPrompt(request.server.db, request.viewer, id), 'Claimed: the prompt is yours to fill.'));
  app.post<IdParams>('/prompts/:id/claims/delete', (request, reply) => onPrompt(request, reply, (id) => unclaimPrompt(request.server.db, request.viewer, id), 'Claim dropped.'));
  app.post<IdParams>('/prompts/:id/fills', (request, reply) => {
    const work = field(formOf(request), 'work');
    return onPrompt(request, reply, (id) => fillWithWork(request.server.db, request.viewer, id, work), 'Filled: the prompter will hear of it.');
  });
}
