// The header's inbox count: read for a member's page requests only (never for guests, whose
// pages are shared and cached, nor for the API or assets).
import type { FastifyInstance } from 'fastify';
import { unreadCount } from './inbox.service.js';

/** Registers the hook that counts a member's unread inbox items before their page is rendered. */
export function registerInboxCount(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const user = request.viewer.user;
    if (user === null || request.method !== 'GET' || request.url.startsWith('/api/') || request.url.startsWith('/assets/')) return;
    request.inboxUnread = await unreadCount(request.server.db, user.id);
  });
}
