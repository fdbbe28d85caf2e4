// buildApp(config, db): shared plugins, then each domain's routes. Listening happens in main.ts only.
import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sql, type Kysely } from 'kysely';
import { registerAccountRoutes } from './accounts/account.routes.js';
import { registerPseudRoutes } from './accounts/pseud.routes.js';
import { registerRecoveryRoutes, registerRenameRedirects } from './accounts/recovery.routes.js';
import { registerTwoFactorRoutes } from './accounts/two-factor.routes.js';
import { registerBlockRoutes } from './accounts/block.routes.js';
import { registerInvitationRoutes } from './accounts/invitation.routes.js';
import { registerAdminRoutes } from './accounts/admin.routes.js';
import { resumeSession, userForApiToken } from './accounts/session.service.js';
import { loginRequiredPage } from './accounts/views/account-pages.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerAssets } from './http/assets.js';
import { registerApiDocs } from './http/api-docs.routes.js';
import { registerBodyParsers } from './http/body-parsers.js';
import { registerContext } from './http/context.js';
import { registerReadDb } from './http/read-db.js';
import { registerErrorHandler } from './http/error-handler.js';
import { isApiRequest, registerRequestGuards } from './http/request-guards.js';
import { recordRoutes } from './http/route-table.js';
import { registerRequestLimiter, RequestLimiter } from './http/request-limiter.js';
import { validationError } from './http/validation-errors.js';
import { registerTagAutocompleteApi } from './tags/autocomplete.api.js';
import { registerTagFeedRoutes } from './feeds/feed.routes.js';
import { registerTagRoutes } from './tags/tag.routes.js';
import { registerSearchRoutes } from './search/search.routes.js';
import { registerDownloadRoutes } from './downloads/download.routes.js';
import { registerOpdsRoutes } from './opds/opds.routes.js';
import { registerImportApi } from './importing/import.api.js';
import { registerImportRoutes } from './importing/import.routes.js';
import { ImportRunner } from './importing/import-runner.js';
import { registerChapterRoutes } from './works/chapter.routes.js';
import { registerListingRoutes } from './works/listing.routes.js';
import { registerWorkApi } from './works/work.api.js';
import { registerWorkRoutes } from './works/work.routes.js';
import { registerKudosRoutes } from './feedback/kudos.routes.js';
import { registerKudosApi } from './feedback/kudos.api.js';
import { registerCommentRoutes } from './feedback/comment.routes.js';
import { registerCommentApi } from './feedback/comment.api.js';
import { registerBookmarkRoutes } from './feedback/bookmark.routes.js';
import { registerInboxCount } from './feedback/inbox.hooks.js';
import { registerSiteState } from './accounts/site.hooks.js';
import { registerSiteRoutes } from './accounts/site.routes.js';
import { registerInboxRoutes } from './feedback/inbox.routes.js';
import { registerSubscriptionRoutes } from './feedback/subscription.routes.js';
import { registerHitCounter } from './feedback/hits.js';
import { registerFeedbackApi } from './feedback/feedback.api.js';
import { registerStatsRoutes } from './feedback/stats.routes.js';
import { registerReadingRoutes } from './feedback/reading.routes.js';
import { registerSeriesRoutes } from './series/series.routes.js';
import { registerSeriesApi } from './series/series.api.js';
import { registerGiftRoutes } from './gifts/gift.routes.js';
import { registerCollectionRoutes } from './collections/collection.routes.js';
import { registerPromptRoutes } from './collections/prompt.routes.js';
import { registerExchangeRoutes } from './collections/exchange.routes.js';
import { registerContestRoutes } from './collections/contest.routes.js';
import { registerCoCreatorRoutes } from './works/co-creator.routes.js';
import { registerRelatedRoutes } from './works/related.routes.js';
import { registerMuteRoutes } from './works/mute.routes.js';
import { registerAccountDeletionRoutes } from './works/account-deletion.routes.js';
import { registerPseudChangeRoutes } from './works/pseud-changes.routes.js';
import { registerModerationRoutes } from './moderation/moderation.routes.js';
import { registerImageProxyRoutes } from './images/image-proxy.routes.js';
import { JobQueue } from './jobs/job-queue.js';
import { countJobs } from './jobs/job.repository.js';
import { registerJobRoutes } from './jobs/job.routes.js';
import { setMailSite } from './mail/mail-site.js';
import { registerJobHandlers, wireDomains } from './wiring.js';
import { registerHealth } from './http/health.js';
import { registerHeavyGate } from './http/heavy-gate.js';
import { registerMetrics } from './http/metrics.js';
import { pendingMigrations } from './db/migrate.js';
import { poolUse } from './db/connect.js';
import { describeReplica, replicaOf } from './db/replica.js';
import { countOutboxByStatus } from './mail/outbox.repository.js';
import { reportEventFailuresTo } from './events/bus.js';

export type AppOptions = {
  logger?: boolean;
  /** Where reads that may be a little stale go (a read replica, src/db/read-routing.ts); default the primary. */
  readDb?: Kysely<Database>;
};

/**
 * Sent with every response: no sniffing, no framing, no inline or third-party scripts, no
 * powerful browser features, a window of our own; and on https, https only from then on.
 * Images load from other hosts only when the operator chose EXTERNAL_IMAGES=direct: otherwise
 * the policy itself keeps a reader's browser from asking an image host for anything.
 */
export function securityHeaders(config: Config): Record<string, string> {
  const images = config.externalImages.mode === 'direct' ? "img-src 'self' https: http: data:" : "img-src 'self' data:";
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': `default-src 'self'; ${images}; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** An API answer that does not say how to cache it depends on who asks: no shared cache may keep it. */
const API_PRIVATE = { 'cache-control': 'private, no-cache', vary: 'Authorization, Cookie' };

let requestCount = 0;
const PROCESS_MARK = randomBytes(4).toString('hex');

/** The id of a request: the proxy's X-Request-Id when it sent a sane one, else this process's mark and a count. */
function requestId(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  if (typeof sent === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(sent)) return sent;
  requestCount += 1;
  return `${PROCESS_MARK}-${requestCount.toString(36)}`;
}

/** Builds the whole application on an open database, without listening. */
export async function buildApp(config: Config, db: Kysely<Database>, options: AppOptions = {}): Promise<FastifyInstance> {
  wireDomains();
  const app = Fastify({
    logger: options.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    // One line per request costs a third of a page's time under load; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // API bodies are checked as sent: a number is not silently taken for a string.
    ajv: { customOptions: { coerceTypes: false, allowUnionTypes: true } },
    schemaErrorFormatter: validationError,
    // nginx's X-Request-Id (or a new one) names the request in every log line and in the answer's header.
    genReqId: requestId,
  });
  app.decorate('config', config);
  app.decorate('db', db);
  registerReadDb(app, options.readDb ?? db);
  const replica = replicaOf(app.readDb);
  registerHeavyGate(app, config.heavyWork);
  setMailSite({ archiveName: config.archiveName, baseUrl: config.baseUrl, secret: config.sessionSecret, externalImages: config.externalImages.mode });
  // Every app server queues jobs; with RUN_JOBS on it runs them too (src/jobs, decision 042).
  const jobs = new JobQueue(db, { log: app.log });
  const handlers = registerJobHandlers(jobs, db, { smtp: config.smtp, from: config.mailFrom }, app.log);
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => { if (config.runJobs) jobs.start(); });
  app.addHook('onClose', async () => {
    await jobs.stop(config.shutdownGraceMs);
    handlers.close();
  });
  app.decorate('importRunner', new ImportRunner());
  registerHitCounter(app);
  reportEventFailuresTo((error, event) => app.log.error({ err: error, event }, 'an after-commit subscriber failed'));
  recordRoutes(app);
  await app.register(cookie);
  registerBodyParsers(app);
  registerErrorHandler(app, loginRequiredPage);
  registerContext(app, { bySession: resumeSession, byApiToken: userForApiToken });
  const limiter = new RequestLimiter(db, config.requestLimits, (error) => app.log.error({ err: error }, 'sharing request counts failed'));
  app.decorate('requestLimiter', limiter);
  registerRequestLimiter(app, limiter);
  registerRequestGuards(app);
  registerRenameRedirects(app);
  registerInboxCount(app);
  registerSiteState(app);
  registerHealth(app, {
    database: async () => { await sql`select 1`.execute(db); return null; },
    migrations: async () => {
      const pending = await pendingMigrations(db);
      return pending.length === 0 ? null : `${pending.length} pending: ${pending.join(', ')}`;
    },
    queue: async () => { await countJobs(db); return null; },
  }, replica === undefined ? {} : { replica: () => describeReplica(replica.state) });
  registerMetrics(app, config.metricsToken, [
    { name: 'bindery_work_page_cache_events', help: 'Guests\' work pages: answered from the cache (hit), not (miss), pages kept (stored), since start', labelNames: ['outcome'],
      read: () => Object.entries(app.workPages.counts).map(([outcome, value]) => ({ labels: { outcome: outcome === 'hits' ? 'hit' : outcome === 'misses' ? 'miss' : 'stored' }, value })) },
    { name: 'bindery_download_cache_events', help: 'Downloads: served from memory or built, since start', labelNames: ['outcome'],
      read: () => Object.entries(app.downloadFiles.counts).map(([outcome, value]) => ({ labels: { outcome }, value })) },
    { name: 'bindery_mail_outbox_messages', help: 'Email in the outbox by state: pending is the queue\'s depth, failed gave up', labelNames: ['status'],
      read: async () => (await countOutboxByStatus(db)).map((r) => ({ labels: { status: r.status }, value: r.n })) },
    { name: 'bindery_jobs', help: 'Jobs in the queue by kind and state: queued is the depth, running the work in hand, failed gave up', labelNames: ['kind', 'state'],
      read: async () => (await countJobs(db)).map((r) => ({ labels: { kind: r.kind, state: r.state }, value: r.n })) },
    { name: 'bindery_job_failures_total', help: 'Job attempts that threw in this process, by kind, since start (each is retried until its last attempt)', labelNames: ['kind'], type: 'counter',
      read: () => [...jobs.failures].map(([kind, value]) => ({ labels: { kind }, value })) },
    { name: 'bindery_imports', help: 'Story files being read (running) and waiting for a worker', labelNames: ['state'],
      read: () => Object.entries(app.importRunner.load).map(([state, value]) => ({ labels: { state }, value })) },
    { name: 'bindery_heavy_requests', help: 'Heavy requests (search, entire works, download builds, imports): running, waiting for a place, refused with 503 since start', labelNames: ['state'],
      read: () => [...Object.entries(app.heavyGate.load).map(([state, value]) => ({ labels: { state }, value })), { labels: { state: 'refused' }, value: app.heavyGate.refused }] },
    { name: 'bindery_db_pool_connections', help: 'PostgreSQL connections of this process: open (total), idle, and requests waiting for one', labelNames: ['state'],
      read: () => Object.entries(poolUse(db) ?? {}).map(([state, value]) => ({ labels: { state }, value })) },
    ...(replica === undefined ? [] : [
      { name: 'bindery_db_replica_in_use', help: 'Whether stale-tolerant reads go to the read replica (1) or, it being down or behind, to the primary (0)',
        read: () => [{ value: replica.state.inUse ? 1 : 0 }] },
      { name: 'bindery_db_replica_lag_seconds', help: 'How far behind the primary the read replica was at its last check (absent when it could not be asked)',
        read: () => (replica.state.lagSeconds === null ? [] : [{ value: replica.state.lagSeconds }]) },
    ]),
  ]);
  const headers = securityHeaders(config);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    if (!reply.hasHeader('cache-control') && isApiRequest(request)) reply.headers(API_PRIVATE);
    done(null, payload);
  });
  registerAssets(app);
  registerImageProxyRoutes(app);
  registerAccountRoutes(app);
  registerPseudRoutes(app);
  registerRecoveryRoutes(app);
  registerSiteRoutes(app);
  registerTwoFactorRoutes(app);
  registerBlockRoutes(app);
  registerInvitationRoutes(app);
  registerAdminRoutes(app);
  registerSearchRoutes(app);
  registerListingRoutes(app);
  registerTagRoutes(app);
  registerTagFeedRoutes(app);
  registerImportRoutes(app);
  registerWorkRoutes(app);
  registerChapterRoutes(app);
  registerDownloadRoutes(app);
  registerOpdsRoutes(app);
  registerImportApi(app);
  registerWorkApi(app);
  registerKudosRoutes(app);
  registerKudosApi(app);
  registerCommentRoutes(app);
  registerCommentApi(app);
  registerBookmarkRoutes(app);
  registerInboxRoutes(app);
  registerSubscriptionRoutes(app);
  registerFeedbackApi(app);
  registerStatsRoutes(app);
  registerReadingRoutes(app);
  registerSeriesRoutes(app);
  registerSeriesApi(app);
  registerGiftRoutes(app);
  registerCollectionRoutes(app);
  registerPromptRoutes(app);
  registerExchangeRoutes(app);
  registerContestRoutes(app);
  registerCoCreatorRoutes(app);
  registerRelatedRoutes(app);
  registerMuteRoutes(app);
  registerAccountDeletionRoutes(app);
  registerPseudChangeRoutes(app);
  registerModerationRoutes(app);
  registerJobRoutes(app);
  registerTagAutocompleteApi(app);
  registerApiDocs(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's job runner (src/jobs/job-queue.ts): email, digests, reveals; tests call runOnce() rather than wait. */
    jobs: JobQueue;
    /** The general rate limit's counter (src/http/request-limiter.ts); tests call sync() rather than wait. */
    requestLimiter: RequestLimiter;
    /** Reads uploads in worker threads (src/importing/import-runner.ts). */
    importRunner: ImportRunner;
  }
}
