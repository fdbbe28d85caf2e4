// Accounts that recover: confirmation before posting, password resets by email, and the owner's
// changes of password, address and login name. Every flow through the pages, on both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { confirmationPath, describeEachDatabase, PASSWORD, postWork, signUp, uniqueLogin, workFields, workIdFrom } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

const NEW_PASSWORD = 'harbour kettle semaphore';

describeEachDatabase('accounts that recover', (ctx) => {
  const db = () => ctx().app.db;
  const mailTo = (email: string, subject: string) => db().selectFrom('mail_outbox').select(['subject', 'text_body'])
    .where('to_address', '=', email).where('subject', 'like', `%${subject}%`).orderBy('id').execute();
  const linkIn = (text: string | undefined, path: string): string => {
    const match = new RegExp(`${path}/[A-Za-z0-9_-]+`).exec(text ?? '');
    if (match === null) throw new Error(`no ${path} link in ${text ?? '(no mail)'}`);
    return match[0];
  };

  /** Signs up through the page without following the confirmation link. */
  async function unconfirmed() {
    const login = uniqueLogin();
    const client = new TestClient(ctx().app, `10.60.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
    await client.get('/signup');
    const made = await client.post('/signup', { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD });
    expect(made.statusCode).toBe(303);
    return { client, login, email: `${login}@example.org` };
  }

  it('asks a new member to confirm their address before posting or commenting, keeping what they typed', async () => {
    await signUp(ctx().app); // the archive's first account needs no confirmation
    const { client, login, email } = await unconfirmed();
    const home = await client.get('/');
    expect(textOf(parsePage(home.body), '.flash.notice')).toContain(`We sent a link to ${email}`);
    expect(home.body).toContain('Confirm your email address to post works and comment');
    const mail = await mailTo(email, 'Confirm your email address');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).toContain('http://archive.test/confirm/');

    await client.get('/works/new');
    const refused = await client.post('/works', workFields({ title: 'The Unsent Letter' }));
    expect(refused.statusCode).toBe(403);
    expect(parsePage(refused.body).querySelector('input[name="title"]')?.getAttribute('value')).toBe('The Unsent Letter');
    expect(refused.body).toContain('Confirm your email address first');
    // A draft is theirs to keep meanwhile.
    const draft = workIdFrom(await client.post('/works', workFields({ title: 'The Unsent Letter', action: 'draft' })));
    const writer = await signUp(ctx().app);
    const other = await postWork(writer);
    await client.get(`/works/${other}`);
    expect((await client.post(`/works/${other}/comments`, { comment: 'Lovely lighthouse.' })).statusCode).toBe(403);

    // A mail scanner opening the link uses nothing; the button does.
    const path = linkIn(mail[0]?.text_body, '/confirm');
    const page = await new TestClient(ctx().app).get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirm my address');
    await client.get(path);
    const confirmed = await client.post(path);
    expect(confirmed.statusCode).toBe(303);
    expect((await client.get('/')).body).toContain('your email address is confirmed');
    expect((await client.post(`/works/${draft}/post`)).statusCode).toBe(303);
    expect((await new TestClient(ctx().app).get(`/users/${login}/works`)).body).toContain('The Unsent Letter');
    // The link works once.
    expect((await client.get(path)).statusCode).toBe(404);
  });

  it('sends the confirmation link again from the account page, and an expired link says so', async () => {
    const { client, email } = await unconfirmed();
    const first = await confirmationPath(ctx().app, email);
    await db().updateTable('account_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('purpose', '=', 'confirm_email').execute();
    const expired = await client.get(first ?? '');
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain('This link has expired or was already used');
    const { login } = await db().selectFrom('users').select('login').where('email_key', '=', email).executeTakeFirstOrThrow();
    const account = await client.get(`/users/${login}/account`);
    expect(account.body).toContain('not confirmed yet');
    expect((await client.post('/confirm/resend')).statusCode).toBe(303);
    const second = await confirmationPath(ctx().app, email);
    expect(second).not.toBe(first);
    await client.get(second ?? '');
    expect((await client.post(second ?? '')).statusCode).toBe(303);
  });

  it('resets a forgotten password by email without saying whether an account exists, once, ending every session', async () => {
    const member = await signUp(ctx().app);
    const email = `${member.login}@example.org`;
    const secondDevice = new TestClient(ctx().app, '10.61.0.2');
    await secondDevice.post('/login', { login: member.login, password: PASSWORD });
    expect((await secondDevice.get('/')).body).toContain('Log out');

    const asker = new TestClient(ctx().app, '10.61.0.1');
    await asker.get('/password/forgot');
    const known = await asker.post('/password/forgot', { login: email });
    const unknown = await asker.post('/password/forgot', { login: 'nobody-here@example.org' });
    expect(known.statusCode).toBe(200);
    expect(textOf(parsePage(known.body), '.flash.notice')).toBe(textOf(parsePage(unknown.body), '.flash.notice'));
    expect(await mailTo('nobody-here@example.org', 'Reset')).toHaveLength(0);
    // Asked twice: only the newest link works.
    await asker.post('/password/forgot', { login: member.login });
    const mail = await mailTo(email, 'Reset your password');
    expect(mail).toHaveLength(2);
    const older = linkIn(mail[0]?.text_body, '/password/reset');
    const newer = linkIn(mail[1]?.text_body, '/password/reset');
    expect((await asker.get(older)).statusCode).toBe(404);

    const form = await asker.get(newer);
    expect(form.body).toContain('Choose a new password');
    const mismatch = await asker.post(newer, { password: NEW_PASSWORD, passwordConfirmation: 'something else' });
    expect(mismatch.statusCode).toBe(422);
    expect(textOf(parsePage(mismatch.body), '#field-passwordConfirmation-error')).toContain('do not match');
    const reset = await asker.post(newer, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe('/login');
    // Every session ended; the old password is gone, the new one works; the link is spent.
    expect((await member.get('/')).body).not.toContain('Log out');
    expect((await secondDevice.get('/')).body).not.toContain('Log out');
    const again = new TestClient(ctx().app, '10.61.0.3');
    expect((await again.post('/login', { login: member.login, password: PASSWORD })).statusCode).toBe(422);
    expect((await again.post('/login', { login: member.login, password: NEW_PASSWORD })).statusCode).toBe(303);
    expect((await asker.post(newer, { password: 'another fine password', passwordConfirmation: 'another fine password' })).statusCode).toBe(404);
  });

  it('changes the password from the account page: the current one first, other devices logged out, the owner told', async () => {
    const member = await signUp(ctx().app);
    const other = new TestClient(ctx().app, '10.62.0.2');
    await other.post('/login', { login: member.login, password: PASSWORD });
    const page = await member.get(`/users/${member.login}/account`);
    expect(page.statusCode).toBe(200);
    const wrong = await member.post(`/users/${member.login}/account/password`, { currentPassword: 'not it', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(422);
    expect(textOf(parsePage(wrong.body), '#field-currentPassword-error')).toBe('That is not your current password.');
    const changed = await member.post(`/users/${member.login}/account/password`, { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
    expect(changed.statusCode).toBe(303);
    expect((await member.get('/')).body).toContain('Log out');
    expect((await other.get('/')).body).not.toContain('Log out');
    expect(await mailTo(`${member.login}@example.org`, 'Your password was changed')).toHaveLength(1);
    // Nobody else's account page opens.
    expect((await other.get(`/users/${member.login}/account`)).statusCode).toBe(401);
    const stranger = await signUp(ctx().app);
    expect((await stranger.get(`/users/${member.login}/account`)).statusCode).toBe(403);
  });

  it('moves the account to a new address only once the link sent there is followed, and tells the old one', async () => {
    const member = await signUp(ctx().app);
    const oldEmail = `${member.login}@example.org`;
    const newEmail = `${member.login}.new@example.net`;
    await member.get(`/users/${member.login}/account`);
    const taken = await member.post(`/users/${member.login}/account/email`, { email: oldEmail.toUpperCase(), emailPassword: PASSWORD });
    expect(taken.statusCode).toBe(422);
    const asked = await member.post(`/users/${member.login}/account/email`, { email: newEmail, emailPassword: PASSWORD });
    expect(asked.statusCode).toBe(303);
    const pending = await member.get(`/users/${member.login}/account`);
    expect(pending.body).toContain(`Your address is <strong>${oldEmail}</strong>`);
    expect(pending.body).toContain(`We sent a link to ${newEmail}`);
    // The old address hears of the request at once, before anything changes.
    const warned = await mailTo(oldEmail, 'A change of your email address was asked for');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.text_body).toContain(newEmail);
    const mail = await mailTo(newEmail, 'Confirm your new email address');
    const path = linkIn(mail[0]?.text_body, '/confirm');
    await member.get(path);
    expect((await member.post(path)).statusCode).toBe(303);
    expect((await member.get(`/users/${member.login}/account`)).body).toContain(`Your address is <strong>${newEmail}</strong>`);
    const notice = await mailTo(oldEmail, 'Your email address was changed');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.text_body).toContain(newEmail);
  });

  it('renames the account: the old name leads to the new one for 30 days and nobody else may take it', async () => {
    const member = await signUp(ctx().app);
    const oldLogin = member.login;
    const newLogin = uniqueLogin('renamed');
    const workId = await postWork(member, { title: 'Under a New Name' });
    await member.get(`/users/${oldLogin}/account`);
    const renamed = await member.post(`/users/${oldLogin}/account/login`, { newLogin, loginPassword: PASSWORD });
    expect(renamed.statusCode).toBe(303);
    expect(renamed.headers.location).toBe(`/users/${newLogin}/account`);
    const guest = new TestClient(ctx().app);
    const moved = await guest.get(`/users/${oldLogin}/works?page=1`);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/users/${newLogin}/works?page=1`);
    expect((await guest.get(`/users/${oldLogin}/pseuds`)).headers.location).toBe(`/users/${newLogin}/pseuds`);
    expect((await guest.get(`/users/${newLogin}/works`)).body).toContain('Under a New Name');
    expect((await guest.get(`/works/${workId}`)).statusCode).toBe(200);
    // The old name is held for them.
    const other = await signUp(ctx().app);
    await other.get(`/users/${other.login}/account`);
    const refused = await other.post(`/users/${other.login}/account/login`, { newLogin: oldLogin, loginPassword: PASSWORD });
    expect(refused.statusCode).toBe(422);
    expect(textOf(parsePage(refused.body), '#field-newLogin-error')).toBe('That user name is already taken.');
    // Logging in with the new name works; the old one does not.
    const device = new TestClient(ctx().app, '10.63.0.1');
    expect((await device.post('/login', { login: newLogin, password: PASSWORD })).statusCode).toBe(303);
  });
});
