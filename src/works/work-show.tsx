// Showing a work to a reader: the adult notice first where needed, then one chapter or the entire work.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readingOf } from '../access/viewer.js';
import { ADULT_COOKIE, cookieOptions } from '../http/cookies.js';
import { pageContext, sharedPageContext, type PageContext } from '../http/context.js';
import { csrfToken } from '../http/csrf.js';
import { notFound } from '../http/errors.js';
import { heavy } from '../http/heavy-gate.js';
import { idParam } from '../http/form-values.js';
import { renderPage, sendHtml } from '../http/render.js';
import type { FilledPage } from '../http/page-slots.js';
import { ADULT_RATINGS } from '../tags/fixed-tags.js';
import { getAllChaptersForReader, getChapterForReader, getWorkForReader, type ReaderWork } from './reading.service.js';
import { AdultNoticePage } from './views/reader-pages.js';
import { DraftBanner } from './views/preview-banner.js';
import { WorkPage } from './views/work-page.js';
import { announcementBytes } from '../views/announcement.js';
import { downloadLinks } from './download-links.js';
import { guestKudosAllowed } from '../accounts/settings.service.js';
import { recordRead, viewerMarkedForLater, viewerSubscription, workCommentsHtml, workKudosHtml } from './work-feedback.js';
import type { FeedbackView } from './views/work-feedback.js';
import { seriesPlacements } from './work-series.js';
import { giftRecipients } from './work-associations.js';
import { workCollections } from './work-collections.js';
import { relatedOf } from './related.service.js';

type ShowQuery = { view_full_work?: string; view_adult?: string; show_comments?: string };

function withParam(url: string, name: string, value: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set(name, value);
  return `${path ?? ''}?${params.toString()}`;
}

/** True when the reader must first see the adult notice; remembers "Proceed" in a cookie (a member may have chosen never to see it). */
function needsAdultNotice(request: FastifyRequest, reply: FastifyReply, reader: ReaderWork): boolean {
  const rating = reader.work.tags.rating[0] ?? 'Not Rated';
  if (!ADULT_RATINGS.includes(rating) || reader.isCreator || readingOf(request.viewer).showAdult) return false;
  if ((request.query as ShowQuery).view_adult === 'true') {
    reply.setCookie(ADULT_COOKIE, 'true', cookieOptions(request.server.config));
    return false;
  }
  return request.cookies[ADULT_COOKIE] !== 'true';
}

/** Whether /works/:id shows every chapter: asked for in the address (true or false), else the member's choice. */
function wantsFullWork(request: FastifyRequest): boolean {
  const asked = (request.query as ShowQuery).view_full_work;
  return asked === undefined ? readingOf(request.viewer).fullWork : asked === 'true';
}

/** The cache key for a guest's request that may be answered from the page cache, or null. */
function guestCacheKey(request: FastifyRequest): string | null {
  if (request.viewer.user !== null || request.flash !== null || request.server.config.pageCacheBytes === 0) return null;
  const query = request.query as Record<string, string | undefined>;
  if (Object.keys(query).some((name) => name !== 'view_full_work')) return null;
  return `${request.url}|${request.cookies[ADULT_COOKIE] === 'true' ? 'adult-ok' : ''}`;
}

/** GET /works/:id and /works/:id/chapters/:chapterId. */
export async function showWork(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, chapterId: number | null) {
  const { db, workPages } = request.server;
  const workId = idParam(request.params.id);
  const cacheKey = guestCacheKey(request);
  // A guest's page is rendered once for every guest; this guest's own values go into its slots.
  const visitor = { csrf: () => csrfToken(request, reply, request.server.config.sessionSecret), announcement: () => announcementBytes(pageContext(request, reply), request.server.config) };
  const cached = cacheKey !== null && Number.isSafeInteger(workId) ? await workPages.serve(db, workId, cacheKey, visitor) : undefined;
  if (cached !== undefined) {
    noteRead(request, workId, false);
    return sendFilled(reply, cached);
  }
  const reader = await getWorkForReader(db, request.viewer, workId);
  const guestKudos = await guestKudosAllowed(db);
  const { config } = request.server;
  const notice = needsAdultNotice(request, reply, reader);
  const place = { chapterId, full: !notice && chapterId === null && wantsFullWork(request), notice };
  const respond = async () => {
    if (cacheKey === null) return sendHtml(reply, renderPage(await readerPage(request, reply, pageContext(request, reply), reader, place, guestKudos), config));
    const shared = renderPage(await readerPage(request, reply, sharedPageContext(request), reader, place, guestKudos), config);
    return sendFilled(reply, await workPages.keep(db, cacheKey, workId, { version: reader.work.contentVersion, guestKudos }, shared, visitor));
  };
  // Reading and rendering a long work whole is heavy work (src/http/heavy-gate.ts); a guest's copy is then kept.
  return place.full && wordsReadable(reader) >= ENTIRE_WORK_HEAVY_WORDS ? heavy(request, respond) : respond();
}

/** Past this many words, the entire work on one page is heavy work: bounded, its chapters read off the event loop. */
export const ENTIRE_WORK_HEAVY_WORDS = 20_000;

function wordsReadable(reader: ReaderWork): number {
  return reader.chapters.reduce((words, chapter) => words + chapter.wordCount, 0);
}

/** Tells the hit counter of this read (it only notes it: the count is written later, off the reading path). */
function noteRead(request: FastifyRequest, workId: number, isCreator: boolean): void {
  const userAgent = request.headers['user-agent'] ?? '';
  recordRead(request.server.db, {
    workId, userId: request.viewer.user?.id ?? null, address: request.ip, userAgent, isCreator,
  });
}

/** Sends a filled page; once the response is handed to the operating system ('finish'), its buffer may serve another. */
function sendFilled(reply: FastifyReply, page: FilledPage) {
  reply.raw.once('finish', page.sent);
  return sendHtml(reply, page.body);
}

/** What the page shows: the adult notice, the entire work, or one chapter (the first when none is named). */
type Place = { chapterId: number | null; full: boolean; notice: boolean };

async function readerPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, reader: ReaderWork, { chapterId, full, notice }: Place, guestKudos: boolean) {
  const { db } = request.server;
  if (notice) {
    return <AdultNoticePage ctx={ctx} work={reader.work} proceedHref={withParam(request.url, 'view_adult', 'true')} />;
  }
  noteRead(request, reader.work.id, reader.isCreator);
  let shown;
  // A page kept for every guest under this content version reads what that version holds (the
  // primary); a page for one reader may read where a little staleness is fine (SQLite's reader threads).
  if (full) shown = await getAllChaptersForReader(ctx.shared ? db : request.readDb, reader);
  else {
    const id = chapterId ?? reader.chapters[0]?.id ?? null;
    if (id === null) throw notFound('work_not_found');
    shown = [await getChapterForReader(db, reader, id)];
  }
  const banner = !reader.work.posted ? <DraftBanner ctx={ctx} workId={reader.work.id} /> : undefined;
  const downloads = downloadLinks(reader.work, request.server.config.ebookConvert !== null);
  const feedback = await feedbackView(request, ctx, reader, guestKudos, { chapterId: full ? null : shown[0]?.id ?? null, full });
  const series = await seriesPlacements(db, request.viewer, reader.work.id);
  const gifts = await giftRecipients(db, reader.work.id);
  const collections = await workCollections(db, request.viewer, reader.work.id);
  const related = await relatedOf(db, request.viewer, reader.work.id);
  return <WorkPage ctx={ctx} work={reader.work} shown={shown} index={reader.chapters} mode={full ? 'full' : 'chapter'} isCreator={reader.isCreator} banner={banner} downloads={downloads} feedback={feedback} series={series} gifts={gifts} collections={collections} related={related} />;
}

/** Who may press Kudos here, and the kudos line (on a page shared by guests, its slot). */
async function feedbackView(request: FastifyRequest, ctx: PageContext, reader: ReaderWork, guestKudos: boolean, place: { chapterId: number | null; full: boolean }): Promise<FeedbackView> {
  const { db } = request.server;
  const workId = reader.work.id;
  const mayGive = reader.work.posted && !reader.isCreator && (request.viewer.user !== null || guestKudos);
  const first = reader.chapters[0]?.id;
  const pagePath = place.full ? `/works/${workId}?view_full_work=true` : place.chapterId === null || place.chapterId === first ? `/works/${workId}` : `/works/${workId}/chapters/${place.chapterId}`;
  const show = (request.query as { show_comments?: string }).show_comments === 'true';
  // A draft takes no comments: its creator sees no comments area.
  const commentsHtml = reader.work.posted ? await workCommentsHtml({ db, viewer: request.viewer, ctx, reader, chapterId: place.chapterId, pagePath, show }) : '';
  const bookmarkLink = reader.work.posted && request.viewer.user !== null;
  const subscribes = bookmarkLink && !reader.isCreator;
  const subscription = subscribes ? await viewerSubscription(db, request.viewer, 'work', workId) : undefined;
  const later = subscribes ? await viewerMarkedForLater(db, request.viewer, workId) : undefined;
  return {
    kudosButton: mayGive, bookmarkLink, kudosHtml: ctx.shared ? null : await workKudosHtml(db, workId), commentsHtml,
    ...(subscription === undefined ? {} : { subscription }), ...(later === undefined ? {} : { later }),
  };
}
