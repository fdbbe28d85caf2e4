// Comments through the pages, on both databases: posting as a member or a guest, threads and their
// depth, the work's setting, what a comment may hold, editing and deleting, the creators' tools
// (freeze, hide, moderation) and the limits that keep floods out.
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { TestClient, type Fields } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { createApiToken } from '../accounts/session.service.js';
import { HOSTILE_HTML } from '../../test/sanitize-vectors.js';

const GUEST = { name: 'Wandering Heron', email: 'heron@example.org' };

async function comment(client: TestClient, workId: number, text: string, extra: Fields = {}): Promise<LightMyRequestResponse> {
  await client.get(`/works/${workId}`);
  return client.post(`/works/${workId}/comments`, { comment: text, ...extra });
}

async function reply(client: TestClient, commentId: number, text: string, extra: Fields = {}): Promise<LightMyRequestResponse> {
  await client.get(`/comments/${commentId}`);
  return client.post(`/comments/${commentId}/comments`, { comment: text, ...extra });
}

/** The id of the comment a redirect after posting points at. */
function postedId(response: LightMyRequestResponse): number {
  expect(response.statusCode, response.body.slice(0, 600)).toBe(303);
  const id = /#comment_(\d+)$/.exec(String(response.headers.location))?.[1];
  if (id === undefined) throw new Error(`no comment in ${String(response.headers.location)}`);
  return Number(id);
}

async function shown(client: TestClient, path: string): Promise<Document> {
  return parsePage((await client.get(path)).body);
}

describeEachDatabase('comments', (ctx) => {
  it('a member comments under a chapter; the work counts it and shows it when comments are shown', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    let page = await shown(reader, `/works/${workId}`);
    expect(textOf(page, '#comments .comments-toggle a')).toBe('Comments (0)');
    const chapterId = page.querySelector('#add_comment input[name="chapter_id"]')?.getAttribute('value') ?? '';
    expect(chapterId).toMatch(/^\d+$/);
    const posted = await comment(reader, workId, 'The lighthouse scene made me cry on the bus.\n\nThank you!', { chapter_id: chapterId });
    const id = postedId(posted);
    expect(posted.headers.location).toBe(`/works/${workId}/chapters/${chapterId}?show_comments=true#comment_${id}`);
    page = await shown(reader, String(posted.headers.location));
    expect(textOf(page, '.flash')).toBe('Comment posted.');
    expect(textOf(page, `#comments_placeholder li.comment#comment_${id} h4.byline a`)).toBe(reader.login);
    expect(textsOf(page, `#comment_${id} blockquote.userstuff p`)).toEqual(['The lighthouse scene made me cry on the bus.', 'Thank you!']);
    expect(textOf(page, '#comments .comments-toggle a')).toBe('Hide comments');
    page = await shown(writer, `/works/${workId}`);
    expect(textOf(page, 'dl.stats dd.comments')).toBe('1');
    expect(textOf(page, '#comments .comments-toggle a')).toBe('Comments (1)');
    expect(page.querySelector('#comments_placeholder')).toBeNull();
    // A guest's cached page counts it too.
    const guest = new TestClient(t.app, '192.0.2.80');
    await guest.get(`/works/${workId}`);
    expect(textOf(await shown(guest, `/works/${workId}`), '#comments .comments-toggle a')).toBe('Comments (1)');
    expect(textsOf(await shown(guest, `/chapters/${chapterId}/comments`), 'li.comment blockquote p')).toContain('Thank you!');
  });

  it('a guest comments with a name and an email that is never shown', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guest = new TestClient(t.app, '192.0.2.81');
    const id = postedId(await comment(guest, workId, 'Lovely.', GUEST));
    const response = await writer.get(`/works/${workId}/comments`);
    expect(textOf(parsePage(response.body), `#comment_${id} h4.byline`)).toContain('Wandering Heron (Guest)');
    expect(response.body).not.toContain(GUEST.email);
  });

  it('refuses what a comment may not hold, giving back what was typed with the message beside the field', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guest = new TestClient(t.app, '192.0.2.82');
    const cases: Array<[Fields, string, string]> = [
      [{ comment: '   ' , ...GUEST }, 'comment', 'Write your comment first.'],
      [{ comment: 'x'.repeat(10_001), ...GUEST }, 'comment', 'Comments can be at most 10,000 characters long (this one has 10,001).'],
      [{ comment: 'Kind words.', name: '', email: GUEST.email }, 'name', 'Enter a name to comment under.'],
      [{ comment: 'Kind words.', name: GUEST.name, email: 'not-an-address' }, 'email', 'Enter a valid email address, like name@example.org.'],
      [{ comment: 'Buy pills', ...GUEST, website: 'http://spam.example' }, 'comment', 'This comment could not be posted. If you are a person, leave the hidden “website” field empty.'],
    ];
    for (const [fields, name, message] of cases) {
      const refused = await comment(guest, workId, String(fields.comment), fields);
      expect(refused.statusCode, name).toBe(422);
      const doc = parsePage(refused.body);
      expect(textOf(doc, `#field-${name}-error`)).toBe(message);
      expect(doc.querySelector('textarea[name="comment"]')?.textContent).toBe(String(fields.comment));
      expect(doc.querySelector('input[name="name"]')?.getAttribute('value')).toBe(String(fields.name));
    }
    expect(await t.database.db.selectFrom('comments').select('id').where('work_id', '=', workId).execute()).toEqual([]);
  });

  it('keeps hostile HTML out of comments exactly as out of story text (the sanitizer\'s vector list)', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const id = postedId(await comment(reader, workId, 'A first version.'));
    await reader.get(`/comments/${id}/edit`);
    for (const [vector, expected] of HOSTILE_HTML) {
      const edited = await reader.post(`/comments/${id}/edit`, { comment: vector });
      if (expected === '') {
        // Nothing of it is left to show: refused, and the comment keeps what it said.
        expect(edited.statusCode, vector).toBe(422);
        continue;
      }
      expect(edited.statusCode, vector).toBe(303);
      const row = await t.database.db.selectFrom('comments').select('content').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.content, vector).toBe(expected);
    }
  });

  it('threads replies, and past five levels continues the thread on a page of its own', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const ids = [postedId(await comment(reader, workId, 'Level 0'))];
    for (let level = 1; level <= 7; level++) ids.push(postedId(await reply(level % 2 === 0 ? reader : writer, ids[level - 1] ?? 0, `Level ${level}`)));
    const page = await shown(reader, `/works/${workId}?show_comments=true`);
    expect(page.querySelectorAll('#comments_placeholder li.comment')).toHaveLength(6);
    expect(page.querySelector(`#comment_${ids[1] ?? 0}`)?.parentElement?.parentElement?.id).toBe(`comment_${ids[0] ?? 0}`);
    const more = page.querySelector(`#comment_${ids[5] ?? 0} .continue-thread a`);
    expect(more?.textContent).toBe('Continue thread (1 reply)');
    const rest = await shown(reader, more?.getAttribute('href') ?? '');
    expect(textsOf(rest, 'li.comment blockquote p')).toEqual(['Level 5', 'Level 6', 'Level 7']);
  });

  it('follows the work’s setting: registered users only, or nobody', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const members = await postWork(writer, { commentPermission: 'registered' });
    const nobody = await postWork(writer, { commentPermission: 'none' });
    const guest = new TestClient(t.app, '192.0.2.83');
    expect(textOf(await shown(guest, `/works/${members}`), '#add_comment')).toContain('Only registered users can comment on this work.');
    expect((await comment(guest, members, 'Hello', GUEST)).statusCode).toBe(401);
    expect((await comment(reader, members, 'Hello')).statusCode).toBe(303);
    expect(textOf(await shown(reader, `/works/${nobody}`), '#add_comment')).toBe('Comments are turned off on this work.');
    const off = await comment(reader, nobody, 'Hello');
    expect(off.statusCode).toBe(403);
    expect(off.body).toContain('Comments are turned off on this work.');
  });

  it('lets a commenter edit (marked Last Edited) and delete; a deleted comment with replies keeps its thread', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const other = await signUp(t.app);
    const workId = await postWork(writer);
    const first = postedId(await comment(reader, workId, 'First thoughts.'));
    const answer = postedId(await reply(writer, first, 'Thank you!'));
    await reader.get(`/comments/${first}/edit`);
    expect((await reader.post(`/comments/${first}/edit`, { comment: 'Second thoughts.' })).statusCode).toBe(303);
    let page = await shown(other, `/comments/${first}`);
    expect(textOf(page, `#comment_${first} blockquote p`)).toBe('Second thoughts.');
    expect(textOf(page, `#comment_${first} .edited`)).toMatch(/^Last Edited \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await other.get(`/comments/${first}`);
    expect((await other.post(`/comments/${first}/edit`, { comment: 'Not mine.' })).statusCode).toBe(403);
    expect((await other.post(`/comments/${first}/delete`)).statusCode).toBe(403);
    expect((await reader.post(`/comments/${first}/delete`)).statusCode).toBe(303);
    page = await shown(other, `/works/${workId}?show_comments=true`);
    expect(textOf(page, `#comment_${first} .deleted-comment`)).toBe('(Previous comment deleted.)');
    expect(textOf(page, `#comment_${answer} blockquote p`)).toBe('Thank you!');
    expect(textOf(page, 'dl.stats dd.comments')).toBe('1');
    const gone = await reply(other, first, 'Too late?');
    expect(gone.statusCode).toBe(403);
    expect(gone.body).toContain('That comment was deleted, so it can’t be replied to.');
  });

  it('gives the work’s creators their tools: delete, freeze, hide, and a moderated queue', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const rude = postedId(await comment(reader, workId, 'Rude words.'));
    const heated = postedId(await comment(reader, workId, 'A heated point.'));
    await writer.get(`/comments/${heated}`);
    expect((await writer.post(`/comments/${heated}/freeze`)).statusCode).toBe(303);
    const frozen = await reply(reader, heated, 'One more thing');
    expect(frozen.statusCode).toBe(403);
    expect(frozen.body).toContain('This thread is frozen: no more replies can be added to it.');
    expect((await writer.post(`/comments/${rude}/hide`)).statusCode).toBe(303);
    const guest = new TestClient(t.app, '192.0.2.84');
    let page = await shown(guest, `/works/${workId}/comments`);
    expect(textOf(page, `#comment_${rude} .hidden-comment`)).toBe('(This comment has been hidden by the work’s creators.)');
    expect(page.body.textContent).not.toContain('Rude words.');
    expect(textOf(await shown(reader, `/works/${workId}/comments`), `#comment_${rude} blockquote p`)).toBe('Rude words.');

    expect((await writer.post(`/works/${workId}/moderation`)).statusCode).toBe(303);
    const waiting = await comment(guest, workId, 'Please approve me.', GUEST);
    expect(waiting.statusCode).toBe(303);
    expect(waiting.headers.location).toBe(`/works/${workId}/comments`);
    expect(textOf(await shown(guest, `/works/${workId}/comments`), '.flash')).toContain('will show once the work’s creators approve it');
    page = await shown(reader, `/works/${workId}/comments`);
    expect(page.body.textContent).not.toContain('Please approve me.');
    page = await shown(writer, `/works/${workId}/comments`);
    expect(textOf(page, '#queue-heading')).toBe('Waiting for your approval (1)');
    const queued = page.querySelector('.comment-queue li.comment')?.id.replace('comment_', '') ?? '';
    expect((await writer.post(`/comments/${queued}/approve`)).statusCode).toBe(303);
    expect(textsOf(await shown(reader, `/works/${workId}/comments`), 'li.comment blockquote p')).toContain('Please approve me.');
    // Only the creators hold these tools.
    await reader.get(`/comments/${rude}`);
    expect((await reader.post(`/comments/${rude}/unhide`)).statusCode).toBe(403);
    expect((await reader.post(`/works/${workId}/moderation`)).statusCode).toBe(403);
    expect((await writer.post(`/comments/${heated}/delete`)).statusCode).toBe(303);
    expect(textOf(await shown(writer, `/works/${workId}`), 'dl.stats dd.comments')).toBe('1');
  });

  it('limits how fast one account or address can comment, keeping the comment in the form', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const workId = await postWork(writer);
    const guest = new TestClient(t.app, '192.0.2.85');
    for (let i = 0; i < 8; i++) expect((await comment(guest, workId, `Comment ${i}`, GUEST)).statusCode).toBe(303);
    const limited = await comment(guest, workId, 'One too many', GUEST);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const doc = parsePage(limited.body);
    expect(textOf(doc, '#field-comment-error')).toMatch(/^Too many attempts\. Please wait \d+ seconds? and try again\.$/);
    expect(doc.querySelector('textarea[name="comment"]')?.textContent).toBe('One too many');
  });

  it('the API lists, posts, replies, edits and deletes with the same rules', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const closed = await postWork(writer, { commentPermission: 'none' });
    const headers = { authorization: `Bearer ${await createApiToken(t.database.db, reader.login)}` };
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    const first = await api('POST', `/api/v1/works/${workId}/comments`, { comment: 'From my e-reader app.' });
    expect(first.statusCode, first.body).toBe(201);
    const { comment } = first.json<{ comment: { id: number; html: string; author: object; state: string } }>();
    expect(comment).toMatchObject({ html: '<p>From my e-reader app.</p>', author: { pseud: reader.login, login: reader.login, guest: null }, state: 'published' });
    const answer = await api('POST', `/api/v1/comments/${comment.id}/comments`, { comment: 'And a reply.' });
    expect(answer.statusCode).toBe(201);
    expect((await api('PATCH', `/api/v1/comments/${comment.id}`, { comment: 'Edited from the app.' })).json<{ comment: { editedAt: string | null } }>().comment.editedAt).not.toBeNull();
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/works/${workId}/comments` });
    expect(list.json<{ comments: Array<{ html: string; depth: number }> }>().comments.map((c) => [c.depth, c.html])).toEqual([[0, '<p>Edited from the app.</p>'], [1, '<p>And a reply.</p>']]);
    expect((await api('DELETE', `/api/v1/comments/${comment.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/comments/${comment.id}` })).json<{ comments: Array<{ state: string }> }>().comments.map((c) => c.state)).toEqual(['deleted', 'published']);
    const empty = await api('POST', `/api/v1/works/${workId}/comments`, { comment: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toEqual({ error: { code: 'validation_failed', message: 'Write your comment first.', field: 'comment', fields: { comment: 'Write your comment first.' } } });
    expect((await api('POST', `/api/v1/works/${closed}/comments`, { comment: 'Hello' })).json()).toEqual({ error: { code: 'forbidden', message: 'Comments are turned off on this work.' } });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/works/${workId}/comments`, payload: { comment: 'No token' } })).statusCode).toBe(401);
  });
});
