// What the archive says to everyone, on both databases: the announcement banner (on every page,
// the cached guest work page included, until a reader hides it), the terms of service accepted at
// sign-up and again when they change, and the contact form that reaches the support role.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { PASSWORD, describeEachDatabase, enableTwoFactor, postWork, signUp, signUpAdmin, uniqueLogin } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

describeEachDatabase('announcements, terms and the contact form', (ctx) => {
  const db = () => ctx().app.db;

  const admin = () => signUpAdmin(ctx().app);

  const banner = async (client: TestClient, path: string) => textOf(parsePage((await client.get(path)).body), 'aside.announcement .userstuff');

  it('shows an announcement on every page until the reader hides it, the cached work page included', async () => {
    const boss = await admin();
    const writer = await signUp(ctx().app);
    const workId = await postWork(writer, { title: 'Lantern Season' });
    await boss.get('/admin/announcements');
    const empty = await boss.post('/admin/announcements', { content: '<script>alert(1)</script>' });
    expect(empty.statusCode).toBe(422);
    expect(textOf(parsePage(empty.body), '#field-content-error')).toBe('Write the announcement first.');
    expect((await boss.post('/admin/announcements', { content: 'Maintenance on <em>Sunday</em> at noon. <img src=x onerror="alert(1)">' })).statusCode).toBe(303);
    const guest = new TestClient(ctx().app, '10.71.0.1');
    expect(await banner(guest, '/')).toContain('Maintenance on Sunday at noon.');
    const page = (await guest.get(`/works/${workId}`)).body;
    expect(page).toContain('<em>Sunday</em>');
    expect(page).not.toContain('onerror');
    // The second answer comes from the page cache: the banner is still there, once.
    const cached = (await guest.get(`/works/${workId}`)).body;
    expect(cached.match(/class="announcement"/g)?.length).toBe(1);
    const form = parsePage(cached).querySelector('form.announcement-dismiss');
    const action = form?.getAttribute('action') ?? '';
    const hidden = await guest.post(action, { return_to: `/works/${workId}` });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe(`/works/${workId}`);
    expect(await banner(guest, `/works/${workId}`)).toBeNull();
    expect(await banner(guest, '/works')).toBeNull();
    // Another guest still sees it, from the same cached page.
    expect(await banner(new TestClient(ctx().app, '10.71.0.2'), `/works/${workId}`)).toContain('Maintenance');
    // A new announcement shows to those who hid the old one.
    await boss.get('/admin/announcements');
    expect((await boss.post('/admin/announcements', { content: 'The archive is back.' })).statusCode).toBe(303);
    expect(await banner(guest, `/works/${workId}`)).toBe('The archive is back.');
    const list = parsePage((await boss.get('/admin/announcements')).body);
    const end = list.querySelector('form[action$="/end"]')?.getAttribute('action') ?? '';
    expect((await boss.post(end, {})).statusCode).toBe(303);
    expect(await banner(new TestClient(ctx().app, '10.71.0.3'), `/works/${workId}`)).toBeNull();
    // Only administrators post announcements.
    expect((await writer.get('/admin/announcements')).statusCode).toBe(403);
  });

  it('takes messages from guests and members for the support role, keeping what was typed when something is missing', async () => {
    const boss = await admin();
    const helper = await signUp(ctx().app);
    await boss.get('/admin/roles');
    expect((await boss.post('/admin/roles', { login: helper.login, roles: ['support'] })).statusCode).toBe(303);
    await enableTwoFactor(helper);
    const guest = new TestClient(ctx().app, '10.72.0.1');
    await guest.get('/contact');
    const missing = await guest.post('/contact', { name: 'Fern', email: 'nope', subject: 'Lost my work', message: 'I cannot find my draft.' });
    expect(missing.statusCode).toBe(422);
    const page = parsePage(missing.body);
    expect(textOf(page, '#field-email-error')).toContain('valid email');
    expect(page.querySelector('textarea[name="message"]')?.textContent).toBe('I cannot find my draft.');
    const sent = await guest.post('/contact', { name: 'Fern', email: 'fern@example.org', subject: 'Lost my work', message: 'I cannot find my draft.' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('your message reached');
    const member = await signUp(ctx().app);
    await member.get('/contact');
    expect((await member.post('/contact', { subject: 'A suggestion', message: 'Dark mode, please.' })).statusCode).toBe(200);
    const inbox = parsePage((await helper.get('/admin/contact')).body);
    const messages = Array.from(inbox.querySelectorAll('li.contact-message')).map((li) => li.textContent);
    expect(messages.some((m) => m.includes('Lost my work') && m.includes('fern@example.org'))).toBe(true);
    const memberEmail = (await db().selectFrom('users').select('email').where('login', '=', member.login).executeTakeFirstOrThrow()).email;
    expect(messages.some((m) => m.includes('A suggestion') && m.includes(memberEmail))).toBe(true);
    const answer = inbox.querySelector('form[action$="/answered"]')?.getAttribute('action') ?? '';
    expect((await helper.post(answer, {})).statusCode).toBe(303);
    expect(parsePage((await helper.get('/admin/contact')).body).querySelectorAll('li.contact-message.answered')).toHaveLength(1);
    expect((await member.get('/admin/contact')).statusCode).toBe(403);
    // Five an hour from one address (the refused try did not count); the sixth comes back with what was typed.
    for (let i = 0; i < 4; i += 1) expect((await guest.post('/contact', { name: 'Fern', email: 'fern@example.org', subject: `Again ${i}`, message: 'Hello?' })).statusCode).toBe(200);
    const limited = await guest.post('/contact', { name: 'Fern', email: 'fern@example.org', subject: 'Once more', message: 'Still there?' });
    expect(limited.statusCode).toBe(429);
    expect(parsePage(limited.body).querySelector('textarea[name="message"]')?.textContent).toBe('Still there?');
  });

  // Last: once terms are published, every member of this app is asked to accept them.
  it('asks for the terms at sign-up once there are terms, and asks every member again when they change', async () => {
    const boss = await admin();
    const member = await signUp(ctx().app);
    expect(parsePage((await new TestClient(ctx().app, '10.73.0.1').get('/signup')).body).querySelector('input[name="terms"]')).toBeNull();
    expect(textOf(parsePage((await member.get('/terms')).body), 'main h2 + p')).toContain('has not published its terms of service yet');
    await boss.get('/admin/site_pages/terms');
    expect((await boss.post('/admin/site_pages/terms', { content: '<h3>Be kind</h3><p>Post only what you may share.</p>' })).statusCode).toBe(303);
    // Its writer has read it; everyone else is asked, and can still read the terms.
    expect((await boss.get('/admin')).statusCode).toBe(200);
    const asked = await member.get('/works?sort_column=title');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/terms/accept?return_to=%2Fworks%3Fsort_column%3Dtitle');
    expect(textOf(parsePage((await member.get('/terms')).body), '.userstuff h3')).toBe('Be kind');
    const acceptPage = parsePage((await member.get('/terms/accept?return_to=%2Fworks')).body);
    expect(textOf(acceptPage, '.terms-text p')).toBe('Post only what you may share.');
    const unticked = await member.post('/terms/accept', { return_to: '/works', version: '1' });
    expect(unticked.statusCode).toBe(422);
    expect(textOf(parsePage(unticked.body), '#field-accept-error')).toContain('Tick the box');
    const accepted = await member.post('/terms/accept', { return_to: '/works', version: '1', accept: '1' });
    expect(accepted.headers.location).toBe('/works');
    expect((await member.get('/works')).statusCode).toBe(200);

    // Sign-up now asks; without the box ticked the form comes back as typed.
    const newcomer = new TestClient(ctx().app, '10.73.0.2');
    await newcomer.get('/signup');
    const login = uniqueLogin('reader');
    const refused = await newcomer.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD });
    expect(refused.statusCode).toBe(422);
    const form = parsePage(refused.body);
    expect(textOf(form, '#field-terms-error')).toContain('accept the Terms of Service');
    expect(form.querySelector('input[name="login"]')?.getAttribute('value')).toBe(login);
    const made = await newcomer.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD, terms: '1' });
    expect(made.statusCode).toBe(303);
    expect((await newcomer.get('/works')).statusCode).toBe(200);

    // A new version asks again.
    await boss.get('/admin/site_pages/terms');
    expect((await boss.post('/admin/site_pages/terms', { content: '<p>Version two.</p>' })).statusCode).toBe(303);
    expect((await newcomer.get('/works')).statusCode).toBe(303);
    expect((await member.get('/works')).statusCode).toBe(303);
  });
});
