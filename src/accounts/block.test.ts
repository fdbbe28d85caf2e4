// Blocking, done on the server: what a blocked member can no longer do, and what the blocker no
// longer sees; unblocking undoes it. Through the pages, on both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

describeEachDatabase('blocking', (ctx) => {
  async function commentOn(client: TestClient, path: string, text: string) {
    await client.get(path);
    return client.post(`${path}/comments`, { comment: text });
  }

  it('keeps a blocked member from commenting, replying, kudos, gifts and invitations; the blocker no longer reads them; unblocking undoes it', async () => {
    await signUp(ctx().app);
    const writer = await signUp(ctx().app);
    const pest = await signUp(ctx().app);
    const bystander = await signUp(ctx().app);
    const workId = await postWork(writer, { title: 'The Lamplighter’s Round' });
    const otherWork = await postWork(bystander, { title: 'Fog on the Quay' });
    const pestsWork = await postWork(pest, { title: 'Uninvited' });
    // Before the block: the pest comments on the bystander's work, and the writer replies there.
    expect((await commentOn(pest, `/works/${otherWork}`, 'Nobody reads the quay stories.')).statusCode).toBe(303);
    await writer.get(`/works/${otherWork}`);
    expect((await writer.post(`/works/${otherWork}/comments`, { comment: 'I loved the fog.' })).statusCode).toBe(303);
    const writersComment = await ctx().app.db.selectFrom('comments').select('id').where('content', 'like', '%I loved the fog%').executeTakeFirstOrThrow();

    const profile = await writer.get(`/users/${pest.login}/pseuds`);
    expect(parsePage(profile.body).querySelector(`form[action="/users/${pest.login}/block"]`)).not.toBeNull();
    expect((await writer.post(`/users/${pest.login}/block`)).statusCode).toBe(303);
    expect((await writer.get(`/users/${writer.login}/blocked`)).body).toContain(pest.login);

    const comment = await commentOn(pest, `/works/${workId}`, 'Your lamps are dim.');
    expect(comment.statusCode).toBe(422);
    expect(textOf(parsePage(comment.body), '#field-comment-error')).toBe('You cannot comment on this work: one of its creators has blocked you.');
    expect(parsePage(comment.body).querySelector('textarea[name="comment"]')?.textContent).toBe('Your lamps are dim.');
    await pest.get(`/comments/${writersComment.id}`);
    const replied = await pest.post(`/comments/${writersComment.id}/comments`, { comment: 'No you did not.' });
    expect(replied.statusCode).toBe(422);
    expect(replied.body).toContain('its writer has blocked you');
    await pest.get(`/works/${workId}`);
    const kudos = await pest.post(`/works/${workId}/kudos`);
    expect(kudos.statusCode).toBe(403);
    expect(kudos.body).toContain('one of its creators has blocked you');
    await pest.get(`/works/${pestsWork}/gifts/new`);
    const gift = await pest.post(`/works/${pestsWork}/gifts`, { recipient: writer.login });
    expect(gift.statusCode).toBe(422);
    expect(gift.body).toContain(`${writer.login} does not accept gifts from you`);
    await pest.get(`/works/${pestsWork}/creators`);
    const invite = await pest.post(`/works/${pestsWork}/creators`, { invitee: writer.login });
    expect(invite.statusCode).toBe(422);
    expect(invite.body).toContain(`${writer.login} cannot be invited by you`);
    // The writer no longer reads the pest, even on someone else's work; others still do.
    const seenByWriter = await writer.get(`/works/${otherWork}/comments`);
    expect(seenByWriter.body).not.toContain('Nobody reads the quay stories');
    expect(seenByWriter.body).toContain('(A comment from someone you blocked.)');
    expect((await bystander.get(`/works/${otherWork}/comments`)).body).toContain('Nobody reads the quay stories');
    // The pest can still read the writer's work: blocking keeps them away, it does not hide the archive.
    expect((await pest.get(`/works/${workId}`)).statusCode).toBe(200);

    await writer.get(`/users/${writer.login}/blocked`);
    expect((await writer.post(`/users/${pest.login}/unblock`)).statusCode).toBe(303);
    expect((await commentOn(pest, `/works/${workId}`, 'Your lamps are bright after all.')).statusCode).toBe(303);
    expect((await writer.get(`/works/${otherWork}/comments`)).body).toContain('Nobody reads the quay stories');
  });
});
