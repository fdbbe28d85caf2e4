// Showing a work to a reader: the adult notice first where needed, then one chapter or the entire work.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADULT_COOKIE, cookieOptions } from '../http/cookies.js';
import { pageContext } from '../http/context.js';
import { notFound } from '../http/errors.js';
import { idParam } from '../http/form-values.js';
import { renderPage, sendHtml } from '../http/render.js';
import { ADULT_RATINGS } from '../tags/fixed-tags.js';
import { getAllChaptersForReader, getChapterForReader, getWorkForReader, type ReaderWork } from './reading.service.js';
import { AdultNoticePage } from './views/reader-pages.js';
import { DraftBanner } from './views/preview-banner.js';
import { WorkPage } from './views/work-page.js';
import { downloadLinks } from './download-links.js';

type ShowQuery = { view_full_work?: string; view_adult?: string };

function withParam(url: string, name: string, value: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set(name, value);
  return `${path ?? ''}?${params.toString()}`;
}

/** True when the reader must first see the adult notice; remembers "Proceed" in a cookie. */
function needsAdultNotice(request: FastifyRequest, reply: FastifyReply, reader: ReaderWork): boolean {
  const rating = reader.work.tags.rating[0] ?? 'Not Rated';
  if (!ADULT_RATINGS.includes(rating) || reader.isCreator) return false;
  if ((request.query as ShowQuery).view_adult === 'true') {
    reply.setCookie(ADULT_COOKIE, 'true', cookieOptions(request.server.config));
    return false;
  }
  return request.cookies[ADULT_COOKIE] !== 'true';
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
  const cached = cacheKey !== null && Number.isSafeInteger(workId) ? await workPages.lookup(db, workId, cacheKey) : undefined;
  if (cached !== undefined) return sendHtml(reply, cached);
  const reader = await getWorkForReader(db, request.viewer, workId);
  const html = renderPage(await readerPage(request, reply, reader, chapterId));
  // Only a page that is the same for every guest is kept: public, and it set no cookie (no form token).
  if (cacheKey !== null && reply.getHeader('set-cookie') === undefined) {
    workPages.store(cacheKey, workId, reader.work.version, html);
  }
  return sendHtml(reply, html);
}

async function readerPage(request: FastifyRequest, reply: FastifyReply, reader: ReaderWork, chapterId: number | null) {
  const { db } = request.server;
  const ctx = pageContext(request, reply);
  if (needsAdultNotice(request, reply, reader)) {
    return <AdultNoticePage ctx={ctx} work={reader.work} proceedHref={withParam(request.url, 'view_adult', 'true')} />;
  }
  const full = chapterId === null && (request.query as ShowQuery).view_full_work === 'true';
  let shown;
  if (full) shown = await getAllChaptersForReader(db, reader);
  else {
    const id = chapterId ?? reader.chapters[0]?.id ?? null;
    if (id === null) throw notFound('work_not_found');
    shown = [await getChapterForReader(db, reader, id)];
  }
  const banner = !reader.work.posted && reader.work.id !== null ? <DraftBanner ctx={ctx} workId={reader.work.id} /> : undefined;
  const downloads = downloadLinks({ id: reader.row.id, title: reader.work.title, version: reader.row.version }, request.server.config.ebookConvert !== null);
  return <WorkPage ctx={ctx} work={reader.work} shown={shown} index={reader.chapters} mode={full ? 'full' : 'chapter'} isCreator={reader.isCreator} banner={banner} downloads={downloads} />;
}
