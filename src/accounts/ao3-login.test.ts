// A member's downloader written for AO3 logs in the way AO3's pages work and then fetches what
// the member may read. These steps are the ones such a tool takes, in its order.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, postWork, signUp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';

describeEachDatabase('logging in as AO3 tools do', (ctx) => {
  async function dispensedToken(tool: TestClient): Promise<string> {
    const response = await tool.get('/token_dispenser.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const { token } = JSON.parse(response.body) as { token: unknown };
    if (typeof token !== 'string' || token === '') throw new Error(`no token in ${response.body}`);
    return token;
  }

  it('takes a token from /token_dispenser.json and user[login] and user[password] at /users/login, then reads a members-only work', async () => {
    const member = await signUp(ctx().app);
    const id = await postWork(member, { title: 'The Members Ferry', restricted: '1', 'chapter.text': 'Only members ride the late ferry across the sound.' });
    const tool = new TestClient(ctx().app, '10.9.0.1');
    expect((await tool.get(`/works/${id}?view_adult=true`)).body).not.toContain('Only members ride');

    const token = await dispensedToken(tool);
    const login = await tool.post('/users/login', { 'user[login]': member.login, 'user[password]': PASSWORD, 'user[remember_me]': '1', authenticity_token: token }, { csrf: false });
    expect(login.statusCode).toBe(303);
    const landing = await tool.get(String(login.headers.location));
    expect(landing.body).toContain('href="/users/logout"');

    const work = parsePage((await tool.get(`/works/${id}?view_adult=true`)).body);
    expect(work.querySelector('#chapters .userstuff')?.textContent).toContain('Only members ride the late ferry');
    const marker = work.querySelector('h2.title img');
    expect(marker?.getAttribute('alt')).toBe('(Restricted)');
    expect(marker?.getAttribute('title')).toBe('Restricted');
    expect(work.querySelector('h2.title')?.textContent.trim()).toBe('The Members Ferry');
    const image = await tool.get(String(marker?.getAttribute('src')));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('shows no marker on a public work, and marks a members-only one in listings too', async () => {
    const member = await signUp(ctx().app);
    const open = await postWork(member, { title: 'Open Water' });
    const closed = await postWork(member, { title: 'Closed Harbour', restricted: '1' });
    expect(parsePage((await member.get(`/works/${open}`)).body).querySelector('h2.title img')).toBeNull();
    const listing = parsePage((await member.get(`/users/${member.login}/works`)).body);
    expect(listing.querySelector(`#work_${closed} h4.heading img`)?.getAttribute('alt')).toBe('(Restricted)');
    expect(listing.querySelector(`#work_${open} h4.heading img`)).toBeNull();
  });

  it('refuses a wrong password with the log-in form and no logout link, and a post without the token', async () => {
    const member = await signUp(ctx().app);
    const tool = new TestClient(ctx().app, '10.9.0.2');
    const token = await dispensedToken(tool);
    const wrong = await tool.post('/users/login', { 'user[login]': member.login, 'user[password]': 'not the password', authenticity_token: token }, { csrf: false });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).not.toContain('href="/users/logout"');
    expect(parsePage(wrong.body).querySelector('#field-login')?.getAttribute('value')).toBe(member.login);
    const tokenless = await tool.post('/users/login', { 'user[login]': member.login, 'user[password]': PASSWORD }, { csrf: false });
    expect(tokenless.statusCode).toBe(403);
    expect(tokenless.headers['set-cookie']).toBeUndefined();
  });

  it('links "Log out" to /users/logout, which asks before logging out; a guest there is sent home', async () => {
    const member = await signUp(ctx().app);
    const confirm = await member.get('/users/logout');
    expect(confirm.statusCode).toBe(200);
    expect(parsePage(confirm.body).querySelector('main form[action="/logout"] button')?.textContent).toBe('Log out');
    expect((await member.get('/')).body).toContain('href="/users/logout"');
    await member.post('/logout');
    expect((await member.get('/')).body).not.toContain('href="/users/logout"');
    expect((await member.get('/users/logout')).headers.location).toBe('/');
    expect((await member.get('/users/login?return_to=/works')).headers.location).toBe('/login?return_to=/works');
  });
});
