// Download routes: /downloads/:id/:slug.:format, on exactly the work page's visibility rules, and
// /downloads/series/:id/:slug.epub, a whole series (the works its reader may read) as one EPUB.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext } from '../http/context.js';
import { AppError, notFound } from '../http/errors.js';
import { heavy } from '../http/heavy-gate.js';
import { sendPage } from '../http/render.js';
import { idParam } from '../http/form-values.js';
import { readerFileOf } from '../db/sqlite-reader.js';
import { BuildThreads } from './build-threads.js';
import { DownloadFiles } from './download-files.js';
import { requestDownload, requestSeriesDownload } from './download.service.js';
import { buildAccountExport } from './account-export.service.js';
import { FORMATS, formatOfFile } from '../lib/download-formats.js';
import { PreparingPage } from './views/preparing-page.js';

type DownloadParams = { Params: { id: string; file: string } };

/** How long a reader waits before the page asks again for a file Calibre is making. */
const RETRY_SECONDS = 3;

function contentDisposition(fileName: string): string {
  // The slug is ASCII already; filename* keeps the header right should that ever change.
  return `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function download(files: DownloadFiles, request: FastifyRequest<DownloadParams>, reply: FastifyReply) {
  const format = formatOfFile(request.params.file);
  if (format === null) throw notFound();
  const wanted = await requestDownload(request.server.freshReadDb, request.viewer, idParam(request.params.id), format);
  const made = await files.file(request.server.freshReadDb, wanted, format, (work) => heavy(request, work));
  // Never shared by caches: a download follows the reader's login, like the work page.
  reply.header('cache-control', 'private, no-cache');
  if (made.state === 'failed') throw new AppError('internal', made.reason);
  if (made.state === 'pending') {
    reply.header('retry-after', String(RETRY_SECONDS)).header('refresh', String(RETRY_SECONDS));
    return sendPage(reply, <PreparingPage ctx={pageContext(request, reply)} title={wanted.reader.work.title} format={FORMATS[format].label} seconds={RETRY_SECONDS} />, 202);
  }
  return reply.header('content-type', FORMATS[format].contentType).header('content-disposition', contentDisposition(wanted.fileName))
    .header('x-content-type-options', 'nosniff').send(made.body);
}

/** Routes for downloads. */
export function registerDownloadRoutes(app: FastifyInstance): void {
  // On SQLite with reader threads, the build threads read chapters on connections of their own.
  const threads = new BuildThreads(app.config.heavyWork.concurrency, readerFileOf(app.freshReadDb));
  app.addHook('onClose', () => threads.close());
  const files = new DownloadFiles(app.config, threads);
  app.decorate('downloadFiles', files);
  app.get<DownloadParams>('/downloads/:id/:file', (request, reply) => download(files, request, reply));
  // Everything a member made, for them alone (the account page links it): decision 044.
  app.get<{ Params: { login: string } }>('/users/:login/account/export.zip', async (request, reply) => {
    const { fileName, zip } = await buildAccountExport(request.server.db, request.server.config, threads, request.viewer, request.params.login);
    return reply.header('cache-control', 'private, no-store').header('content-type', 'application/zip').header('content-disposition', contentDisposition(fileName))
      .header('x-content-type-options', 'nosniff').send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
  // A whole series as one EPUB (AO3 has no such file; the address keeps its downloads' shape).
  app.get<DownloadParams>('/downloads/series/:id/:file', async (request, reply) => {
    if (formatOfFile(request.params.file) !== 'epub') throw notFound();
    const wanted = await requestSeriesDownload(request.server.freshReadDb, request.server.config, request.viewer, idParam(request.params.id));
    const body = await files.seriesEpub(wanted, (work) => heavy(request, work));
    reply.header('cache-control', 'private, no-cache');
    return reply.header('content-type', FORMATS.epub.contentType).header('content-disposition', contentDisposition(wanted.fileName))
      .header('x-content-type-options', 'nosniff').send(body);
  });
}
