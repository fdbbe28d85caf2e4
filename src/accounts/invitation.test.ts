// Registration by invitation and closed registration, through the pages, on both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { PASSWORD, describeEachDatabase, signUp, signUpAdmin, uniqueLogin } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';
import { releaseDaily } from './invitation.service.js';

describeEachDatabase('invitations', (ctx) => {
  const admin = () => signUpAdmin(ctx().app);

  async function setRegistration(client: TestClient, registration: string, perDay = '0') {
    await client.get('/admin/settings');
    expect((await client.post('/admin/settings', { registration, invitationsPerDay: perDay, guestKudos: '1' })).statusCode).toBe(303);
  }

  async function signUpWith(ip: string, fields: Record<string, string>) {
    const client = new TestClient(ctx().app, ip);
    const login = uniqueLogin();
    await client.get('/signup');
    return { login, response: await client.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD, ...fields }) };
  }

  it('asks for an invitation, keeps a queue with places, sends invitations by hand and once a day, and takes each code once', async () => {
    const boss = await admin();
    await setRegistration(boss, 'invitation', '1');
    const form = parsePage((await new TestClient(ctx().app).get('/signup')).body);
    expect(form.querySelector('input[name="invitation"]')).not.toBeNull();
    const refused = await signUpWith('10.100.0.1', { invitation: '' });
    expect(refused.response.statusCode).toBe(422);
    expect(textOf(parsePage(refused.response.body), '#field-invitation-error')).toBe('Enter the code from your invitation.');

    const first = `first.${uniqueLogin()}@example.net`;
    const second = `second.${uniqueLogin()}@example.net`;
    const guest = new TestClient(ctx().app, '10.100.0.2');
    await guest.get('/invite_requests');
    expect(textOf(parsePage((await guest.post('/invite_requests', { email: first })).body), '.flash.notice')).toMatch(/is number \d+ in the queue/);
    await guest.post('/invite_requests', { email: second });
    const before = Number(/number (\d+) in the queue/.exec((await guest.get(`/invite_requests?email=${encodeURIComponent(second)}`)).body)?.[1]);

    // Today's automatic release sends one (the setting), once, whichever app server asks first.
    const sentToday = await releaseDaily(ctx().app.db);
    expect(sentToday).toBe(1);
    expect(await releaseDaily(ctx().app.db)).toBe(0);
    await boss.get('/admin/invitations');
    expect((await boss.post('/admin/invitations/release', { count: '50' })).statusCode).toBe(303);
    expect((await guest.get(`/invite_requests?email=${encodeURIComponent(second)}`)).body).toContain(`Your invitation was sent to ${second}`);
    expect(before).toBeGreaterThan(0);
    const mail = await ctx().app.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', second).executeTakeFirstOrThrow();
    const code = /\/signup\?invitation=([A-Za-z0-9]+)/.exec(mail.text_body)?.[1] ?? '';
    const invited = new TestClient(ctx().app, '10.100.0.3');
    const page = parsePage((await invited.get(`/signup?invitation=${code}`)).body);
    expect(page.querySelector('input[name="invitation"]')?.getAttribute('value')).toBe(code);
    expect((await signUpWith('10.100.0.4', { invitation: code })).response.statusCode).toBe(303);
    const again = await signUpWith('10.100.0.5', { invitation: code });
    expect(again.response.statusCode).toBe(422);
    expect(textOf(parsePage(again.response.body), '#field-invitation-error')).toContain('used already');
    await setRegistration(boss, 'open');
  });

  it('lets an administrator give a member codes to share, which the member sees used', async () => {
    const boss = await admin();
    const member = await signUp(ctx().app);
    await setRegistration(boss, 'invitation');
    await boss.get('/admin/invitations');
    expect((await boss.post('/admin/invitations/give', { login: member.login, codes: '2' })).statusCode).toBe(303);
    const codes = parsePage((await member.get(`/users/${member.login}/invitations`)).body).querySelectorAll('.invitation-codes > li > code:first-child');
    expect(codes).toHaveLength(2);
    const code = codes[0]?.textContent ?? '';
    const friend = await signUpWith('10.101.0.1', { invitation: code });
    expect(friend.response.statusCode).toBe(303);
    expect((await member.get(`/users/${member.login}/invitations`)).body).toContain(`used by ${friend.login}`);
    expect((await new TestClient(ctx().app).get(`/users/${member.login}/invitations`)).statusCode).toBe(403);
    await setRegistration(boss, 'open');
  });

  it('closes sign-up when the administrators choose, saying so', async () => {
    const boss = await admin();
    await setRegistration(boss, 'closed');
    const page = await new TestClient(ctx().app).get('/signup');
    expect(page.body).toContain('is not taking new members at the moment');
    expect(parsePage(page.body).querySelector('form[action="/signup"]')).toBeNull();
    const refused = await signUpWith('10.102.0.1', {});
    expect(refused.response.statusCode).toBe(403);
    expect(await ctx().app.db.selectFrom('users').select('id').where('login_key', '=', refused.login.toLowerCase()).executeTakeFirst()).toBeUndefined();
    await setRegistration(boss, 'open');
  });
});
