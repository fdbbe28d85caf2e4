// Subscriptions on both databases: following a work brings an email for each new chapter,
// following a creator one for each new work; the creators are not told of their own, and the link
// in an email ends the subscription.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

async function outboxSince(t: TestApp, id: number) {
  return t.database.db.selectFrom('mail_outbox').selectAll().where('id', '>', id).orderBy('id').execute();
}

async function lastMailId(t: TestApp): Promise<number> {
  return (await t.database.db.selectFrom('mail_outbox').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 0;
}

describeEachDatabase('subscriptions', (ctx) => {
  it('a work’s subscribers hear of each new chapter, a creator’s of each new work', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'The Long Tide', expectedChapters: '?' });
    let page = parsePage((await reader.get(`/works/${workId}`)).body);
    expect(page.querySelector('#feedback li.subscribe button')?.textContent).toBe('Subscribe');
    expect((await reader.post(`/works/${workId}/subscriptions`)).statusCode).toBe(303);
    page = parsePage((await reader.get(`/works/${workId}`)).body);
    expect(page.querySelector('#feedback li.subscribe button')?.textContent).toBe('Unsubscribe');
    await reader.get(`/users/${writer.login}/works`);
    expect((await reader.post(`/users/${writer.login}/subscriptions`)).statusCode).toBe(303);
    expect(textsOf(parsePage((await reader.get(`/users/${reader.login}/subscriptions`)).body), '.subscription-list li a')).toEqual([writer.login, 'The Long Tide']);

    const before = await lastMailId(t);
    await writer.get(`/works/${workId}/chapters/new`);
    expect((await writer.post(`/works/${workId}/chapters`, { title: 'Slack Water', text: 'The tide turned at noon.' })).statusCode).toBe(303);
    await postWork(writer, { title: 'A Second Harbour' });
    await postWork(writer, { title: 'Still a Draft', action: 'draft' });
    const mail = await outboxSince(t, before);
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([
      [`${reader.login}@example.org`, '[Bindery] New chapter: The Long Tide'],
      [`${reader.login}@example.org`, '[Bindery] New work: A Second Harbour'],
    ]);
    expect(mail[0]?.text_body).toContain('The Long Tide, Chapter 2: Slack Water');
    // Nobody else may read the reader's subscriptions.
    expect((await writer.get(`/users/${reader.login}/subscriptions`)).statusCode).toBe(403);
  });

  it('an email’s link ends its subscription without logging in', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { expectedChapters: '?' });
    await reader.get(`/works/${workId}`);
    await reader.post(`/works/${workId}/subscriptions`);
    const before = await lastMailId(t);
    await writer.get(`/works/${workId}/chapters/new`);
    await writer.post(`/works/${workId}/chapters`, { title: '', text: 'More tide.' });
    const link = /http:\/\/archive\.test(\/unsubscribe\/subscription\/\d+\/\d+\/[\w-]+)/.exec((await outboxSince(t, before))[0]?.text_body ?? '')?.[1] ?? '';
    const guest = new TestClient(t.app);
    expect((await guest.get(link)).statusCode).toBe(200);
    expect((await guest.post(link)).statusCode).toBe(303);
    expect(textOf(parsePage((await reader.get(`/users/${reader.login}/subscriptions`)).body), '.empty')).toContain('No subscriptions yet');
    const after = await lastMailId(t);
    await writer.post(`/works/${workId}/chapters`, { title: '', text: 'Even more tide.' });
    expect(await outboxSince(t, after)).toEqual([]);
  });

  it('only members subscribe, only to what they may read', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const draft = await postWork(writer, { action: 'draft' });
    const guest = new TestClient(t.app);
    await guest.get('/');
    expect((await guest.post(`/users/${writer.login}/subscriptions`)).statusCode).toBe(401);
    const reader = await signUp(t.app);
    expect((await reader.post(`/works/${draft}/subscriptions`)).statusCode).toBe(404);
    expect((await writer.post(`/users/${writer.login}/subscriptions`)).statusCode).toBe(422);
  });

  it('a series’ subscribers hear of each new part, once, also when a draft in it is posted', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const first = await postWork(writer, { title: 'Saga, the Beginning' });
    await writer.get(`/works/${first}/series/new`);
    const seriesId = Number(/\/series\/(\d+)$/.exec(String((await writer.post(`/works/${first}/series`, { series_id: '', new_title: 'The Saga', position: '' })).headers.location))?.[1]);
    let page = parsePage((await reader.get(`/series/${seriesId}`)).body);
    expect(textOf(page, 'li.subscribe button')).toBe('Subscribe');
    expect((await reader.post(`/series/${seriesId}/subscriptions`)).statusCode).toBe(303);
    page = parsePage((await reader.get(`/series/${seriesId}`)).body);
    expect(textOf(page, 'li.subscribe button')).toBe('Unsubscribe');
    await reader.get(`/users/${writer.login}/works`);
    await reader.post(`/users/${writer.login}/subscriptions`);
    expect(textsOf(parsePage((await reader.get(`/users/${reader.login}/subscriptions`)).body), '.subscription-list li')).toContain('Series The Saga Unsubscribe');

    const before = await lastMailId(t);
    // A posted work added to the series is a new part; a draft added is not, until it is posted.
    const second = await postWork(writer, { title: 'Saga, the Middle' });
    await writer.get(`/works/${second}/series/new`);
    await writer.post(`/works/${second}/series`, { series_id: String(seriesId), new_title: '', position: '' });
    const third = await postWork(writer, { title: 'Saga, the End', action: 'draft' });
    await writer.get(`/works/${third}/series/new`);
    await writer.post(`/works/${third}/series`, { series_id: String(seriesId), new_title: '', position: '' });
    expect((await outboxSince(t, before)).map((m) => m.subject)).toEqual(['[Bindery] New work: Saga, the Middle', '[Bindery] New part of The Saga: Saga, the Middle']);
    const posting = await lastMailId(t);
    await writer.get(`/works/${third}`);
    expect((await writer.post(`/works/${third}/post`)).statusCode).toBe(303);
    // Following both the series and its creator, the reader hears once, of the new part.
    const mail = await outboxSince(t, posting);
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([[`${reader.login}@example.org`, '[Bindery] New part of The Saga: Saga, the End']]);
    expect(mail[0]?.text_body).toMatch(/Unsubscribe: http:\/\/archive\.test\/unsubscribe\/subscription\//);

    // Nobody subscribes to a series they may not see.
    const hidden = await postWork(writer, { title: 'Hidden Saga', action: 'draft' });
    await writer.get(`/works/${hidden}/series/new`);
    const hiddenSeries = Number(/\/series\/(\d+)$/.exec(String((await writer.post(`/works/${hidden}/series`, { series_id: '', new_title: 'Hidden', position: '' })).headers.location))?.[1]);
    expect((await reader.post(`/series/${hiddenSeries}/subscriptions`)).statusCode).toBe(404);
    const guest = new TestClient(t.app);
    await guest.get(`/series/${seriesId}`);
    expect((await guest.post(`/series/${seriesId}/subscriptions`)).statusCode).toBe(401);
  });
});
