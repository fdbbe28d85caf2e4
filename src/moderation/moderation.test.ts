// Reports and moderation through the pages, on both databases: reporting, the roles that open
// the queue, hiding a work (its creators still see it, with the reason), spam, suspension, bans,
// the log, and undoing.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { PASSWORD, describeEachDatabase, enableTwoFactor, postWork, signUp, signUpAdmin } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

describeEachDatabase('reports and moderation', (ctx) => {
  const db = () => ctx().app.db;

  /** A member given roles by the administrator, with two-factor sign-in on. */
  async function volunteer(admin: TestClient, roles: string[]) {
    const member = await signUp(ctx().app);
    await admin.get('/admin/roles');
    expect((await admin.post('/admin/roles', { login: member.login, roles })).statusCode).toBe(303);
    await enableTwoFactor(member);
    return member;
  }

  async function setUp() {
    const admin = await signUpAdmin(ctx().app);
    const moderator = await volunteer(admin, ['policy_abuse']);
    const writer = await signUp(ctx().app);
    return { admin, moderator, writer };
  }

  async function report(client: TestClient, kind: string, id: string, fields: Record<string, string> = {}) {
    await client.get(`/reports/new?kind=${kind}&id=${id}`);
    return client.post('/reports', { kind, id, category: 'harassment', details: 'It names a real person and threatens them.', ...fields });
  }

  /** The id of the newest report, after following the queue's link as a moderator would. */
  async function newestReport(moderator: TestClient): Promise<string> {
    const queue = parsePage((await moderator.get('/admin/moderation')).body);
    const links = Array.from(queue.querySelectorAll('table.moderation-queue a')).map((a) => a.getAttribute('href') ?? '');
    return links[links.length - 1]?.split('/').pop() ?? '';
  }

  async function act(moderator: TestClient, reportId: string, act: string, reason: string, days = '') {
    await moderator.get(`/admin/moderation/reports/${reportId}`);
    return moderator.post(`/admin/moderation/reports/${reportId}/act`, { act, reason, days });
  }

  it('takes reports from guests (with an address) and members, and keeps what was typed when something is missing', async () => {
    const { writer } = await setUp();
    const workId = await postWork(writer, { title: 'The Salt Road' });
    const guest = new TestClient(ctx().app, '10.90.0.1');
    const page = await guest.get(`/works/${workId}`);
    expect(parsePage(page.body).querySelector('.report-link a')?.getAttribute('href')).toBe(`/reports/new?kind=work&id=${workId}`);
    const form = await guest.get(`/reports/new?kind=work&id=${workId}`);
    expect(textOf(parsePage(form.body), 'h2')).toBe('Report the work “The Salt Road”');
    const missing = await guest.post('/reports', { kind: 'work', id: String(workId), category: 'spam', details: 'Selling things in chapter 2.', email: '' });
    expect(missing.statusCode).toBe(422);
    expect(textOf(parsePage(missing.body), '#field-email-error')).toContain('Give an email address');
    expect(parsePage(missing.body).querySelector('textarea[name="details"]')?.textContent).toBe('Selling things in chapter 2.');
    const sent = await guest.post('/reports', { kind: 'work', id: String(workId), category: 'spam', details: 'Selling things in chapter 2.', email: 'reader@example.net' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Your report was sent');
    const member = await signUp(ctx().app);
    expect((await report(member, 'user', writer.login)).statusCode).toBe(200);
    // Only what the reporter can see can be reported.
    const draft = await postWork(writer, { action: 'draft' });
    expect((await guest.get(`/reports/new?kind=work&id=${draft}`)).statusCode).toBe(404);
    const rows = await db().selectFrom('reports').select(['target_kind', 'reporter_email', 'reporter_id']).orderBy('id', 'desc').limit(2).execute();
    expect(rows.map((r) => r.target_kind)).toEqual(['user', 'work']);
    expect(rows[1]?.reporter_email).toBe('reader@example.net');
  });

  it('opens each admin page only to its role, and only with two-factor sign-in', async () => {
    const { admin, moderator } = await setUp();
    const support = await volunteer(admin, ['support']);
    expect((await moderator.get('/admin/moderation')).statusCode).toBe(200);
    expect((await moderator.get('/admin/mail')).statusCode).toBe(403);
    expect((await moderator.get('/admin/settings')).statusCode).toBe(403);
    expect((await support.get('/admin/mail')).statusCode).toBe(200);
    expect((await support.get('/admin/moderation')).statusCode).toBe(403);
    expect((await support.get('/admin/contact')).statusCode).toBe(200);
    expect((await moderator.get('/admin/contact')).statusCode).toBe(403);
    const index = parsePage((await support.get('/admin')).body);
    expect(Array.from(index.querySelectorAll('.admin-index a')).map((a) => a.getAttribute('href'))).toEqual(['/admin/contact', '/admin/mail']);
    // A role without two-factor sign-in opens nothing.
    const unsure = await signUp(ctx().app);
    await admin.post('/admin/roles', { login: unsure.login, roles: ['policy_abuse'] });
    const refused = await unsure.get('/admin/moderation');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('must sign in with two factors');
    expect((await new TestClient(ctx().app).get('/admin/moderation')).statusCode).toBe(401);
  });

  it('hides a reported work from everyone but its creators, who see why; the log keeps it; undo shows it again', async () => {
    const { moderator, writer } = await setUp();
    const workId = await postWork(writer, { title: 'Lanterns Over Weir', freeforms: 'Harbour Lights' });
    const member = await signUp(ctx().app);
    await report(member, 'work', String(workId));
    const reportId = await newestReport(moderator);
    const casePage = parsePage((await moderator.get(`/admin/moderation/reports/${reportId}`)).body);
    expect(textOf(casePage, '.report-facts')).toContain('“Lanterns Over Weir”');
    const noReason = await act(moderator, reportId, `hide_work:work:${workId}`, '');
    expect(noReason.statusCode).toBe(422);
    expect(textOf(parsePage(noReason.body), '#field-reason-error')).toContain('Say why');
    expect((await act(moderator, reportId, `hide_work:work:${workId}`, 'Threatens a real person.')).statusCode).toBe(303);

    const guest = new TestClient(ctx().app, '10.91.0.1');
    expect((await guest.get(`/works/${workId}`)).statusCode).toBe(404);
    expect((await member.get(`/works/${workId}`)).statusCode).toBe(404);
    expect((await guest.get('/works')).body).not.toContain('Lanterns Over Weir');
    expect((await guest.get(`/users/${writer.login}/works`)).body).not.toContain('Lanterns Over Weir');
    const own = await writer.get(`/works/${workId}`);
    expect(own.statusCode).toBe(200);
    expect(textOf(parsePage(own.body), '.work-hidden')).toContain('Their reason: Threatens a real person.');
    // The report left the queue; the log says who did what and why.
    expect((await moderator.get('/admin/moderation')).body).not.toContain(`href="/admin/moderation/reports/${reportId}"`);
    const log = parsePage((await moderator.get('/admin/moderation/log')).body);
    expect(textOf(log, '.moderation-log li')).toContain('hide work work');
    expect(textOf(log, '.moderation-log li')).toContain('Threatens a real person.');

    const actionId = (await db().selectFrom('moderation_actions').select('id').where('target_id', '=', workId).where('action', '=', 'hide_work').executeTakeFirstOrThrow()).id;
    expect((await moderator.post(`/admin/moderation/actions/${actionId}/undo`)).statusCode).toBe(303);
    expect((await guest.get(`/works/${workId}`)).statusCode).toBe(200);
    expect((await moderator.get('/admin/moderation/log')).body).toContain('undone');
  });

  it('marks a spammer: their works and comments leave sight, they cannot post, and undoing brings back only what it hid', async () => {
    const { moderator, writer } = await setUp();
    const spammer = await signUp(ctx().app);
    const theirs = await postWork(spammer, { title: 'Cheap Lanterns Here' });
    const target = await postWork(writer, { title: 'A Quiet Harbour' });
    await spammer.get(`/works/${target}`);
    expect((await spammer.post(`/works/${target}/comments`, { comment: 'Buy lanterns at example.com!' })).statusCode).toBe(303);
    await report(writer, 'user', spammer.login, { category: 'spam' });
    const reportId = await newestReport(moderator);
    const spammerId = (await db().selectFrom('users').select('id').where('login', '=', spammer.login).executeTakeFirstOrThrow()).id;
    expect((await act(moderator, reportId, `spam:user:${spammerId}`, 'Commercial spam in comments.')).statusCode).toBe(303);
    const guest = new TestClient(ctx().app, '10.92.0.1');
    expect((await guest.get(`/works/${theirs}`)).statusCode).toBe(404);
    expect((await guest.get(`/works/${target}/comments`)).body).not.toContain('Buy lanterns');
    // The work's creator does not read a comment the moderators hid, either; its writer does.
    expect((await writer.get(`/works/${target}/comments`)).body).not.toContain('Buy lanterns');
    expect((await spammer.get(`/works/${target}/comments`)).body).toContain('Buy lanterns');
    await spammer.get('/works/new');
    const refused = await spammer.post('/works', { title: 'More Lanterns' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('suspended your account');

    const actionId = (await db().selectFrom('moderation_actions').select('id').where('action', '=', 'spam').where('target_id', '=', spammerId).executeTakeFirstOrThrow()).id;
    await moderator.get('/admin/moderation/log');
    await moderator.post(`/admin/moderation/actions/${actionId}/undo`);
    expect((await guest.get(`/works/${theirs}`)).statusCode).toBe(200);
    expect((await guest.get(`/works/${target}/comments`)).body).toContain('Buy lanterns');
  });

  it('suspends for a number of days (reading still open), and bans: logged out everywhere, no log-in', async () => {
    const { moderator, writer } = await setUp();
    const reader = await signUp(ctx().app);
    const workId = await postWork(writer);
    await report(writer, 'user', reader.login);
    const readerId = (await db().selectFrom('users').select('id').where('login', '=', reader.login).executeTakeFirstOrThrow()).id;
    let reportId = await newestReport(moderator);
    const noDays = await act(moderator, reportId, `suspend:user:${readerId}`, 'Harassing a writer.');
    expect(textOf(parsePage(noDays.body), '#field-days-error')).toContain('1 to 3,650 days');
    expect((await act(moderator, reportId, `suspend:user:${readerId}`, 'Harassing a writer.', '3')).statusCode).toBe(303);
    expect((await reader.get(`/works/${workId}`)).statusCode).toBe(200);
    const comment = await reader.post(`/works/${workId}/comments`, { comment: 'Still here.' });
    expect(comment.statusCode).toBe(403);
    expect(comment.body).toMatch(/suspended your account until \d{4}-\d{2}-\d{2}/);

    await report(writer, 'user', reader.login, { details: 'Back again under the suspension.' });
    reportId = await newestReport(moderator);
    expect((await act(moderator, reportId, `ban:user:${readerId}`, 'Repeated harassment.')).statusCode).toBe(303);
    expect((await reader.get('/')).body).not.toContain('Log out');
    const again = new TestClient(ctx().app, '10.93.0.1');
    const login = await again.post('/login', { login: reader.login, password: PASSWORD });
    expect(login.statusCode).toBe(422);
    expect(login.body).toContain('banned by the archive');
  });
});
