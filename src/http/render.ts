// Sends a server-rendered page: doctype plus the JSX tree rendered with escaping by default.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a page to HTML and sends it with the given status. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = '<!DOCTYPE html>' + render(page);
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'private, no-cache').send(html);
}
