// Co-creators on the pages:
//
//   GET  /works/:id/creators, POST /works/:id/creators     the creators, and inviting one (its creators)
//   POST /works/:id/creators/leave                         stop being a creator
//   GET  /users/:login/creator_invitations                 one's own invitations
//   POST /works/:id/creator_invitations/:pseudId/accept    accept (the invitee)
//   POST /works/:id/creator_invitations/:pseudId/delete    decline (the invitee) or take back (a creator)
//   GET  /works/:id/orphan, POST /works/:id/orphan           hand one's part of a work to the orphan account
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { field, formOf, idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { acceptInvitation, creatorsOf, dropInvitation, invitationsOf, inviteCoCreator, leaveWork } from './co-creator.service.js';
import { requireCreator } from '../access/permissions.js';
import { orphanWork } from './orphan.service.js';
import { InvitationsPage, OrphanPage, WorkCreatorsPage } from './views/co-creator-pages.js';

type IdParams = { Params: { id: string } };
type InvitationParams = { Params: { id: string; pseudId: string } };

async function creatorsPage(request: FastifyRequest<IdParams>, reply: FastifyReply, invitee = '', errors: FieldErrors = {}) {
  const workId = idParam(request.params.id);
  const view = await creatorsOf(request.server.db, request.viewer, workId);
  return sendPage(reply, <WorkCreatorsPage ctx={pageContext(request, reply)} workId={workId} view={view} invitee={invitee} errors={errors} />, Object.keys(errors).length > 0 ? 422 : 200);
}

const invitationsPath = (request: FastifyRequest) => `/users/${encodeURIComponent(request.viewer.user?.login ?? '')}/creator_invitations`;

/** Routes for co-creators. */
export function registerCoCreatorRoutes(app: FastifyInstance): void {
  app.get<IdParams>('/works/:id/creators', (request, reply) => creatorsPage(request, reply));
  app.post<IdParams>('/works/:id/creators', async (request, reply) => {
    const invitee = field(formOf(request), 'invitee');
    try {
      const named = await inviteCoCreator(request.server.db, request.viewer, idParam(request.params.id), invitee);
      setFlash(reply, `Invited ${named}. They are shown as a creator once they accept.`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return creatorsPage(request, reply, invitee, error.fields);
      throw error;
    }
    return reply.redirect(`/works/${request.params.id}/creators`, 303);
  });
  app.post<IdParams>('/works/:id/creators/leave', async (request, reply) => {
    try {
      await leaveWork(request.server.db, request.viewer, idParam(request.params.id));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return creatorsPage(request, reply, '', error.fields);
      throw error;
    }
    setFlash(reply, 'You are no longer a creator of that work.');
    return reply.redirect(`/users/${encodeURIComponent(request.viewer.user?.login ?? '')}/works`, 303);
  });
  app.get<IdParams>('/works/:id/orphan', async (request, reply) => {
    const workId = idParam(request.params.id);
    const work = await requireCreator(request.server.db, request.viewer, workId);
    return sendPage(reply, <OrphanPage ctx={pageContext(request, reply)} workId={workId} title={work.title} />);
  });
  app.post<IdParams>('/works/:id/orphan', async (request, reply) => {
    const workId = idParam(request.params.id);
    const whole = await orphanWork(request.server.db, request.viewer, workId, field(formOf(request), 'keep_pseud') !== '0');
    setFlash(reply, whole ? 'Orphaned: the work now belongs to the orphan account.' : 'Orphaned: you are no longer among its creators.');
    return reply.redirect(`/works/${workId}`, 303);
  });
  app.get<{ Params: { login: string } }>('/users/:login/creator_invitations', async (request, reply) => {
    const { invitations } = await invitationsOf(request.server.db, request.viewer, request.params.login);
    return sendPage(reply, <InvitationsPage ctx={pageContext(request, reply)} invitations={invitations} />);
  });
  app.post<InvitationParams>('/works/:id/creator_invitations/:pseudId/accept', async (request, reply) => {
    const workId = idParam(request.params.id);
    await acceptInvitation(request.server.db, request.viewer, workId, idParam(request.params.pseudId));
    setFlash(reply, 'Accepted: you are a creator of this work.');
    return reply.redirect(`/works/${workId}`, 303);
  });
  app.post<InvitationParams>('/works/:id/creator_invitations/:pseudId/delete', async (request, reply) => {
    const workId = idParam(request.params.id);
    const done = await dropInvitation(request.server.db, request.viewer, workId, idParam(request.params.pseudId));
    setFlash(reply, done === 'declined' ? 'Invitation declined.' : 'Invitation taken back.');
    return reply.redirect(done === 'declined' ? invitationsPath(request) : `/works/${workId}/creators`, 303);
  });
}
