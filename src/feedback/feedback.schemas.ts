// JSON schemas of the bookmarks, subscriptions and inbox API: what Fastify validates and what the
// OpenAPI document says.
import { bool, errors, int, list, nullable, object, orNull, str, workIdParams, type ApiRouteSchema } from '../http/api-schemas.js';

const loginParams = object({ login: str('A member\'s login.') });
const idParams = object({ id: str('The id in the address.') });
const pageQuery = object({ page: str('Which page, from 1.') }, { optional: ['page'] });

const bookmarkJson = object({
  id: int(), url: str('Its page on the archive.'), login: str('Who made it.'), pseud: str(), notes: str('Sanitized HTML.'),
  tags: list(str(), 'The bookmarker\'s own tags.'), rec: bool(), private: bool('Only its owner sees it.'), createdAt: str('ISO-8601, UTC.'),
  workId: nullable(int('A work on this archive; null for a work elsewhere or a series.')),
  seriesId: nullable(int('A series on this archive, when the bookmark keeps one.')),
  external: nullable(object({ url: str(), title: str(), creator: str(), fandoms: str(), rating: str(), summary: str() }, { description: 'A work elsewhere.' })),
});

export const listBookmarksSchema: ApiRouteSchema = {
  summary: 'A member\'s bookmarks', tags: ['bookmarks'],
  description: 'The member\'s bookmarks this reader may see (a private one only its owner; a bookmark of a work only where the work may be seen), newest first, 20 a page.',
  params: loginParams, querystring: pageQuery,
  response: { 200: object({ bookmarks: list(bookmarkJson), page: int(), pages: int(), total: int() }), ...errors(404) },
};

export const workBookmarksSchema: ApiRouteSchema = {
  summary: 'A work\'s bookmarks', tags: ['bookmarks'], description: 'The public bookmarks of a work this reader may see, newest first, 20 a page.',
  params: workIdParams, querystring: pageQuery,
  response: { 200: object({ bookmarks: list(bookmarkJson), page: int(), pages: int(), total: int() }), ...errors(401, 404) },
};

export const saveBookmarkSchema: ApiRouteSchema = {
  summary: 'Bookmark a work', tags: ['bookmarks'],
  description: 'Bookmarks a posted work as the token\'s account, or changes its bookmark of it. Needs a token.',
  params: workIdParams,
  body: object(orNull({ notes: str('HTML or plain text, at most 5,000 characters.'), tags: list(str()), rec: bool(), private: bool() }), { optional: ['notes', 'tags', 'rec', 'private'] }),
  response: { 200: object({ bookmark: bookmarkJson }), ...errors(400, 401, 404, 422) },
};

export const deleteBookmarkSchema: ApiRouteSchema = {
  summary: 'Delete a bookmark', tags: ['bookmarks'], description: 'Deletes one of the token owner\'s bookmarks. Needs a token.',
  params: idParams, response: { 204: { type: 'null', description: 'Deleted.' }, ...errors(401, 403, 404) },
};

const subscriptionJson = object({ id: int(), kind: { type: 'string', enum: ['work', 'creator'] }, targetId: int('The work\'s id, or the creator\'s account id.'), label: str('The work\'s title or the creator\'s login.') });

export const listSubscriptionsSchema: ApiRouteSchema = {
  summary: 'One\'s subscriptions', tags: ['subscriptions'], description: 'The token owner\'s subscriptions, newest first.',
  response: { 200: object({ subscriptions: list(subscriptionJson) }), ...errors(401) },
};

export const subscribeSchema: ApiRouteSchema = {
  summary: 'Subscribe', tags: ['subscriptions'],
  description: 'Follows a work (its new chapters) or a creator by login (their new works), by email. Needs a token.',
  body: object(orNull({ workId: int(), creator: str('A login.') }), { optional: ['workId', 'creator'] }),
  response: { 200: object({ subscriptions: list(subscriptionJson) }), ...errors(400, 401, 404, 422) },
};

export const unsubscribeSchema: ApiRouteSchema = {
  summary: 'Unsubscribe', tags: ['subscriptions'], description: 'Ends one of the token owner\'s subscriptions. Needs a token.',
  params: idParams, response: { 204: { type: 'null', description: 'Ended.' }, ...errors(401, 404) },
};

const inboxJson = object({
  id: int(), kind: { type: 'string', enum: ['comment', 'reply'] }, read: bool(), createdAt: str(),
  workId: int(), workTitle: str('Empty when the work can no longer be seen.'), commentId: nullable(int('null when the comment is gone or hidden from this reader.')),
  author: nullable(str()), html: nullable(str('The comment, sanitized HTML.')),
});

export const inboxSchema: ApiRouteSchema = {
  summary: 'One\'s inbox', tags: ['inbox'], description: 'Comments on the token owner\'s works and replies to their comments, unread first, 20 a page.',
  querystring: pageQuery,
  response: { 200: object({ items: list(inboxJson), unread: int(), total: int(), page: int(), pages: int() }), ...errors(401) },
};

export const changeInboxSchema: ApiRouteSchema = {
  summary: 'Mark read or delete', tags: ['inbox'], description: 'Marks inbox items read, or deletes them. Needs a token.',
  body: object({ action: { type: 'string', enum: ['read', 'delete'] }, ids: list(int()) }),
  response: { 204: { type: 'null', description: 'Done.' }, ...errors(400, 401) },
};
