// Sends server-rendered pages: doctype plus the JSX tree rendered with escaping by default.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a page to UTF-8 bytes (a Buffer is sent without a second encoding pass). */
export function renderPage(page: VNode): Buffer {
  return Buffer.from('<!DOCTYPE html>' + render(page));
}

/** Sends rendered page bytes with the given status; private to the reader unless the route said stricter (no-store). */
export function sendHtml(reply: FastifyReply, html: Buffer, status = 200): FastifyReply {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
}

/** Renders a page and sends it with the given status. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(page), status);
}
