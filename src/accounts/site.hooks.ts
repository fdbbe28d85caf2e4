// Every page learns the archive's announcement before it renders, and a member who has not accepted
// the terms as they stand now is asked to before anything else (the terms, the privacy policy, the
// contact form and logging out stay open to them). The state is read at most once a second.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { freshSiteState, siteState, type SiteState } from './site.service.js';

/** Pages a member who must accept new terms can still open (and the proxied images those pages show). */
const OPEN_WHILE_ASKED = /^\/(terms|privacy|contact|users\/logout|login|images\/external)(\/|\?|$)/;

function apply(request: FastifyRequest, reply: FastifyReply, state: SiteState): boolean {
  request.announcement = state.announcement;
  const user = request.viewer.user;
  if (user === null || request.viewer.via !== 'session' || user.termsVersion >= state.termsVersion || OPEN_WHILE_ASKED.test(request.url)) return false;
  void reply.redirect(`/terms/accept?return_to=${encodeURIComponent(request.url)}`, 303);
  return true;
}

/** Registers the hook that reads the announcement and asks members to accept changed terms. */
export function registerSiteState(app: FastifyInstance): void {
  app.addHook('preHandler', (request, reply, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
      done();
      return;
    }
    // Most requests find the state read within the last second: answered without a promise.
    const fresh = freshSiteState(app.db);
    if (fresh !== null) {
      if (!apply(request, reply, fresh)) done();
      return;
    }
    siteState(app.db).then((state) => { if (!apply(request, reply, state)) done(); }, (error: unknown) => done(error as Error));
  });
}
