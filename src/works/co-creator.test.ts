// Co-creators by invitation, on both databases: an invited member is not a creator until they
// accept (not on the byline, not in their works, cannot edit), is emailed, may decline; a creator
// may take an invitation back or leave a work another creator keeps; editing keeps co-creators.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

describeEachDatabase('co-creators', (ctx) => {
  it('invites, accepts, keeps co-creators through an edit, and lets a creator leave', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const guest = new TestClient(t.app);
    const workId = await postWork(writer, { title: 'Two Hands on the Oar' });
    await writer.get(`/works/${workId}/creators`);
    const self = await writer.post(`/works/${workId}/creators`, { invitee: writer.login });
    expect(textOf(parsePage(self.body), '#field-invitee-error')).toBe('You are a creator already: choose your pseuds on the work’s edit form.');
    const nobody = await writer.post(`/works/${workId}/creators`, { invitee: 'no_such_member_here' });
    expect(textOf(parsePage(nobody.body), '#field-invitee-error')).toBe('There is no member or pseud named no_such_member_here.');
    expect(parsePage(nobody.body).querySelector('input[name="invitee"]')?.getAttribute('value')).toBe('no_such_member_here');
    expect((await writer.post(`/works/${workId}/creators`, { invitee: friend.login.toUpperCase() })).statusCode).toBe(303);
    expect(textOf(parsePage((await writer.post(`/works/${workId}/creators`, { invitee: friend.login })).body), '#field-invitee-error')).toBe(`${friend.login} was invited already.`);

    // Invited, not yet a creator: not on the byline, not in their works, not able to edit.
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toBe(writer.login);
    expect(textsOf(parsePage((await guest.get(`/users/${friend.login}/works`)).body), 'li.work.blurb h4 a:first-child')).toEqual([]);
    expect((await friend.get(`/works/${workId}/edit`)).statusCode).toBe(403);
    const mail = await t.app.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', `${friend.login}@example.org`).where('subject', 'not like', '%Confirm your email address%').execute();
    expect(mail.map((m) => m.subject)).toEqual([`[Bindery] ${writer.login} invited you to co-create Two Hands on the Oar`]);
    expect((await writer.get(`/users/${friend.login}/creator_invitations`)).statusCode).toBe(403);
    const invitations = parsePage((await friend.get(`/users/${friend.login}/creator_invitations`)).body);
    expect(textsOf(invitations, 'ul.invitation-list li strong')).toEqual(['Two Hands on the Oar']);
    const accept = invitations.querySelector('form[action$="/accept"]')?.getAttribute('action') ?? '';
    expect((await writer.post(accept)).statusCode).toBe(404);
    expect((await friend.post(accept)).statusCode).toBe(303);

    await guest.get(`/works/${workId}`);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toBe(`${writer.login}, ${friend.login}`);
    expect(textsOf(parsePage((await guest.get(`/users/${friend.login}/works`)).body), 'li.work.blurb h4 a:first-child')).toEqual(['Two Hands on the Oar']);
    // The writer edits the work: the co-creator stays.
    await writer.get(`/works/${workId}/edit`);
    expect((await writer.post(`/works/${workId}`, { ...workFields({ title: 'Two Hands on the Oar, Again' }), action: 'post' })).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toBe(`${writer.login}, ${friend.login}`);
    // The friend leaves; the writer, now alone, cannot.
    await friend.get(`/works/${workId}/creators`);
    expect((await friend.post(`/works/${workId}/creators/leave`)).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toBe(writer.login);
    const alone = await writer.post(`/works/${workId}/creators/leave`);
    expect(alone.statusCode).toBe(422);
    expect(textOf(parsePage(alone.body), '#field-leave-error')).toBe('You are its only creator: delete the work, or orphan it, instead.');
  });

  it('lets the invitee decline and a creator take an invitation back', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Shared Lantern' });
    await writer.get(`/works/${workId}/creators`);
    await writer.post(`/works/${workId}/creators`, { invitee: friend.login });
    const page = parsePage((await friend.get(`/users/${friend.login}/creator_invitations`)).body);
    const decline = page.querySelector('form[action$="/delete"]')?.getAttribute('action') ?? '';
    expect((await friend.post(decline)).statusCode).toBe(303);
    expect(textOf(parsePage((await friend.get(`/users/${friend.login}/creator_invitations`)).body), 'p.empty')).toBe('No invitations are waiting.');
    await writer.post(`/works/${workId}/creators`, { invitee: friend.login });
    const back = parsePage((await writer.get(`/works/${workId}/creators`)).body).querySelector('ul.invitation-list form')?.getAttribute('action') ?? '';
    expect((await writer.post(back)).statusCode).toBe(303);
    expect(textOf(parsePage((await writer.get(`/works/${workId}/creators`)).body), 'ul.invitation-list')).toBeNull();
    expect((await friend.post(back.replace('/delete', '/accept'))).statusCode).toBe(404);
  });

  it('orphans a work to the shared orphan account, keeping the pseud or not; a co-creator orphans only their part', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const guest = new TestClient(t.app);
    const kept = await postWork(writer, { title: 'Left on the Doorstep' });
    const plain = await postWork(writer, { title: 'Nobody’s Now' });
    await writer.get(`/works/${kept}/orphan`);
    expect((await friend.post(`/works/${kept}/orphan`, { keep_pseud: '1' })).statusCode).toBe(403);
    expect((await writer.post(`/works/${kept}/orphan`, { keep_pseud: '1' })).statusCode).toBe(303);
    expect((await writer.post(`/works/${plain}/orphan`, { keep_pseud: '0' })).statusCode).toBe(303);
    const keptPage = parsePage((await guest.get(`/works/${kept}`)).body);
    expect(textOf(keptPage, 'h3.byline')).toBe(`${writer.login} (orphan_account)`);
    expect(keptPage.querySelector('h3.byline a')?.getAttribute('href')).toBe(`/users/orphan_account/pseuds/${writer.login}`);
    expect(textOf(parsePage((await guest.get(`/works/${plain}`)).body), 'h3.byline')).toBe('orphan_account');
    expect(textsOf(parsePage((await guest.get(`/users/${writer.login}/works`)).body), 'li.work.blurb h4 a:first-child')).toEqual([]);
    expect(textsOf(parsePage((await guest.get('/users/orphan_account/works')).body), 'li.work.blurb h4 a:first-child').sort()).toEqual(['Left on the Doorstep', 'Nobody’s Now']);
    expect((await writer.get(`/works/${kept}/edit`)).statusCode).toBe(403);
    // Nobody can sign up as the orphan account.
    const taken = await guest.post('/signup', { login: 'Orphan_Account', email: 'sneaky@example.org', password: 'lantern orchard biscuit', passwordConfirmation: 'lantern orchard biscuit' });
    expect(taken.body).toContain('That user name is taken.');

    // A co-created work: orphaning removes only the one who orphans.
    const shared = await postWork(writer, { title: 'Two Keepers' });
    await writer.get(`/works/${shared}/creators`);
    await writer.post(`/works/${shared}/creators`, { invitee: friend.login });
    const invitation = parsePage((await friend.get(`/users/${friend.login}/creator_invitations`)).body).querySelector('form[action$="/accept"]')?.getAttribute('action') ?? '';
    await friend.post(invitation);
    await friend.get(`/works/${shared}/orphan`);
    expect((await friend.post(`/works/${shared}/orphan`, { keep_pseud: '1' })).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${shared}`)).body), 'h3.byline')).toBe(writer.login);
  });
});
