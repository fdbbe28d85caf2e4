// Gift exchanges on the pages:
//
//   GET  /collections/:name/signups/new, POST /collections/:name/signups   sign up (or change it)
//   GET  /collections/:name/exchange, POST ...          the window and the matching rules (maintainers)
//   GET  /collections/:name/assignments                 the matching (maintainers) or one's own assignment
//   POST /collections/:name/matching                    run the matching (maintainers)
//   POST /collections/:name/assignments/swap, .../send  swap two recipients, send them all (maintainers)
//   POST /assignments/:id/fulfil, .../default           the writer fulfils with a work, or gives up
//   POST /assignments/:id/pinch_hit                     a defaulted assignment to a pinch hitter (maintainers)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../access/permissions.js';
import type { FormBody } from '../http/body-parsers.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, fieldList, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import type { CollectionRow } from '../db/database.js';
import { requireMaintainer } from './collection.service.js';
import { revealField } from './collection.validation.js';
import {
  assignmentsFor, defaultAssignment, fulfilAssignment, getExchange, pinchHit, runMatching, saveSettings, sendAssignments, signUpFor, signupOf, swapRecipients,
  TAG_TYPES, type SettingsInput, type SignupInput, type TagType,
} from './exchange.service.js';
import { AssignmentsPage, ExchangeSettingsPage, SignupPage } from './views/exchange-pages.js';

type NameParams = { Params: { name: string } };
type IdParams = { Params: { id: string } };
const path = (name: string) => `/collections/${encodeURIComponent(name)}`;

function signupInput(form: FormBody): SignupInput {
  const side = (which: string) => Object.fromEntries(TAG_TYPES.map(([type]) => [type, field(form, `${which}.${type}`)])) as Record<TagType, string>;
  return { request: side('request'), offer: side('offer'), notes: field(form, 'notes') };
}

async function assignmentsPage(request: FastifyRequest<NameParams>, reply: FastifyReply, errors: FieldErrors = {}) {
  const { view, assignments, unmatched, signups } = await assignmentsFor(request.server.db, request.viewer, request.params.name);
  return sendPage(reply, <AssignmentsPage ctx={pageContext(request, reply)} collection={view.row} settings={view.settings} maintainer={view.maintainer}
    assignments={assignments} unmatched={unmatched} signups={signups} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Runs a write; a refusal comes back on the assignments page of `name` (422); success goes there with a flash (`done`, unless the write set its own). */
async function onAssignments(request: FastifyRequest, reply: FastifyReply, write: () => Promise<CollectionRow | string>, done: string) {
  let name: string;
  try {
    const result = await write();
    name = typeof result === 'string' ? result : result.name;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    const params = request.params as { name?: string; id?: string };
    const target = params.name ?? (await assignmentCollection(request, idParam(params.id ?? '')));
    return assignmentsPage(Object.assign(request, { params: { name: target } }), reply, error.fields);
  }
  if (done !== '') setFlash(reply, done);
  return reply.redirect(`${path(name)}/assignments`, 303);
}

async function assignmentCollection(request: FastifyRequest, id: number): Promise<string> {
  const row = await request.server.db.selectFrom('exchange_assignments').innerJoin('collections', 'collections.id', 'exchange_assignments.collection_id')
    .select('collections.name').where('exchange_assignments.id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/** Routes for gift exchanges. */
export function registerExchangeRoutes(app: FastifyInstance): void {
  app.get<NameParams>('/collections/:name/signups/new', async (request, reply) => {
    requireUser(request.viewer, 'Log in to sign up.');
    const { row, settings } = await getExchange(request.server.db, request.viewer, request.params.name);
    return sendPage(reply, <SignupPage ctx={pageContext(request, reply)} collection={row} settings={settings} values={await signupOf(request.server.db, request.viewer, row.id)} errors={{}} />);
  });
  app.post<NameParams>('/collections/:name/signups', async (request, reply) => {
    const input = signupInput(formOf(request));
    try {
      await signUpFor(request.server.db, request.viewer, request.params.name, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const { row, settings } = await getExchange(request.server.db, request.viewer, request.params.name);
      return sendPage(reply, <SignupPage ctx={pageContext(request, reply)} collection={row} settings={settings} values={input} errors={error.fields} />, 422);
    }
    setFlash(reply, 'Signed up. You will get your assignment once the maintainers send them.');
    return reply.redirect(path(request.params.name), 303);
  });
  app.get<NameParams>('/collections/:name/exchange', async (request, reply) => {
    await requireMaintainer(request.server.db, request.viewer, request.params.name);
    const { row, settings } = await getExchange(request.server.db, request.viewer, request.params.name);
    const values: SettingsInput = {
      opensAt: revealField(settings.signups_open_at), closesAt: revealField(settings.signups_close_at), dueAt: revealField(settings.due_at),
      fandomsMax: String(settings.fandoms_max), matchTypes: settings.match_types.split(','), matchCount: String(settings.match_count),
    };
    return sendPage(reply, <ExchangeSettingsPage ctx={pageContext(request, reply)} collection={row} values={values} errors={{}} />);
  });
  app.post<NameParams>('/collections/:name/exchange', async (request, reply) => {
    const form = formOf(request);
    const input: SettingsInput = {
      opensAt: field(form, 'opensAt'), closesAt: field(form, 'closesAt'), dueAt: field(form, 'dueAt'),
      fandomsMax: field(form, 'fandomsMax'), matchTypes: fieldList(form, 'matchTypes'), matchCount: field(form, 'matchCount'),
    };
    try {
      await saveSettings(request.server.db, request.viewer, request.params.name, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const { row } = await getExchange(request.server.db, request.viewer, request.params.name);
      return sendPage(reply, <ExchangeSettingsPage ctx={pageContext(request, reply)} collection={row} values={input} errors={error.fields} />, 422);
    }
    setFlash(reply, 'Exchange settings saved.');
    return reply.redirect(path(request.params.name), 303);
  });
  app.get<NameParams>('/collections/:name/assignments', (request, reply) => assignmentsPage(request, reply));
  app.post<NameParams>('/collections/:name/matching', (request, reply) => onAssignments(request, reply, async () => {
    const { matched, unmatched } = await runMatching(request.server.db, request.viewer, request.params.name);
    setFlash(reply, `Matched ${matched}; ${unmatched} without a writer.`);
    return request.params.name;
  }, ''));
  app.post<NameParams>('/collections/:name/assignments/swap', (request, reply) => {
    const form = formOf(request);
    return onAssignments(request, reply, () => swapRecipients(request.server.db, request.viewer, Number(field(form, 'first')), Number(field(form, 'second'))), 'Recipients swapped.');
  });
  app.post<NameParams>('/collections/:name/assignments/send', (request, reply) => onAssignments(request, reply, async () => {
    await sendAssignments(request.server.db, request.viewer, request.params.name);
    return request.params.name;
  }, 'Assignments sent.'));
  app.post<IdParams>('/assignments/:id/fulfil', (request, reply) => {
    const work = field(formOf(request), 'work');
    return onAssignments(request, reply, () => fulfilAssignment(request.server.db, request.viewer, idParam(request.params.id), work), 'Fulfilled: your gift is in the collection.');
  });
  app.post<IdParams>('/assignments/:id/default', (request, reply) => onAssignments(request, reply, () => defaultAssignment(request.server.db, request.viewer, idParam(request.params.id)), 'Defaulted. Thank you for saying so.'));
  app.post<IdParams>('/assignments/:id/pinch_hit', (request, reply) => {
    const login = field(formOf(request), 'login');
    return onAssignments(request, reply, () => pinchHit(request.server.db, request.viewer, idParam(request.params.id), login), 'Given to the pinch hitter, who has been sent it.');
  });
}
