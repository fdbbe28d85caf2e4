// Sends server-rendered pages: doctype plus the JSX tree rendered with escaping by default.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Config } from '../config.js';
import { rewriteExternalImages, type ImageRewrite } from '../lib/external-images.js';

/** The settings that rewrite external images in user HTML; `origin` '' for pages, the archive's address for files read elsewhere. */
export function imageRewrite(config: Pick<Config, 'externalImages' | 'sessionSecret'>, origin = ''): ImageRewrite {
  return { mode: config.externalImages.mode, secret: config.sessionSecret, origin };
}

/**
 * Renders a page to UTF-8 bytes (a Buffer is sent without a second encoding pass), its external
 * images rewritten for the archive's EXTERNAL_IMAGES mode: here, once per render, so a cached page
 * pays for it once.
 */
export function renderPage(page: VNode, config: Pick<Config, 'externalImages' | 'sessionSecret'>): Buffer {
  return Buffer.from('<!DOCTYPE html>' + rewriteExternalImages(render(page), imageRewrite(config)));
}

/** Sends rendered page bytes with the given status; private to the reader unless the route said stricter (no-store). */
export function sendHtml(reply: FastifyReply, html: Buffer, status = 200): FastifyReply {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
}

/** Renders a page and sends it with the given status. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(page, reply.server.config), status);
}
