// Reading history and Mark for Later, on both databases: reads noted off the reading path, the
// "Updated since you last read" badge, marking, clearing and turning history off.
import { expect, it } from 'vitest';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

describeEachDatabase('reading history', (ctx) => {
  it('keeps the works a member read, says when one was updated since, and marks works for later', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const serial = await postWork(writer, { title: 'The Serial', expectedChapters: '?' });
    const other = await postWork(writer, { title: 'Another One' });
    const history = `/users/${reader.login}/readings`;
    await reader.get(`/works/${serial}`);
    await reader.get(`/works/${serial}`);
    await writer.get(`/works/${serial}`);
    await t.app.readings.flush();
    let page = parsePage((await reader.get(history)).body);
    expect(textsOf(page, 'li.work.blurb h4 a:first-child')).toEqual(['The Serial']);
    expect(textOf(page, '.reading-note p')).toMatch(/^Last visited \d{4}-\d{2}-\d{2} · 2 visits$/);
    // The creator's own visits are not their history.
    expect(textsOf(parsePage((await writer.get(`/users/${writer.login}/readings`)).body), 'li.work.blurb')).toEqual([]);

    await writer.get(`/works/${serial}/chapters/new`);
    expect((await writer.post(`/works/${serial}/chapters`, { title: 'More', text: 'The serial goes on.' })).statusCode).toBe(303);
    page = parsePage((await reader.get(history)).body);
    expect(textOf(page, '.updated-since')).toBe('Updated since you last read');
    // The badge follows the reader into every listing and search, on the updated work alone, and only for them.
    const badged = async (client: typeof reader, path: string) => {
      const listing = parsePage((await client.get(path)).body);
      return textsOf(listing, 'li.work.blurb').filter((blurb) => blurb.includes('Updated since you last read')).map((blurb) => /The Serial|Another One/.exec(blurb)?.[0]);
    };
    expect(await badged(reader, '/works')).toEqual(['The Serial']);
    expect(await badged(reader, `/users/${writer.login}/works`)).toEqual(['The Serial']);
    expect(await badged(reader, '/works/search?work_search%5Bquery%5D=serial')).toEqual(['The Serial']);
    expect(await badged(writer, '/works')).toEqual([]);
    await reader.get(`/works/${serial}`);
    await t.app.readings.flush();
    expect(await badged(reader, '/works')).toEqual([]);

    const work = parsePage((await reader.get(`/works/${other}`)).body);
    expect(textOf(work, '#feedback li.mark button')).toBe('Mark for Later');
    expect((await reader.post(`/works/${other}/mark_for_later`)).statusCode).toBe(303);
    expect(textOf(parsePage((await reader.get(`/works/${other}`)).body), '#feedback li.mark button')).toBe('Mark as Read');
    expect(textsOf(parsePage((await reader.get(`${history}?show=to-read`)).body), 'li.work.blurb h4 a:first-child')).toEqual(['Another One']);

    expect((await reader.post(`${history}/clear`)).statusCode).toBe(303);
    await t.app.readings.flush();
    expect(textsOf(parsePage((await reader.get(history)).body), 'li.work.blurb h4 a:first-child')).toEqual(['Another One']);
    expect((await writer.get(history)).statusCode).toBe(403);
  });

  it('adds nothing while history is off', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    const history = `/users/${reader.login}/readings`;
    await reader.get(history);
    expect((await reader.post(`${history}/history`)).statusCode).toBe(303);
    await reader.get(`/works/${workId}`);
    await t.app.readings.flush();
    const page = parsePage((await reader.get(history)).body);
    expect(textOf(page, '.hint')).toContain('Your history is not being kept');
    expect(textsOf(page, 'li.work.blurb')).toEqual([]);
  });
});
