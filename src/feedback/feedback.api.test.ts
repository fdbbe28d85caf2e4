// Bookmarks, subscriptions and the inbox through the JSON API, on both databases, with the pages' rules.
import { expect, it } from 'vitest';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { createApiToken } from '../accounts/session.service.js';

describeEachDatabase('feedback API', (ctx) => {
  it('bookmarks, subscribes and reads the inbox with a token; a private bookmark stays its owner’s', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Open Water' });
    const as = async (login: string) => ({ authorization: `Bearer ${await createApiToken(t.database.db, login)}` });
    const readerAuth = await as(reader.login);
    const writerAuth = await as(writer.login);
    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

    const saved = await call('PUT', `/api/v1/works/${workId}/bookmark`, readerAuth, { notes: 'Swim with it.', tags: ['sea', 'summer'], rec: true, private: true });
    expect(saved.statusCode, saved.body).toBe(200);
    const { bookmark } = saved.json<{ bookmark: { id: number; tags: string[]; rec: boolean; private: boolean; workId: number } }>();
    expect(bookmark).toMatchObject({ tags: ['sea', 'summer'], rec: true, private: true, workId });
    const own = await call('GET', `/api/v1/users/${reader.login}/bookmarks`, readerAuth);
    expect(own.json<{ total: number }>().total).toBe(1);
    const others = await call('GET', `/api/v1/users/${reader.login}/bookmarks`, writerAuth);
    expect(others.json<{ total: number }>().total).toBe(0);
    // Someone else's private bookmark is not even there for them.
    expect((await call('DELETE', `/api/v1/bookmarks/${bookmark.id}`, writerAuth)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/bookmarks/${bookmark.id}`, readerAuth)).statusCode).toBe(204);

    const subscribed = await call('POST', '/api/v1/subscriptions', readerAuth, { workId });
    expect(subscribed.json<{ subscriptions: Array<{ kind: string; label: string; id: number }> }>().subscriptions).toMatchObject([{ kind: 'work', label: 'Open Water' }]);
    const both = await call('POST', '/api/v1/subscriptions', readerAuth, { creator: writer.login });
    const subscriptions = both.json<{ subscriptions: Array<{ kind: string; id: number }> }>().subscriptions;
    expect(subscriptions.map((s) => s.kind)).toEqual(['creator', 'work']);
    expect((await call('DELETE', `/api/v1/subscriptions/${subscriptions[0]?.id ?? 0}`, readerAuth)).statusCode).toBe(204);
    expect((await call('POST', '/api/v1/subscriptions', readerAuth, {})).statusCode).toBe(400);

    expect((await call('POST', `/api/v1/works/${workId}/comments`, readerAuth, { comment: 'Through the API.' })).statusCode).toBe(201);
    const inbox = await call('GET', '/api/v1/inbox', writerAuth);
    const body = inbox.json<{ unread: number; items: Array<{ id: number; kind: string; author: string; html: string }> }>();
    expect(body.unread).toBe(1);
    expect(body.items[0]).toMatchObject({ kind: 'comment', author: reader.login, html: '<p>Through the API.</p>' });
    expect((await call('POST', '/api/v1/inbox', writerAuth, { action: 'read', ids: [body.items[0]?.id ?? 0] })).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/inbox', writerAuth)).json<{ unread: number }>().unread).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});
