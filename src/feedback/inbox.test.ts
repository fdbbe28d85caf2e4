// The inbox and the email about comments, on both databases: who is told of a comment or a reply,
// the header's count, marking read, the choice to stop email (also from the email's own link),
// and the real SMTP path against an SMTP server started here (smtp-server), failures included.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { buildTestApp, describeEachDatabase, enableTwoFactor, PASSWORD, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

async function comment(client: TestClient, path: string, text: string): Promise<number> {
  await client.get(path);
  const response = await client.post(`${path}/comments`, { comment: text });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  return Number(/#comment_(\d+)$/.exec(String(response.headers.location))?.[1]);
}

async function outbox(t: TestApp) {
  return t.database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
}

type Received = { to: string[]; body: string };

describeEachDatabase('inbox and email', (ctx, dialect) => {
  it('tells the work’s creators of a comment and a commenter of a reply, never of their own', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'The Weir at Dusk' });
    const before = (await outbox(t)).length;
    const first = await comment(reader, `/works/${workId}`, 'The weir scene!');
    let page = parsePage((await writer.get('/works')).body);
    expect(textOf(page, '.user-nav a[href$="/inbox"]')).toBe('Inbox (1)');
    page = parsePage((await writer.get(`/users/${writer.login}/inbox`)).body);
    expect(textOf(page, '.inbox-item.unread h4')).toContain(`${reader.login} commented on The Weir at Dusk`);
    expect(textOf(page, '.inbox-item blockquote')).toBe('The weir scene!');
    expect(textOf(parsePage((await reader.get(`/users/${reader.login}/inbox`)).body), '.empty')).toContain('will show here');

    await comment(writer, `/comments/${first}`, 'Thank you so much!');
    page = parsePage((await reader.get(`/users/${reader.login}/inbox`)).body);
    expect(textOf(page, '.inbox-item h4')).toContain(`${writer.login} replied to your comment on The Weir at Dusk`);
    const mail = (await outbox(t)).slice(before);
    expect(mail.map((m) => [m.subject, m.status])).toEqual([
      ['[Bindery] Comment on The Weir at Dusk', 'pending'], ['[Bindery] Reply to your comment on The Weir at Dusk', 'pending'],
    ]);
    expect(mail[0]?.text_body).toContain(`http://archive.test/comments/${first}#comment_${first}`);
    expect(mail[0]?.text_body).toMatch(/Stop these emails: http:\/\/archive\.test\/unsubscribe\/comments\/\d+\/[\w-]+/);

    // Without a mail server the queue logs the email and keeps it in the outbox.
    await t.app.jobs.runOnce();
    expect((await outbox(t)).slice(before).map((m) => m.status)).toEqual(['logged', 'logged']);
    // An administrator can read it in the admin pages.
    const admin = await signUp(t.app);
    await t.database.db.updateTable('users').set({ is_admin: 1 }).where('login', '=', admin.login).execute();
    await enableTwoFactor(admin);
    const outboxPage = parsePage((await admin.get('/admin/mail')).body);
    expect(textsOf(outboxPage, '.outbox-mail summary strong')).toContain('[Bindery] Reply to your comment on The Weir at Dusk');
    expect(outboxPage.body.textContent).toContain('No mail server is set (SMTP_HOST): email is kept here and written to the log.');
    expect((await reader.get('/admin/mail')).statusCode).toBe(403);

    await writer.get(`/users/${writer.login}/inbox`);
    expect((await writer.post(`/users/${writer.login}/inbox/read`)).statusCode).toBe(303);
    expect(textOf(parsePage((await writer.get('/works')).body), '.user-nav a[href$="/inbox"]')).toBe('Inbox');
    expect((await reader.post(`/users/${writer.login}/inbox/read`)).statusCode).toBe(403);
    expect((await reader.get(`/users/${writer.login}/inbox`)).statusCode).toBe(403);
  });

  it('sends no email to a member who chose not to, from the preferences or the email’s own link', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer);
    await writer.get(`/users/${writer.login}/preferences`);
    expect((await writer.post(`/users/${writer.login}/preferences`, {})).statusCode).toBe(303);
    const before = (await outbox(t)).length;
    await comment(reader, `/works/${workId}`, 'Quietly lovely.');
    expect((await outbox(t)).length).toBe(before);
    expect(textsOf(parsePage((await writer.get(`/users/${writer.login}/inbox`)).body), '.inbox-item blockquote')).toEqual(['Quietly lovely.']);

    // The reader's email offers a way out without logging in.
    await writer.post(`/users/${writer.login}/preferences`, { email_comments: '1' });
    const first = await comment(reader, `/works/${workId}`, 'Back again.');
    await comment(writer, `/comments/${first}`, 'Welcome back!');
    const mail = (await outbox(t)).slice(before);
    const link = /http:\/\/archive\.test(\/unsubscribe\/comments\/\d+\/[\w-]+)/.exec(mail.at(-1)?.text_body ?? '')?.[1] ?? '';
    const guest = new TestClient(t.app);
    expect((await guest.get(link)).statusCode).toBe(200);
    expect((await guest.post(link)).statusCode).toBe(303);
    expect((await guest.get(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).statusCode).toBe(404);
    const count = (await outbox(t)).length;
    await comment(writer, `/comments/${first}`, 'One more thing.');
    expect((await outbox(t)).length).toBe(count);
  });

  it('gathers a member’s email into one a day when they choose the daily digest', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Salt Roads', expectedChapters: '?' });
    await reader.get(`/works/${workId}`);
    await reader.post(`/works/${workId}/subscriptions`);
    await reader.get(`/users/${reader.login}/preferences`);
    expect((await reader.post(`/users/${reader.login}/preferences`, { email_comments: '1', email_digest: '1' })).statusCode).toBe(303);
    const choices = parsePage((await reader.get(`/users/${reader.login}/preferences`)).body);
    expect(choices.querySelector('input[name="email_digest"][value="1"]')?.hasAttribute('checked')).toBe(true);
    expect(choices.querySelector('input[name="email_digest"][value="0"]')?.hasAttribute('checked')).toBe(false);

    const before = (await outbox(t)).length;
    const first = await comment(reader, `/works/${workId}`, 'Where do the roads go?');
    await comment(writer, `/comments/${first}`, 'To the <strong>sea</strong>, always.');
    await writer.get(`/works/${workId}/chapters/new`);
    await writer.post(`/works/${workId}/chapters`, { title: 'Brine', text: 'The second road.' });
    // The writer wanted each email as it comes; the reader's two wait for the digest.
    await t.app.jobs.runOnce();
    expect((await outbox(t)).slice(before).map((m) => m.to_address)).toEqual([`${writer.login}@example.org`]);
    const held = () => t.database.db.selectFrom('mail_digest_items').selectAll().execute();
    expect(await held()).toHaveLength(2);

    // A day after the first, one email gathers both, in order.
    const dayAgo = new Date(Date.now() - 25 * 60 * 60_000).toISOString();
    await t.database.db.updateTable('mail_digest_items').set({ created_at: dayAgo }).execute();
    await t.app.jobs.runOnce();
    const digest = (await outbox(t)).slice(before + 1);
    expect(digest.map((m) => [m.to_address, m.subject])).toEqual([[`${reader.login}@example.org`, '[Bindery] Daily digest: 2 updates']]);
    const text = digest[0]?.text_body ?? '';
    expect(text.indexOf(`== ${writer.login} replied to your comment on Salt Roads ==`)).toBeGreaterThan(0);
    expect(text.indexOf('== New chapter: Salt Roads ==')).toBeGreaterThan(text.indexOf('replied to your comment'));
    expect(text).toContain('To the sea, always.');
    expect(text).toMatch(/Unsubscribe: http:\/\/archive\.test\/unsubscribe\/subscription\//);
    expect(digest[0]?.html_body).toContain('<strong>sea</strong>');
    expect(await held()).toEqual([]);
    await t.app.jobs.runOnce();
    expect((await outbox(t)).length).toBe(before + 2);

    // Switching back to one email each sends what is waiting at once.
    await writer.post(`/works/${workId}/chapters`, { title: 'Tidewrack', text: 'The third road.' });
    expect(await held()).toHaveLength(1);
    await reader.post(`/users/${reader.login}/preferences`, { email_comments: '1', email_digest: '0' });
    await t.app.jobs.runOnce();
    expect((await outbox(t)).at(-1)?.subject).toBe('[Bindery] Daily digest: 1 update');
    expect(await held()).toEqual([]);
  });

  smtpTests(dialect);
});

/** The real SMTP path: an SMTP server in this process, an app that sends through it. */
function smtpTests(dialect: 'sqlite' | 'postgres'): void {
  let server: SMTPServer;
  let received: Received[] = [];
  let refuse = false;
  let t: TestApp;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onRcptTo: (_address, _session, callback) => { callback(refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined); },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString('utf8') }); callback(); });
      },
    });
    await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
    const port = (server.server.address() as AddressInfo).port;
    t = await buildTestApp(dialect, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), MAIL_FROM: 'Bindery <noreply@archive.test>' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => { server.close(resolve); });
  });

  it('sends through SMTP: the right recipient, subject, and text and HTML parts; a refusal is retried later', async () => {
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Kelp & Lanterns' });
    // The reader's confirmation link goes out first.
    await t.app.jobs.runOnce();
    const before = (await outbox(t)).length;
    await comment(reader, `/works/${workId}`, 'The kelp <em>glowed</em>!');
    received = [];
    await t.app.jobs.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual([`${writer.login}@example.org`]);
    const body = received[0]?.body ?? '';
    expect(body).toContain('Subject: [Bindery] Comment on Kelp & Lanterns');
    expect(body).toContain('From: Bindery <noreply@archive.test>');
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    expect(body).toContain('The kelp glowed!');
    expect((await outbox(t)).slice(before).map((m) => m.status)).toEqual(['sent']);

    refuse = true;
    await comment(reader, `/works/${workId}`, 'Another.');
    await t.app.jobs.runOnce();
    const [, failed] = (await outbox(t)).slice(before);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed?.last_error).toContain('Mailbox unavailable');
    expect(Date.parse(failed?.next_attempt_at ?? '')).toBeGreaterThan(Date.now() + 30_000);
    refuse = false;
  });

  it('sends every account email through SMTP: confirmation, reset, changed password, new address, a locked log-in', async () => {
    const member = await signUp(t.app);
    const email = `${member.login}@example.org`;
    const asker = new TestClient(t.app, '10.80.0.1');
    await asker.get('/password/forgot');
    await asker.post('/password/forgot', { login: email });
    await member.get(`/users/${member.login}/account`);
    await member.post(`/users/${member.login}/account/password`, { currentPassword: PASSWORD, password: 'salt marsh telegraph', passwordConfirmation: 'salt marsh telegraph' });
    await member.post(`/users/${member.login}/account/email`, { email: `${member.login}@example.net`, emailPassword: 'salt marsh telegraph' });
    for (let i = 0; i < 10; i++) {
      await t.database.db.updateTable('login_failures').set({ locked_until_ms: 0 }).execute();
      await new TestClient(t.app, `10.81.0.${i}`).post('/login', { login: member.login, password: `guess ${i}` });
    }
    received = [];
    await t.app.jobs.runOnce();
    const subjects = (to: string) => received.filter((r) => r.to.includes(to)).map((r) => /^Subject: (.*)$/m.exec(r.body)?.[1] ?? '').sort();
    expect(subjects(email)).toEqual([
      '[Bindery] A change of your email address was asked for',
      '[Bindery] Confirm your email address',
      '[Bindery] Log-ins to your account are being slowed down',
      '[Bindery] Reset your password',
      '[Bindery] Your password was changed',
    ]);
    expect(subjects(`${member.login}@example.net`)).toEqual(['[Bindery] Confirm your new email address']);
    // The body as sent is quoted-printable: its soft line breaks are taken out to read the link.
    const reset = (received.find((r) => r.body.includes('Subject: [Bindery] Reset your password'))?.body ?? '').replace(/=\r?\n/g, '');
    expect(reset).toMatch(/http:\/\/archive\.test\/password\/reset\/[A-Za-z0-9_-]+/);
  });
}
