// Blocking, from a member's profile and their own list:
//   POST /users/:login/block, /users/:login/unblock     the viewer blocks (or unblocks) :login
//   GET  /users/:login/blocked                          the owner's list of whom they blocked
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { blockedBy } from '../access/blocking.js';
import { requireUser } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { forbidden, invalid } from '../http/errors.js';
import { sendPage } from '../http/render.js';
import { nowIso } from '../lib/clock.js';
import { Layout } from '../views/layout.js';
import { PostButton } from '../views/forms.js';
import type { PageContext } from '../http/context.js';
import * as blocks from './block.repository.js';
import { getUserByLogin } from './user.service.js';

type LoginParams = { Params: { login: string } };

function BlockedPage({ ctx, blocked }: { ctx: PageContext; blocked: Array<{ login: string; created_at: string }> }) {
  return (
    <Layout ctx={ctx} title="Blocked" mainClass="narrow">
      <h2 class="heading">Whom you blocked</h2>
      <p>Someone you blocked cannot comment on your works, reply to your comments, leave kudos on your works, give you gifts or invite you to co-create; you no longer see their comments. They are not told.</p>
      {blocked.length === 0 ? <p>Nobody.</p> : (
        <ul class="blocked-list">
          {blocked.map((b) => <li><a href={`/users/${b.login}/pseuds`}>{b.login}</a>, since {b.created_at.slice(0, 10)} <PostButton ctx={ctx} action={`/users/${b.login}/unblock`} label="Unblock" /></li>)}
        </ul>
      )}
    </Layout>
  );
}

async function setBlock(request: FastifyRequest<LoginParams>, reply: FastifyReply, on: boolean) {
  const user = requireUser(request.viewer, 'Log in to block someone.');
  const { db } = request.server;
  const other = await getUserByLogin(db, request.params.login);
  if (other.id === user.id) throw invalid({ login: 'You cannot block yourself.' });
  if (on && other.is_admin === 1) throw forbidden('Administrators cannot be blocked: write to them through the contact page instead.');
  if (on) await blocks.insertBlock(db, user.id, other.id, nowIso());
  else await blocks.deleteBlock(db, user.id, other.id);
  setFlash(reply, on
    ? `You blocked ${other.login}. They can no longer comment on your works, reply to you, leave kudos, give you gifts or invite you; their comments are hidden from you.`
    : `You unblocked ${other.login}.`);
  return reply.redirect(on ? `/users/${other.login}/pseuds` : `/users/${user.login}/blocked`, 303);
}

/** Whether the viewer has blocked a member (the profile's Block or Unblock button). */
export async function viewerBlocked(request: FastifyRequest, otherId: number): Promise<boolean> {
  const user = request.viewer.user;
  return user !== null && await blockedBy(request.server.db, user.id, otherId);
}

/** Routes for blocking. */
export function registerBlockRoutes(app: FastifyInstance): void {
  app.post<LoginParams>('/users/:login/block', (request, reply) => setBlock(request, reply, true));
  app.post<LoginParams>('/users/:login/unblock', (request, reply) => setBlock(request, reply, false));
  app.get<LoginParams>('/users/:login/blocked', async (request, reply) => {
    const user = requireUser(request.viewer, 'Log in to see whom you blocked.');
    if (user.login.toLowerCase() !== request.params.login.toLowerCase()) throw forbidden('This list is its owner\'s alone.');
    return sendPage(reply, <BlockedPage ctx={pageContext(request, reply)} blocked={await blocks.listBlocked(request.server.db, user.id)} />);
  });
}
