// The job queue for administrators:
//   GET  /admin/jobs               counts by kind and state, the failed jobs, the running ones
//   POST /admin/jobs/:id/retry     queue a failed job again
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../access/permissions.js';
import { pageContext, setFlash } from '../http/context.js';
import { idParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { jobOverview, retryJob } from './job.service.js';
import { JobsPage } from './views/jobs-page.js';

/** Routes of the admin's view of the queue. */
export function registerJobRoutes(app: FastifyInstance): void {
  app.get('/admin/jobs', async (request, reply) => {
    requireAdmin(request.viewer);
    const overview = await jobOverview(request.server.db);
    return sendPage(reply, <JobsPage ctx={pageContext(request, reply)} overview={overview} runsHere={request.server.config.runJobs} />);
  });
  app.post<{ Params: { id: string } }>('/admin/jobs/:id/retry', async (request, reply) => {
    requireAdmin(request.viewer);
    setFlash(reply, await retryJob(request.server.db, idParam(request.params.id)));
    return reply.redirect('/admin/jobs', 303);
  });
}
