// Contests on the pages:
//
//   GET  /collections/:name/contest, POST ...   the windows and categories (maintainers)
//   GET  /collections/:name/vote                the ballot
//   POST /collections/:name/votes               one vote: category, work_id
//   GET  /collections/:name/results             the results (everyone once voting closes; maintainers always)
//   GET  /collections/:name/votes/audit         every ballot (maintainers)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { requireMaintainer } from './collection.service.js';
import { revealField } from './collection.validation.js';
import { auditOf, ballotOf, castVote, getContest, resultsOf, saveContestSettings, type ContestSettingsInput } from './contest.service.js';
import { AuditPage, BallotPage, ContestSettingsPage, ResultsPage } from './views/contest-pages.js';

type NameParams = { Params: { name: string } };
const path = (name: string) => `/collections/${encodeURIComponent(name)}`;

async function ballotPage(request: FastifyRequest<NameParams>, reply: FastifyReply, errors: FieldErrors = {}) {
  const { contest, entries, mine } = await ballotOf(request.server.db, request.viewer, request.params.name);
  return sendPage(reply, <BallotPage ctx={pageContext(request, reply)} contest={contest} entries={entries} mine={mine} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

/** Routes for contests. */
export function registerContestRoutes(app: FastifyInstance): void {
  app.get<NameParams>('/collections/:name/contest', async (request, reply) => {
    await requireMaintainer(request.server.db, request.viewer, request.params.name);
    const { row, settings } = await getContest(request.server.db, request.viewer, request.params.name);
    const values: ContestSettingsInput = { submissionsCloseAt: revealField(settings.submissions_close_at), votingClosesAt: revealField(settings.voting_closes_at), categories: settings.categories };
    return sendPage(reply, <ContestSettingsPage ctx={pageContext(request, reply)} collection={row} values={values} errors={{}} />);
  });
  app.post<NameParams>('/collections/:name/contest', async (request, reply) => {
    const form = formOf(request);
    const input: ContestSettingsInput = { submissionsCloseAt: field(form, 'submissionsCloseAt'), votingClosesAt: field(form, 'votingClosesAt'), categories: field(form, 'categories') };
    try {
      await saveContestSettings(request.server.db, request.viewer, request.params.name, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const { row } = await getContest(request.server.db, request.viewer, request.params.name);
      return sendPage(reply, <ContestSettingsPage ctx={pageContext(request, reply)} collection={row} values={input} errors={error.fields} />, 422);
    }
    setFlash(reply, 'Contest settings saved.');
    return reply.redirect(path(request.params.name), 303);
  });
  app.get<NameParams>('/collections/:name/vote', (request, reply) => ballotPage(request, reply));
  app.post<NameParams>('/collections/:name/votes', async (request, reply) => {
    const form = formOf(request);
    const category = field(form, 'category');
    try {
      await castVote(request.server.db, request.viewer, request.params.name, category, Number(field(form, 'work_id')));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return ballotPage(request, reply, error.fields);
    }
    setFlash(reply, `Your vote in ${category} is cast.`);
    return reply.redirect(`${path(request.params.name)}/vote`, 303);
  });
  app.get<NameParams>('/collections/:name/results', async (request, reply) => {
    const { contest, results } = await resultsOf(request.server.db, request.viewer, request.params.name);
    return sendPage(reply, <ResultsPage ctx={pageContext(request, reply)} contest={contest} results={results} />);
  });
  app.get<NameParams>('/collections/:name/votes/audit', async (request, reply) => {
    const { contest, ballots } = await auditOf(request.server.db, request.viewer, request.params.name);
    return sendPage(reply, <AuditPage ctx={pageContext(request, reply)} contest={contest} ballots={ballots} />);
  });
}
