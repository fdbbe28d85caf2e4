// A creator's statistics (for them alone):
//
//   GET /users/:login/stats       totals, the hits chart (?period=month|year|all), every work's figures (?sort=…&direction=…)
//   GET /users/:login/stats.csv   every work's figures as CSV
import type { FastifyInstance } from 'fastify';
import { pageContext } from '../http/context.js';
import { sendPage } from '../http/render.js';
import { creatorStats, PERIODS, STAT_COLUMNS, type Period, type StatColumn } from './stats.service.js';
import { StatsPage, statsCsv } from './views/stats-page.js';

type StatsRequest = { Params: { login: string }; Querystring: { period?: string; sort?: string; direction?: string } };

/** Routes for statistics. */
export function registerStatsRoutes(app: FastifyInstance): void {
  app.get<StatsRequest>('/users/:login/stats', async (request, reply) => {
    const { period: p, sort: s, direction: d } = request.query;
    const period: Period = p !== undefined && Object.hasOwn(PERIODS, p) ? p as Period : 'month';
    const sort: StatColumn | 'title' = s === 'title' || (STAT_COLUMNS as readonly string[]).includes(s ?? '') ? s as StatColumn | 'title' : 'hits';
    const direction = d === 'asc' ? 'asc' : 'desc';
    const stats = await creatorStats(request.server.db, request.viewer, request.params.login, period);
    return sendPage(reply, <StatsPage ctx={pageContext(request, reply)} login={request.params.login} stats={stats} period={period} sort={sort} direction={direction} />);
  });
  app.get<StatsRequest>('/users/:login/stats.csv', async (request, reply) => {
    const stats = await creatorStats(request.server.db, request.viewer, request.params.login, 'month');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="statistics.csv"').send(statsCsv(stats));
  });
}
