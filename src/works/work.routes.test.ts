import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields, workIdFrom } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

describeEachDatabase('posting and reading works', (ctx) => {
  it('sends guests to log in before posting', async () => {
    const guest = new TestClient(ctx().app);
    const page = await guest.get('/works/new');
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('Log in to do that.');
  });

  it('posts a work and shows it with its tags, word count and dates', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { relationships: 'Mara Quill/Tobias Fenn' });
    const page = await new TestClient(ctx().app).get(`/works/${id}`);
    expect(page.statusCode).toBe(200);
    const doc = parsePage(page.body);
    expect(textOf(doc, 'h2.title.heading')).toBe('The Lighthouse Keeper’s Daughter');
    expect(textOf(doc, 'dd.relationship.tags')).toBe('Mara Quill/Tobias Fenn');
    expect(textsOf(doc, 'dd.character.tags a.tag')).toEqual(['Mara Quill', 'Tobias Fenn']);
    expect(textOf(doc, 'dd.words')).toBe('26');
    expect(textOf(doc, 'dd.chapters')).toBe('1/1');
    expect(textOf(doc, 'dd.published')).toBe(new Date().toISOString().slice(0, 10));
    expect(doc.querySelector('.userstuff.module p')?.textContent).toBe('The lamp had to be lit before the tide turned.');
  });

  it('keeps curly quotes, dashes, ellipses, non-breaking spaces and other scripts exactly', async () => {
    const writer = await signUp(ctx().app);
    const text = '“Wait—” she said… «Ça va?»\u00a0— 灯台守の娘。 שלום עולם. مرحبا بالعالم';
    const id = await postWork(writer, { title: 'Ça commence — “ici”…', 'chapter.text': text });
    const page = await writer.get(`/works/${id}`);
    expect(page.body).toContain('<h2 class="title heading">Ça commence — “ici”…</h2>');
    expect(page.body).toContain(`<p>${text}</p>`);
  });

  it('turns pasted plain text into paragraphs and removes disallowed HTML on save', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { 'chapter.text': 'First paragraph.\nSame paragraph.\n\n<script>alert(1)</script><p onclick="x()">Second <em>one</em>.</p>' });
    const page = await writer.get(`/works/${id}`);
    expect(page.body).toContain('<p>First paragraph.<br>Same paragraph.</p>');
    expect(page.body).toContain('<p>Second <em>one</em>.</p>');
    expect(page.body).not.toContain('alert(1)');
    expect(page.body).not.toContain('onclick');
  });

  it('explains "Who can comment" and keeps the choice with the work', async () => {
    const writer = await signUp(ctx().app);
    const form = parsePage((await writer.get('/works/new')).body);
    const group = Array.from(form.querySelectorAll('fieldset')).find((f) => textOf(f, 'legend') === 'Who can comment');
    expect(group === undefined ? null : textOf(group, '.hint')).toBe('Guests comment with a name and an email that is never shown. To approve comments before they show, use Moderate comments on the work’s comments page.');
    const id = await postWork(writer, { commentPermission: 'registered' });
    const edit = parsePage((await writer.get(`/works/${id}/edit`)).body);
    expect(edit.querySelector('input[name=commentPermission]:checked')?.getAttribute('value')).toBe('registered');
  });

  it('previews without saving, then posts from the preview', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/new');
    const preview = await writer.post('/works', workFields({ title: 'Preview Only Title', action: 'preview' }));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Nothing is saved yet');
    expect(preview.body).toContain('<h2 class="title heading">Preview Only Title</h2>');
    const mine = await writer.get(`/users/${writer.login}/works`);
    expect(mine.body).not.toContain('Preview Only Title');
    const posted = await writer.post('/works', workFields({ title: 'Preview Only Title', action: 'post' }));
    const id = workIdFrom(posted);
    expect((await writer.get(`/works/${id}`)).body).toContain('Preview Only Title');
  });

  it('keeps a draft visible to its creator only, until it is posted', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'A Quiet Draft', action: 'draft' });
    expect((await writer.get(`/works/${id}`)).body).toContain('This work is a draft');
    const reader = await signUp(ctx().app);
    const hidden = await reader.get(`/works/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toContain('Sorry, we couldn&#x27;t find the work you were looking for.');
    expect((await new TestClient(ctx().app).get(`/works/${id}`)).statusCode).toBe(404);
    expect((await reader.get('/works')).body).not.toContain('A Quiet Draft');
    expect((await writer.get(`/users/${writer.login}/works`)).body).toContain('A Quiet Draft');
    expect((await reader.get(`/users/${writer.login}/works`)).body).not.toContain('A Quiet Draft');
    expect((await reader.get(`/works/${id}/navigate`)).statusCode).toBe(404);

    const post = await writer.post(`/works/${id}/post`);
    expect(post.statusCode).toBe(303);
    expect((await reader.get(`/works/${id}`)).statusCode).toBe(200);
    expect((await reader.get('/works')).body).toContain('A Quiet Draft');
  });

  it('shows a draft\'s creator the words and chapters the draft holds, on its page and in their listing', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Counting Drafts', action: 'draft', expectedChapters: '?', 'chapter.text': 'One two three four five.' });
    await writer.get(`/works/${id}/chapters/new`);
    await writer.post(`/works/${id}/chapters`, { title: 'More', summary: '', notes: '', endNotes: '', text: 'Six seven eight.', action: 'post' });
    const page = parsePage((await writer.get(`/works/${id}`)).body);
    expect(textOf(page, 'dl.stats dd.words')).toBe('8');
    expect(textOf(page, 'dl.stats dd.chapters')).toBe('2/?');
    const listing = parsePage((await writer.get(`/users/${writer.login}/works`)).body);
    expect(textOf(listing, `li#work_${id} dl.stats dd.words`)).toBe('8');
    await writer.post(`/works/${id}/post`);
    expect(textOf(parsePage((await new TestClient(ctx().app).get(`/works/${id}`)).body), 'dl.stats dd.words')).toBe('8');
  });

  it('counts a chapter\'s length as stored: the CR LF a browser sends for each line break is one character', async () => {
    const writer = await signUp(ctx().app);
    const line = 'Mara counted the gulls on the breakwater once more'.padEnd(99, '.');
    const typed = Array.from({ length: 5080 }, () => line).join('\r\n');
    expect(typed.length).toBeGreaterThan(510_000);
    expect(typed.replace(/\r\n/g, '\n').length).toBeLessThan(510_000);
    await writer.get('/works/new');
    const response = await writer.post('/works', workFields({ title: 'Five Thousand Lines', 'chapter.text': typed }));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const over = `${typed}\r\n${line.repeat(30)}`;
    const refused = await writer.post('/works', workFields({ title: 'Too Many Lines', 'chapter.text': over }));
    expect(refused.statusCode).toBe(422);
    expect(refused.body.includes('at most 510,000 characters (it is 510,970)')).toBe(true);
  });

  it('shows registered-users-only works to logged-in readers only', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Members Only Tale', restricted: '1' });
    const guest = new TestClient(ctx().app);
    const page = await guest.get(`/works/${id}`);
    expect(page.body).toContain('This work is only available to registered users of the Archive.');
    expect(page.body).not.toContain('The lamp had to be lit');
    expect((await guest.get('/works')).body).not.toContain('Members Only Tale');
    expect((await guest.get(`/works/${id}/navigate`)).body).not.toContain('Members Only Tale');
    const reader = await signUp(ctx().app);
    expect((await reader.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    expect((await reader.get('/works')).body).toContain('Members Only Tale');
  });

  it('shows the adult notice for Mature, Explicit and Not Rated works, and remembers Proceed', async () => {
    const writer = await signUp(ctx().app);
    for (const rating of ['Mature', 'Explicit', 'Not Rated']) {
      const id = await postWork(writer, { rating });
      const reader = new TestClient(ctx().app);
      const notice = await reader.get(`/works/${id}`);
      expect(notice.body).toContain('This work could have adult content. If you continue, you have agreed that you are willing to see such content.');
      const proceed = parsePage(notice.body).querySelector('ul.actions a');
      expect(proceed?.textContent).toBe('Proceed');
      expect(proceed?.getAttribute('href')).toBe(`/works/${id}?view_adult=true`);
      expect((await reader.get(`/works/${id}?view_adult=true`)).body).toContain('The lamp had to be lit');
      expect((await reader.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    }
    const general = await postWork(writer, { rating: 'Teen And Up Audiences' });
    expect((await new TestClient(ctx().app).get(`/works/${general}`)).body).not.toContain('could have adult content');
  });

  it('answers a missing work with the 404 page', async () => {
    const page = await new TestClient(ctx().app).get('/works/999999');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Sorry, we couldn&#x27;t find the work you were looking for.');
    expect((await new TestClient(ctx().app).get('/works/not-a-number')).statusCode).toBe(404);
  });

  it('re-renders the form with every typed value and the errors beside the fields', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/new');
    const longTitle = 'T'.repeat(256);
    const response = await writer.post('/works', workFields({
      title: longTitle, rating: 'Unrated Maybe', warnings: [], summary: 's'.repeat(1251), fandoms: 'Good, Bad<Tag',
      'chapter.text': 'too short', freeforms: 'Hurt/Comfort, Angst',
    }));
    expect(response.statusCode).toBe(422);
    const doc = parsePage(response.body);
    expect(doc.querySelector('#field-title')?.getAttribute('value')).toBe(longTitle);
    expect(doc.querySelector('#field-freeforms')?.getAttribute('value')).toBe('Hurt/Comfort, Angst');
    expect(doc.querySelector('#field-chapter-text')?.textContent).toBe('too short');
    expect(textOf(doc, '#field-title-error')).toContain('at most 255 characters');
    expect(textOf(doc, '#field-rating-error')).toContain('is not a rating');
    expect(textOf(doc, '#field-warnings-error')).toContain('at least one archive warning');
    expect(textOf(doc, '#field-summary-error')).toContain('at most 1,250 characters');
    expect(textOf(doc, '#field-fandoms-error')).toContain('Tags cannot contain "<"');
    expect(textOf(doc, '#field-chapter-text-error')).toContain('at least 10 characters');
    expect((await writer.get(`/users/${writer.login}/works`)).body).toContain('You have not posted anything yet');
  });

  it('refuses control characters, and more than 75 tags', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/new');
    const tags = Array.from({ length: 76 }, (_, i) => `Tag ${i}`).join(', ');
    const response = await writer.post('/works', workFields({ title: 'Bell\u0007Title', freeforms: tags }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Title contains control characters');
    expect(response.body).toContain('at most 75');
  });

  it('lets only the creators edit or delete, and asks before deleting', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer);
    const other = await signUp(ctx().app);
    expect((await other.get(`/works/${id}/edit`)).statusCode).toBe(403);
    expect((await other.post(`/works/${id}`, workFields({ title: 'Hijacked' }))).statusCode).toBe(403);
    expect((await other.post(`/works/${id}/delete`)).statusCode).toBe(403);
    expect((await new TestClient(ctx().app).post(`/works/${id}/delete`)).statusCode).toBe(401);

    const edit = await writer.get(`/works/${id}/edit`);
    expect(parsePage(edit.body).querySelector('#field-characters')?.getAttribute('value')).toBe('Mara Quill, Tobias Fenn');
    const updated = await writer.post(`/works/${id}`, workFields({ title: 'The Keeper, Revised', action: 'post' }));
    expect(updated.statusCode).toBe(303);
    expect((await writer.get(`/works/${id}`)).body).toContain('The Keeper, Revised');

    const confirm = await writer.get(`/works/${id}/confirm_delete`);
    expect(confirm.body).toContain('cannot be undone');
    expect((await writer.post(`/works/${id}/delete`)).statusCode).toBe(303);
    expect((await writer.get(`/works/${id}`)).statusCode).toBe(404);
  });

  it('backdates a work', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { backdate: '2011-03-04' });
    const doc = parsePage((await writer.get(`/works/${id}`)).body);
    expect(textOf(doc, 'dd.published')).toBe('2011-03-04');
    await writer.get('/works/new');
    const future = await writer.post('/works', workFields({ backdate: '2999-01-01' }));
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('cannot be in the future');
  });

  it('posts under a chosen pseud', async () => {
    const writer = await signUp(ctx().app);
    await writer.get(`/users/${writer.login}/pseuds`);
    expect((await writer.post(`/users/${writer.login}/pseuds`, { name: 'Night Owl', description: '' })).statusCode).toBe(303);
    const form = parsePage((await writer.get('/works/new')).body);
    const owl = Array.from(form.querySelectorAll('input[name="pseuds"]')).find((i) => i.parentElement?.textContent.includes('Night Owl'));
    const id = await postWork(writer, { pseuds: owl?.getAttribute('value') ?? '' });
    const page = parsePage((await writer.get(`/works/${id}`)).body);
    const author = page.querySelector('a[rel="author"]');
    expect(author?.textContent).toBe(`Night Owl (${writer.login})`);
    expect(author?.getAttribute('href')).toBe(`/users/${writer.login}/pseuds/Night%20Owl`);
    const listing = await writer.get(`/users/${writer.login}/pseuds/Night%20Owl`);
    expect(listing.body).toContain(`work_${id}`);
  });
});
