// Kudos in the JSON API, with the same rules as the pages (kudos.service.ts):
//
//   GET  /api/v1/works/:id/kudos   who left kudos
//   POST /api/v1/works/:id/kudos   leave kudos (a token is needed, as for every API write)
import type { FastifyInstance } from 'fastify';
import { idParam, pageParam } from '../http/form-values.js';
import { KUDOS_PER_PAGE, kudosCount, kudosGivers, leaveKudos } from './kudos.service.js';
import { leaveKudosSchema, listKudosSchema } from './kudos.schemas.js';
import { guestKeyOf } from './kudos.routes.js';

type WorkParams = { Params: { id: string }; Querystring: { page?: string } };

/** Routes under /api/v1 for kudos. */
export function registerKudosApi(app: FastifyInstance): void {
  app.get<WorkParams>('/api/v1/works/:id/kudos', { schema: listKudosSchema }, async (request) => {
    const page = pageParam(request.query.page);
    const { givers } = await kudosGivers(request.server.db, request.viewer, idParam(request.params.id), page);
    return { users: givers.logins, members: givers.members, guests: givers.guests, page, pages: Math.max(1, Math.ceil(givers.members / KUDOS_PER_PAGE)) };
  });
  app.post<WorkParams>('/api/v1/works/:id/kudos', { schema: leaveKudosSchema }, async (request, reply) => {
    const workId = idParam(request.params.id);
    const outcome = await leaveKudos(request.server.db, request.viewer, workId, guestKeyOf(request));
    const count = outcome.left ? outcome.count : await kudosCount(request.server.db, workId);
    return reply.code(outcome.left ? 201 : 200).send({ kudos: { left: outcome.left, count } });
  });
}
