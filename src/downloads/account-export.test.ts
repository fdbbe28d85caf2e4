// "Download all my data" from the account page, on both databases: one ZIP holding each of the
// member's works as EPUB (drafts too, each passing epubcheck) and their data as JSON; other members'
// works only as the member may still see them; nobody else's export; one at a time, a few an hour.
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { epubcheck } from './fixtures/epubcheck.js';

type Export = {
  profile: { login: string; pseuds: Array<{ name: string }> };
  works: Array<{ id: number; title: string; posted: boolean; tags: { freeforms: string[] }; chapters: Array<{ number: number; posted: boolean; html: string }> }>;
  bookmarks: Array<{ notes: string; tags: string[]; work: { id: number; title: string } | null; note?: string }>;
  comments: Array<{ html: string; work: { title: string } | null; chapter: number | null }>;
  kudos: Array<{ work: { title: string } | null }>;
  subscriptions: Array<{ kind: string; to: unknown }>;
  readingHistory: Array<{ work: { title: string } | null }>;
};

function openZip(body: Buffer): { files: Record<string, Uint8Array>; data: Export; text: string } {
  const files = unzipSync(new Uint8Array(body));
  const json = strFromU8(files['data.json'] ?? new Uint8Array());
  // Every word of the answer, EPUBs unpacked too, to look for what must not be there.
  const inner = Object.entries(files).filter(([name]) => name.endsWith('.epub')).flatMap(([, bytes]) => Object.values(unzipSync(bytes)).map((b) => strFromU8(b)));
  return { files, data: JSON.parse(json) as Export, text: [json, ...inner].join('\n') };
}

describeEachDatabase('download all my data', (ctx) => {
  it('gives the member their works as EPUB and JSON, drafts included, and their feedback on others\' works as they may see them', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const reader = await signUp(app);
    const other = await signUp(app);
    const posted = await postWork(writer, { title: 'Harbour Lights', expectedChapters: '?', freeforms: 'Lanterns' });
    await writer.get(`/works/${posted}/chapters/new`);
    expect((await writer.post(`/works/${posted}/chapters`, { title: 'Unfinished', text: 'The second night was quieter than the first, and colder.', action: 'draft' })).statusCode).toBe(303);
    const draft = await postWork(writer, { title: 'Notes Toward a Storm', action: 'draft' });
    const vanishing = await postWork(other, { title: 'Gone By Morning' });

    await reader.get(`/works/${posted}`);
    expect((await reader.post(`/works/${posted}/bookmarks`, { notes: 'Read again in winter.', tags: 'comfort, lanterns' })).statusCode).toBe(303);
    expect((await reader.post(`/works/${posted}/comments`, { comment: 'The harbour scene is perfect.' })).statusCode).toBe(303);
    expect((await reader.post(`/works/${posted}/kudos`)).statusCode).toBe(303);
    expect((await reader.post(`/works/${posted}/subscriptions`)).statusCode).toBe(303);
    await reader.get(`/works/${vanishing}`);
    expect((await reader.post(`/works/${vanishing}/bookmarks`, { notes: 'Lovely ending.', tags: 'endings' })).statusCode).toBe(303);
    // The moderators hide the other member's work: the reader's bookmark stays theirs, the work is no longer theirs to see.
    await app.db.updateTable('works').set({ hidden: 1, hidden_reason: 'Under review.' }).where('id', '=', vanishing).execute();
    await app.readings.flush();

    const account = await writer.get(`/users/${writer.login}/account`);
    expect(account.body).toContain(`href="/users/${writer.login}/account/export.zip"`);
    const mine = await writer.get(`/users/${writer.login}/account/export.zip`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/zip');
    expect(mine.headers['content-disposition']).toContain('-data.zip');
    expect(mine.headers['cache-control']).toBe('private, no-store');
    const own = openZip(mine.rawPayload);
    expect(own.data.profile.login).toBe(writer.login);
    expect(own.data.works.map((w) => [w.id, w.title, w.posted])).toEqual([[posted, 'Harbour Lights', true], [draft, 'Notes Toward a Storm', false]]);
    expect(own.data.works[0]?.tags.freeforms).toEqual(['Lanterns']);
    expect(own.data.works[0]?.chapters.map((c) => [c.number, c.posted])).toEqual([[1, true], [2, false]]);
    expect(own.data.works[0]?.chapters[1]?.html).toContain('The second night was quieter');
    expect(own.data.bookmarks).toEqual([]);
    expect(own.data.comments).toEqual([]);
    const epubs = Object.entries(own.files).filter(([name]) => name.endsWith('.epub'));
    expect(epubs.map(([name]) => name).sort()).toEqual([`works/${posted}-Harbour_Lights.epub`, `works/${draft}-Notes_Toward_a_Storm.epub`].sort());
    for (const [name, messages] of await epubcheck(epubs.map(([file, bytes]): [string, Uint8Array] => [file.replace(/^works\/|\.epub$/g, ''), bytes]))) expect(messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL'), name).toEqual([]);

    const theirs = openZip((await reader.get(`/users/${reader.login}/account/export.zip`)).rawPayload);
    expect(theirs.data.works).toEqual([]);
    expect(theirs.data.bookmarks.map((b) => [b.notes, b.tags, b.work?.title ?? null])).toEqual([
      ['<p>Read again in winter.</p>', ['comfort', 'lanterns'], 'Harbour Lights'], ['<p>Lovely ending.</p>', ['endings'], null],
    ]);
    expect(theirs.data.bookmarks[1]?.note).toBe('The work is no longer available to you.');
    expect(theirs.data.comments.map((c) => [c.html, c.work?.title, c.chapter])).toEqual([['<p>The harbour scene is perfect.</p>', 'Harbour Lights', null]]);
    expect(theirs.data.kudos.map((k) => k.work?.title)).toEqual(['Harbour Lights']);
    expect(theirs.data.subscriptions).toHaveLength(1);
    expect(theirs.data.readingHistory.map((r) => r.work?.title ?? null)).toContain('Harbour Lights');
    // Nothing of the hidden work, nor of the writer's draft, reaches the reader.
    expect(theirs.text).not.toContain('Gone By Morning');
    expect(theirs.text).not.toContain('Notes Toward a Storm');
    expect(theirs.text).not.toContain('The second night was quieter');
  }, 120_000);

  it('is the member\'s alone, one at a time, and a few an hour', async () => {
    const { app } = ctx();
    const member = await signUp(app);
    const path = `/users/${member.login}/account/export.zip`;
    expect((await new TestClient(app, '10.77.0.1').get(path)).statusCode).toBe(401);
    expect((await (await signUp(app)).get(path)).statusCode).toBe(403);
    const both = await Promise.all([member.get(path), member.get(path)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 429]);
    expect(both.find((r) => r.statusCode === 429)?.headers['retry-after']).toBeDefined();
    for (let i = 0; i < 4; i++) expect((await member.get(path)).statusCode).toBe(200);
    const spent = await member.get(path);
    expect(spent.statusCode).toBe(429);
    expect(spent.body).toContain('several times this hour');
  });
});
