// Kudos on the pages, at AO3's addresses:
//
//   POST /works/:id/kudos   leave kudos; back to the work with a thank-you (or "already")
//   GET  /works/:id/kudos   everyone who left kudos, 200 names a page
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, setFlash } from '../http/context.js';
import { idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { KUDOS_MESSAGES, KUDOS_PER_PAGE, kudosGivers, leaveKudos } from './kudos.service.js';
import { KudosPage } from './views/kudos-page.js';

type WorkParams = { Params: { id: string }; Querystring: { page?: string } };

/** A guest's address as a keyed hash: enough to tell one address's second kudos, never the address itself. */
export function guestKeyOf(request: FastifyRequest): string {
  return createHmac('sha256', request.server.config.sessionSecret).update(`kudos:${request.ip}`).digest('base64url');
}

/** Back to the page of this work the reader pressed Kudos on (only its path is taken), at the kudos line. */
function backTo(request: FastifyRequest, workId: number): string {
  const work = `/works/${workId}`;
  let path = work;
  try {
    const url = new URL(request.headers.referer ?? '', 'http://referer.invalid');
    if (url.pathname === work || /^\/chapters\/\d+$/.test(url.pathname.slice(work.length))) path = `${url.pathname}${url.search}`;
  } catch {
    // A referer that is not a URL: the work's own page.
  }
  return `${path}#kudos`;
}

async function submitKudos(request: FastifyRequest<WorkParams>, reply: FastifyReply) {
  const workId = idParam(request.params.id);
  const outcome = await leaveKudos(request.server.db, request.viewer, workId, guestKeyOf(request));
  setFlash(reply, outcome.left ? KUDOS_MESSAGES.left : KUDOS_MESSAGES.already);
  return reply.redirect(backTo(request, workId), 303);
}

async function showKudos(request: FastifyRequest<WorkParams>, reply: FastifyReply) {
  const workId = idParam(request.params.id);
  const page = pageParam(request.query.page);
  const { title, givers } = await kudosGivers(request.server.db, request.viewer, workId, page);
  return sendPage(reply, <KudosPage ctx={pageContext(request, reply)} workId={workId} title={title} givers={givers} page={page} perPage={KUDOS_PER_PAGE} />);
}

/** Routes for kudos pages. */
export function registerKudosRoutes(app: FastifyInstance): void {
  app.post<WorkParams>('/works/:id/kudos', submitKudos);
  app.get<WorkParams>('/works/:id/kudos', showKudos);
}
