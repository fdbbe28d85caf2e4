// GET /images/external/:signature?url=…, the image proxy (EXTERNAL_IMAGES=proxy only). It answers
// only addresses the archive signed when it rendered a page, so it cannot be used to fetch
// anything else. Failures are short plain text with a clear status (an <img> shows neither);
// never a 500. docs/decisions/039-external-images.md.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { IMAGE_PROXY_PATH, validImageSignature } from '../lib/external-images.js';
import { ImageRefused } from './image-fetch.js';
import { ImageProxy } from './image-proxy.js';

type ProxyRequest = { Params: { signature: string }; Querystring: { url?: string | string[] } };

/** Browsers keep an image a week; a failure five minutes, so a fixed host shows soon. */
const KEEP_IMAGE = 'public, max-age=604800';
const KEEP_FAILURE = 'public, max-age=300';

function refuse(reply: FastifyReply, error: ImageRefused): FastifyReply {
  return reply.code(error.status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', KEEP_FAILURE).send(`${error.message}\n`);
}

/** Registers the image proxy's route when the archive proxies external images. */
export function registerImageProxyRoutes(app: FastifyInstance): void {
  const { config } = app;
  if (config.externalImages.mode !== 'proxy') return;
  const proxy = new ImageProxy(config.externalImages, config.dataDir, (error) => app.log.error({ err: error }, 'keeping a proxied image failed'));
  app.get<ProxyRequest>(`${IMAGE_PROXY_PATH}:signature`, async (request, reply) => {
    const { url } = request.query;
    if (typeof url !== 'string' || !validImageSignature(config.sessionSecret, url, request.params.signature)) {
      return refuse(reply, new ImageRefused(404, 'No such image here.'));
    }
    const image = await proxy.image(url).catch((error: unknown) => {
      if (error instanceof ImageRefused) return error;
      request.log.error({ err: error }, 'the image proxy failed');
      return new ImageRefused(502, 'The image could not be fetched.');
    });
    if (image instanceof ImageRefused) return refuse(reply, image);
    return reply.code(200).header('content-type', image.type).header('cache-control', KEEP_IMAGE).send(image.body);
  });
}
