// A writer never loses what they typed when sending a form is refused for a reason that is not
// their input: their session ended, the form's token expired.
import { expect, it } from 'vitest';
import { describeEachDatabase, PASSWORD, postWork, signUp, workFields } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';

const LONG_TEXT = 'The tide came in over the causeway while Mara slept, and by morning the island was an island again.\n\n'.repeat(40);

describeEachDatabase('kept forms', (ctx) => {
  it('gives a writer whose session ended the work form back, everything typed, and posts it once they log in with it', async () => {
    const { app, database } = ctx();
    const writer = await signUp(app);
    await writer.get('/works/new');
    await database.db.deleteFrom('sessions').execute();
    const refused = await writer.post('/works', workFields({ title: 'The Causeway at Dawn', 'chapter.text': LONG_TEXT }));
    expect(refused.statusCode).toBe(403);
    const page = parsePage(refused.body);
    expect(page.querySelector('.refusal')?.textContent).toContain('You were logged out, so this was not saved yet.');
    expect(page.querySelector('input[name="title"]')?.getAttribute('value')).toBe('The Causeway at Dawn');
    expect(page.querySelector('textarea[name="chapter.text"]')?.textContent).toBe(LONG_TEXT);
    expect(page.querySelector('input[name="characters"]')?.getAttribute('value')).toBe('Mara Quill, Tobias Fenn');
    expect(page.querySelector('#log-in-to-send input[name="session_login"]')).not.toBeNull();

    const wrong = await writer.post('/works', workFields({ title: 'The Causeway at Dawn', 'chapter.text': LONG_TEXT, session_login: writer.login, session_password: 'not it' }));
    expect(wrong.statusCode).toBe(422);
    expect(parsePage(wrong.body).querySelector('#field-session_password-error')?.textContent).toContain('do not match');
    expect(parsePage(wrong.body).querySelector('textarea[name="chapter.text"]')?.textContent).toBe(LONG_TEXT);

    const sent = await writer.post('/works', workFields({ title: 'The Causeway at Dawn', 'chapter.text': LONG_TEXT, session_login: writer.login, session_password: PASSWORD }));
    expect(sent.statusCode).toBe(303);
    const work = await writer.get(String(sent.headers.location));
    expect(work.body).toContain('The Causeway at Dawn');
    expect(work.body).toContain('Log out');
    expect(parsePage(work.body).querySelector('#chapters .userstuff')?.textContent).toContain('by morning the island was an island again');
  });

  it('gives a logged-in writer whose form expired the form back, and takes it when sent again', async () => {
    const { app } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'Low Water' });
    await writer.get(`/works/${id}/edit`);
    const stale = await app.inject({
      method: 'POST', url: `/works/${id}`, headers: { cookie: [...writer.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...workFields({ title: 'Low Water, Revised' }), _csrf: 'an-old-token' }).toString(),
    });
    expect(stale.statusCode).toBe(403);
    const page = parsePage(stale.body);
    expect(page.querySelector('.refusal')?.textContent).toContain('This form had expired');
    expect(page.querySelector('input[name="title"]')?.getAttribute('value')).toBe('Low Water, Revised');
    expect(page.querySelector('#log-in-to-send')).toBeNull();
    const token = page.querySelector('main form input[name="_csrf"]')?.getAttribute('value') ?? '';
    const again = await app.inject({
      method: 'POST', url: `/works/${id}`, headers: { cookie: [...writer.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...workFields({ title: 'Low Water, Revised' }), _csrf: token }).toString(),
    });
    expect(again.statusCode).toBe(303);
    expect((await writer.get(`/works/${id}`)).body).toContain('Low Water, Revised');
  });

  it('keeps a chapter typed by a writer whose session ended, and adds it once they log in', async () => {
    const { app, database } = ctx();
    const writer = await signUp(app);
    const id = await postWork(writer, { title: 'The Long Crossing', expectedChapters: '?' });
    await writer.get(`/works/${id}/chapters/new`);
    await database.db.deleteFrom('sessions').execute();
    const chapter = { title: 'Ebb', summary: '', notes: '', endNotes: '', text: LONG_TEXT, action: 'post' };
    const refused = await writer.post(`/works/${id}/chapters`, chapter);
    expect(refused.statusCode).toBe(403);
    expect(parsePage(refused.body).querySelector('textarea[name="text"]')?.textContent).toBe(LONG_TEXT);
    const sent = await writer.post(`/works/${id}/chapters`, { ...chapter, session_login: writer.login, session_password: PASSWORD });
    expect(sent.statusCode).toBe(303);
    expect((await writer.get(String(sent.headers.location))).body).toContain('Ebb');
  });
});
