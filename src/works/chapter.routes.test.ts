import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

const TEXT_TWO = 'By morning the fog had lifted and the boats came home one by one.';
const TEXT_THREE = 'Tobias found the logbook under the third stair, its pages swollen with salt.';

function chapterIdFrom(location: unknown): number {
  const match = /\/chapters\/(\d+)$/.exec(String(location));
  if (!match?.[1]) throw new Error(`not a chapter address: ${String(location)}`);
  return Number(match[1]);
}

describeEachDatabase('chapters', (ctx) => {
  it('adds chapters, counts them as 2/? then complete, and navigates between them', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?', 'chapter.title': 'The Lamp' });
    await writer.get(`/works/${id}/chapters/new`);
    const added = await writer.post(`/works/${id}/chapters`, { title: 'Fog', text: TEXT_TWO, notes: 'Thank you for reading!', action: 'post' });
    expect(added.statusCode).toBe(303);
    const second = chapterIdFrom(added.headers.location);

    const reader = new TestClient(ctx().app);
    const first = parsePage((await reader.get(`/works/${id}`)).body);
    expect(textOf(first, 'dd.chapters')).toBe('2/?');
    expect(textOf(first, 'dd.words')).toBe(String(26 + 14));
    expect(textOf(first, 'dt.status')).toBe('Updated:');
    expect(first.querySelector('li.chapter.next a')?.getAttribute('href')).toBe(`/works/${id}/chapters/${second}`);

    const page = parsePage((await reader.get(`/works/${id}/chapters/${second}`)).body);
    expect(textOf(page, 'div.chapter h3.title')).toBe('Chapter 2: Fog');
    expect(textOf(page, '#notes blockquote')).toBe('Thank you for reading!');
    expect(page.querySelector('li.chapter.previous a')).not.toBeNull();
    expect(page.querySelector('#workskin > .preface .summary.module')).toBeNull();
    expect(textOf(first, '#workskin > .preface .summary.module blockquote')).toBe('Mara keeps the light — and a secret.');
    expect(page.querySelector('li.chapter.next')).toBeNull();

    const edit = await writer.get(`/works/${id}/edit`);
    expect(parsePage(edit.body).querySelector('#field-chapter-text')).toBeNull();
    const { workFields } = await import('../../test/helpers.js');
    await writer.post(`/works/${id}`, workFields({ expectedChapters: '2', action: 'post' }));
    const done = parsePage((await reader.get(`/works/${id}`)).body);
    expect(textOf(done, 'dd.chapters')).toBe('2/2');
    expect(textOf(done, 'dt.status')).toBe('Completed:');
  });

  it('lists chapters with dates at /navigate and shows the entire work', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?', 'chapter.title': 'The Lamp' });
    await writer.post(`/works/${id}/chapters`, { title: 'Fog', text: TEXT_TWO, action: 'post' });
    const nav = await new TestClient(ctx().app).get(`/works/${id}/navigate`);
    const today = new Date().toISOString().slice(0, 10);
    expect(nav.body).toMatch(new RegExp(`1\\. The Lamp</a> <span class="datetime">\\(${today}\\)</span>`));
    expect(textsOf(parsePage(nav.body), 'ol.chapter.index li')).toEqual([`1. The Lamp (${today})`, `2. Fog (${today})`]);
    const full = parsePage((await new TestClient(ctx().app).get(`/works/${id}?view_full_work=true`)).body);
    expect(Array.from(full.querySelectorAll('#chapters > div.chapter')).map((c) => c.id)).toEqual(['chapter-1', 'chapter-2']);
  });

  it('keeps draft chapters out of counts and away from readers until posted', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?' });
    const draft = await writer.post(`/works/${id}/chapters`, { title: 'Secret', text: TEXT_TWO, action: 'draft' });
    const chapterId = chapterIdFrom(draft.headers.location);
    const reader = new TestClient(ctx().app);
    expect((await reader.get(`/works/${id}/chapters/${chapterId}`)).statusCode).toBe(404);
    expect(textOf(parsePage((await reader.get(`/works/${id}`)).body), 'dd.chapters')).toBe('1/?');
    expect((await writer.get(`/works/${id}/chapters/${chapterId}`)).body).toContain('Draft chapter');
    expect((await writer.post(`/works/${id}/chapters/${chapterId}/post`)).statusCode).toBe(303);
    expect((await reader.get(`/works/${id}/chapters/${chapterId}`)).statusCode).toBe(200);
    expect(textOf(parsePage((await reader.get(`/works/${id}`)).body), 'dd.chapters')).toBe('2/?');
  });

  it('edits, reorders and deletes chapters', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?', 'chapter.title': 'One' });
    const two = chapterIdFrom((await writer.post(`/works/${id}/chapters`, { title: 'Two', text: TEXT_TWO, action: 'post' })).headers.location);
    const three = chapterIdFrom((await writer.post(`/works/${id}/chapters`, { title: 'Three', text: TEXT_THREE, action: 'post' })).headers.location);

    const bad = await writer.post(`/works/${id}/chapters/${two}`, { title: 'Two', text: 'short' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('at least 10 characters');
    expect(bad.body).toContain('>short</textarea>');
    expect((await writer.post(`/works/${id}/chapters/${two}`, { title: 'Two, Revised', text: TEXT_TWO })).statusCode).toBe(303);

    const manage = parsePage((await writer.get(`/works/${id}/chapters/manage`)).body);
    const ids = Array.from(manage.querySelectorAll('input.position')).map((i) => Number(i.getAttribute('name')?.slice(9)));
    const [one] = ids;
    await writer.post(`/works/${id}/chapters/order`, { [`position.${one}`]: '3', [`position.${two}`]: '1', [`position.${three}`]: '2' });
    const nav = parsePage((await writer.get(`/works/${id}/navigate`)).body);
    expect(textsOf(nav, 'ol.chapter.index li a')).toEqual(['1. Two, Revised', '2. Three', '3. One']);

    expect((await writer.post(`/works/${id}/chapters/${three}/delete`)).statusCode).toBe(303);
    const after = parsePage((await writer.get(`/works/${id}/navigate`)).body);
    expect(textsOf(after, 'ol.chapter.index li a')).toEqual(['1. Two, Revised', '2. One']);
    expect(textOf(parsePage((await writer.get(`/works/${id}`)).body), 'dd.chapters')).toBe('2/?');

    const other = await signUp(ctx().app);
    expect((await other.post(`/works/${id}/chapters/${two}/delete`)).statusCode).toBe(403);
    expect((await other.post(`/works/${id}/chapters`, { text: TEXT_THREE })).statusCode).toBe(403);
  });

  it('never deletes the last chapter', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer);
    const manage = parsePage((await writer.get(`/works/${id}/chapters/manage`)).body);
    const chapterId = manage.querySelector('input.position')?.getAttribute('name')?.slice(9);
    const response = await writer.post(`/works/${id}/chapters/${chapterId}/delete`);
    expect(response.statusCode).toBe(303);
    expect((await writer.get(String(response.headers.location))).body).toContain('at least one chapter');
    expect((await writer.get(`/works/${id}`)).statusCode).toBe(200);
  });

  it('keeps at least one posted chapter on a posted work', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?' });
    await writer.post(`/works/${id}/chapters`, { title: 'Unfinished', text: TEXT_THREE, action: 'draft' });
    const manage = parsePage((await writer.get(`/works/${id}/chapters/manage`)).body);
    const firstId = manage.querySelector('input.position')?.getAttribute('name')?.slice(9);
    const response = await writer.post(`/works/${id}/chapters/${firstId}/delete`);
    expect((await writer.get(String(response.headers.location))).body).toContain('only posted chapter');
    expect((await new TestClient(ctx().app).get(`/works/${id}`)).statusCode).toBe(200);
  });

  it('previews a new chapter as it would read, cleaned, numbered and counted, saving nothing until it is posted', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?' });
    await writer.get(`/works/${id}/chapters/new`);
    const typed = { title: 'Fog', text: TEXT_TWO, notes: 'Thank you for reading!', summary: '', endNotes: '' };
    const preview = await writer.post(`/works/${id}/chapters`, { ...typed, action: 'preview' });
    expect(preview.statusCode).toBe(200);
    const page = parsePage(preview.body);
    expect(textOf(page, '.preview-banner p')).toBe('Preview. This is how your chapter will look. Nothing is saved yet.');
    expect(textOf(page, 'div.chapter h3.title')).toBe('Chapter 2: Fog');
    expect(textOf(page, '#chapters .userstuff.module p')).toBe(TEXT_TWO);
    const scripted = await writer.post(`/works/${id}/chapters`, { ...typed, text: `${TEXT_TWO}<script>alert(1)</script>`, action: 'preview' });
    expect(textOf(parsePage(scripted.body), '#chapters .userstuff.module p')).toBe(TEXT_TWO);
    expect(scripted.body).not.toContain('<script>alert');
    expect(textOf(page, 'dd.chapters')).toBe('2/?');
    expect(textOf(page, 'dd.words')).toBe(String(26 + 14));
    const hidden: Record<string, string> = Object.fromEntries(Array.from(page.querySelectorAll<HTMLInputElement>('.preview-banner input[type=hidden]')).map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? '']));
    expect(hidden).toMatchObject(typed);
    expect(textsOf(page, '.preview-banner button')).toEqual(['Edit', 'Save as draft', 'Post chapter']);
    expect(textOf(parsePage((await new TestClient(ctx().app).get(`/works/${id}`)).body), 'dd.chapters')).toBe('1/?');

    const back = parsePage((await writer.post(`/works/${id}/chapters`, { ...typed, action: 'edit' })).body);
    expect(back.querySelector('#field-text')?.textContent).toBe(typed.text);
    expect(back.querySelector('#field-title')?.getAttribute('value')).toBe('Fog');

    const posted = await writer.post(`/works/${id}/chapters`, { ...typed, action: 'post' });
    expect(posted.statusCode).toBe(303);
    expect(textOf(parsePage((await new TestClient(ctx().app).get(`/works/${id}`)).body), 'dd.chapters')).toBe('2/?');
  });

  it('previews an edit of a chapter in its place, and a chapter that fails the checks brings the form back', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { expectedChapters: '?' });
    const second = chapterIdFrom((await writer.post(`/works/${id}/chapters`, { title: 'Fog', text: TEXT_TWO, action: 'post' })).headers.location);
    await writer.post(`/works/${id}/chapters`, { title: 'Salt', text: TEXT_THREE, action: 'post' });
    const preview = parsePage((await writer.post(`/works/${id}/chapters/${second}`, { title: 'Mist', text: 'Only mist now, nothing else at all.', action: 'preview' })).body);
    expect(textOf(preview, 'div.chapter h3.title')).toBe('Chapter 2: Mist');
    expect(textOf(preview, 'dd.words')).toBe(String(26 + 7 + 13));
    expect(textsOf(preview, '.preview-banner button')).toEqual(['Edit', 'Update']);
    expect(textOf(parsePage((await new TestClient(ctx().app).get(`/works/${id}/chapters/${second}`)).body), 'div.chapter h3.title')).toBe('Chapter 2: Fog');

    const short = await writer.post(`/works/${id}/chapters/${second}`, { title: 'Mist', text: 'Too short', action: 'preview' });
    expect(short.statusCode).toBe(422);
    expect(parsePage(short.body).querySelector('#field-text')?.textContent).toBe('Too short');
  });

  it('offers Preview on the add and edit chapter forms', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer);
    const form = parsePage((await writer.get(`/works/${id}/chapters/new`)).body);
    expect(form.querySelector('button[name=action][value=preview]')?.textContent).toBe('Preview');
  });
});
