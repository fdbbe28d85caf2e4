// JSON schemas of the comments API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, nullable, object, orNull, str, workIdParams, type ApiRouteSchema } from '../http/api-schemas.js';

const commentJson = object({
  id: int(), workId: int(), chapterId: nullable(int('null for a comment on the whole work.')),
  parentId: nullable(int('The comment this one replies to; null for the first comment of a thread.')),
  depth: int('0 for a thread\'s first comment, 1 for a reply to it, and so on.'),
  author: object({
    pseud: nullable(str('A member\'s pseud.')), login: nullable(str('A member\'s login.')), guest: nullable(str('A guest\'s name.')),
  }, { description: 'Who wrote it: a member (pseud and login) or a guest (their name; their email is never shown).' }),
  html: str('Sanitized HTML; empty for a deleted comment, and for a hidden one seen by others than its writer and the work\'s creators.'),
  state: { type: 'string', enum: ['published', 'pending', 'held', 'hidden', 'deleted'], description: 'pending: waits for the creators\' approval; held: waits for the archive\'s moderators (only its writer sees it).' },
  frozen: bool('No more replies can be added.'), createdAt: str('ISO-8601, UTC.'), editedAt: nullable(str('ISO-8601, UTC; null when never edited.')),
});

const commentIdParams = object({ id: str('The comment\'s id, as in /comments/:id.') });
const commentBody = object({
  ...orNull({ comment: str('The comment: HTML or plain text (blank lines make paragraphs), at most 10,000 characters.'), chapterId: int('On this chapter; left out: on the whole work.'), pseudId: int('One of the token owner\'s pseuds; left out: the default one.') }),
}, { optional: ['chapterId', 'pseudId'] });

export const listCommentsSchema: ApiRouteSchema = {
  summary: 'List a work\'s comments', tags: ['comments'],
  description: 'A page of a work\'s threads (20 a page, oldest first), every comment of each flattened in reading order with its parent and depth. `chapter` keeps one chapter\'s.',
  params: workIdParams,
  querystring: object({ page: str('Which page, from 1.'), chapter: str('A chapter\'s id.') }, { optional: ['page', 'chapter'] }),
  response: { 200: object({ comments: list(commentJson), page: int(), pages: int() }), ...errors(401, 404) },
};

export const showCommentSchema: ApiRouteSchema = {
  summary: 'Show a comment', tags: ['comments'],
  description: 'One comment and every reply under it, flattened in reading order.',
  params: commentIdParams,
  response: { 200: object({ comments: list(commentJson) }), ...errors(401, 404) },
};

const posted = object({ comment: commentJson }, { description: 'Posted (or, on a moderated work, waiting for approval: state pending).' });

export const postCommentSchema: ApiRouteSchema = {
  summary: 'Comment on a work', tags: ['comments'],
  description: 'Posts a comment as the token\'s account, with the rules of the page: the work\'s setting, at most 10,000 characters, and the rate limit. Needs a token.',
  params: workIdParams, body: commentBody,
  response: { 201: posted, ...errors(400, 401, 403, 404, 422, 429) },
};

export const replyCommentSchema: ApiRouteSchema = {
  summary: 'Reply to a comment', tags: ['comments'],
  description: 'Replies to a comment (not to a deleted one, nor in a frozen thread). Needs a token.',
  params: commentIdParams, body: commentBody,
  response: { 201: posted, ...errors(400, 401, 403, 404, 422, 429) },
};

export const editCommentSchema: ApiRouteSchema = {
  summary: 'Edit a comment', tags: ['comments'],
  description: 'Changes what one\'s own comment says; it is then marked as edited. Needs a token.',
  params: commentIdParams, body: object(orNull({ comment: str() })),
  response: { 200: object({ comment: commentJson }), ...errors(400, 401, 403, 404, 422) },
};

export const deleteCommentSchema: ApiRouteSchema = {
  summary: 'Delete a comment', tags: ['comments'],
  description: 'Deletes one\'s own comment, or (for the work\'s creators) any comment on the work; one with replies stays as "(Previous comment deleted.)". Needs a token.',
  params: commentIdParams,
  response: { 204: { type: 'null', description: 'Deleted.' }, ...errors(401, 403, 404) },
};
