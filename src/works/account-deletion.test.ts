// Deleting one's account from the account page: works orphaned or deleted as chosen, drafts
// deleted, comments kept without a name, and no way back in. On both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, PASSWORD, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

describeEachDatabase('deleting an account', (ctx) => {
  it('orphans posted works, deletes drafts, keeps comments unsigned, and refuses without the password', async () => {
    await signUp(ctx().app);
    const leaver = await signUp(ctx().app);
    const other = await signUp(ctx().app);
    const kept = await postWork(leaver, { title: 'The Last Ferry Out' });
    const draft = await postWork(leaver, { title: 'Unfinished Harbour', action: 'draft' });
    const theirs = await postWork(other, { title: 'Salt Marsh Evenings' });
    await leaver.get(`/works/${theirs}`);
    expect((await leaver.post(`/works/${theirs}/comments`, { comment: 'I will miss these evenings.' })).statusCode).toBe(303);

    await leaver.get(`/users/${leaver.login}/account`);
    const wrong = await leaver.post(`/users/${leaver.login}/account/delete`, { works: 'orphan', deletePassword: 'not mine', confirm: '1' });
    expect(wrong.statusCode).toBe(303);
    expect(textOf(parsePage((await leaver.get(`/users/${leaver.login}/account`)).body), '.flash.notice')).toContain('Your account was not deleted: That is not your current password.');
    const done = await leaver.post(`/users/${leaver.login}/account/delete`, { works: 'orphan', deletePassword: PASSWORD, confirm: '1' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');

    const guest = new TestClient(ctx().app);
    const page = parsePage((await guest.get(`/works/${kept}`)).body);
    expect(textOf(page, 'h3.byline')).toBe('orphan_account');
    expect((await guest.get(`/works/${draft}`)).statusCode).toBe(404);
    expect((await guest.get(`/users/${leaver.login}/works`)).statusCode).toBe(404);
    const comments = await guest.get(`/works/${theirs}/comments`);
    expect(comments.body).toContain('I will miss these evenings.');
    expect(comments.body).toContain('(Account deleted)');
    expect((await leaver.get('/')).body).not.toContain('Log out');
    expect((await new TestClient(ctx().app, '10.110.0.1').post('/login', { login: leaver.login, password: PASSWORD })).statusCode).toBe(422);
  });

  it('deletes the works when asked, and never an administrator\'s account from here', async () => {
    const leaver = await signUp(ctx().app);
    const work = await postWork(leaver, { title: 'Gone With the Tide' });
    await leaver.get(`/users/${leaver.login}/account`);
    expect((await leaver.post(`/users/${leaver.login}/account/delete`, { works: 'delete', deletePassword: PASSWORD, confirm: '1' })).statusCode).toBe(303);
    expect((await new TestClient(ctx().app).get(`/works/${work}`)).statusCode).toBe(404);
    const admin = await signUp(ctx().app);
    await ctx().app.db.updateTable('users').set({ is_admin: 1 }).where('login', '=', admin.login).execute();
    await admin.get(`/users/${admin.login}/account`);
    await admin.post(`/users/${admin.login}/account/delete`, { works: 'orphan', deletePassword: PASSWORD, confirm: '1' });
    expect((await admin.get('/')).body).toContain('Log out');
  });
});
