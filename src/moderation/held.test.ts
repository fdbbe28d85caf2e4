// Spam held for review, on both databases: a new member's first work and comment wait for the
// moderators while the archive holds new accounts, banned words and domains hold anyone's work or
// comment, guests' comments with many links wait; the writer alone sees what is held, nobody is
// told of it, and the moderators approve (it shows, its writer is trusted), delete, or mark spam.
import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, signUpAdmin } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

const GUEST = { name: 'Passing Wren', email: 'wren@example.org' };

describeEachDatabase('spam held for review', (ctx) => {
  const db = () => ctx().app.db;

  const staff = () => signUpAdmin(ctx().app);

  async function settings(admin: TestClient, fields: { holdNewAccounts?: boolean; bannedWords?: string }) {
    await admin.get('/admin/settings');
    const response = await admin.post('/admin/settings', {
      registration: 'open', invitationsPerDay: '0', guestKudos: '1', bannedWords: fields.bannedWords ?? '', ...(fields.holdNewAccounts === true ? { holdNewAccounts: '1' } : {}),
    });
    expect(response.statusCode).toBe(303);
  }

  async function comment(client: TestClient, workId: number, text: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    await client.get(`/works/${workId}`);
    return client.post(`/works/${workId}/comments`, { comment: text, ...extra });
  }

  async function queue(admin: TestClient): Promise<Array<{ id: string; heading: string; reason: string }>> {
    const page = parsePage((await admin.get('/admin/moderation/held')).body);
    return Array.from(page.querySelectorAll('li.held-item')).map((li) => ({
      id: li.id.replace('held_', ''), heading: (li.querySelector('h3')?.textContent ?? '').replace(/\s+/g, ' ').trim(), reason: li.querySelector('.held-reason')?.textContent ?? '',
    }));
  }

  async function decide(admin: TestClient, id: string, decision: string, reason = '') {
    await admin.get('/admin/moderation/held');
    return admin.post(`/admin/moderation/held/${id}`, { decision, reason });
  }

  it('holds a new member\'s first work and comment until a moderator approves, then trusts them', async () => {
    const admin = await staff();
    const veteran = await signUp(ctx().app);
    await settings(admin, { holdNewAccounts: true });
    try {
      // Members who were here first are trusted.
      const veteranWork = await postWork(veteran, { title: 'Tidewater Hymns' });
      expect((await new TestClient(ctx().app).get(`/works/${veteranWork}`)).statusCode).toBe(200);
      // Only accounts made while the setting is on are held.
      const newcomer = await signUp(ctx().app);
      const subscriber = await signUp(ctx().app);
      await subscriber.get(`/users/${newcomer.login}/works`);
      const workId = await postWork(newcomer, { title: 'Gull Weather' });
      const own = parsePage((await newcomer.get(`/works/${workId}`)).body);
      expect(textOf(own, '.work-held')).toContain('waiting for the archive’s moderators');
      expect((await new TestClient(ctx().app).get(`/works/${workId}`)).statusCode).toBe(404);
      expect((await subscriber.get('/works')).body).not.toContain('Gull Weather');
      const heldComment = await comment(newcomer, veteranWork, 'What a lovely lighthouse.');
      expect(heldComment.statusCode).toBe(303);
      expect(String(heldComment.headers.location)).toBe(`/works/${veteranWork}/comments`);
      const mine = parsePage((await newcomer.get(`/works/${veteranWork}/comments`)).body);
      expect(textOf(mine, 'li.comment.held .comment-note')).toContain('only you can see it');
      // The work's own creator does not see it, and hears nothing.
      expect((await veteran.get(`/works/${veteranWork}/comments`)).body).not.toContain('What a lovely lighthouse.');
      expect((await veteran.get(`/users/${veteran.login}/inbox`)).body).not.toContain('lovely lighthouse');
      expect(parsePage((await veteran.get(`/works/${veteranWork}`)).body).querySelector('dl.stats dd.comments')).toBeNull();

      const items = await queue(admin);
      const workItem = items.find((i) => i.heading.includes('Gull Weather'));
      expect(workItem?.reason).toBe('Held: A new member\'s first work or comment.');
      expect(items.some((i) => i.heading.includes(`by ${newcomer.login}`) && i.heading.startsWith('a comment'))).toBe(true);
      expect((await decide(admin, workItem?.id ?? '', 'approve')).statusCode).toBe(303);
      expect((await new TestClient(ctx().app).get(`/works/${workId}`)).statusCode).toBe(200);
      // Trusted now: what they write next shows at once.
      const second = await postWork(newcomer, { title: 'Second Tide' });
      expect((await new TestClient(ctx().app).get(`/works/${second}`)).statusCode).toBe(200);
      const commentItem = (await queue(admin)).find((i) => i.heading.includes(`by ${newcomer.login}`));
      expect((await decide(admin, commentItem?.id ?? '', 'approve')).statusCode).toBe(303);
      expect((await new TestClient(ctx().app).get(`/works/${veteranWork}/comments`)).body).toContain('What a lovely lighthouse.');
      expect((await veteran.get(`/users/${veteran.login}/inbox`)).body).toContain('lovely lighthouse');
      expect(await queue(admin)).toEqual([]);
    } finally {
      await settings(admin, {});
    }
  });

  it('holds anyone\'s work or comment with a banned word or domain, and guests\' comments with many links', async () => {
    const admin = await staff();
    const writer = await signUp(ctx().app);
    const workId = await postWork(writer, { title: 'Quiet Harbour' });
    await settings(admin, { bannedWords: '# sellers\ncheap sextants\nknockoffs.example' });
    try {
      const spammy = await postWork(writer, { title: 'Harbour Sale', 'chapter.text': 'Find CHEAP sextants here, friends.' });
      expect((await new TestClient(ctx().app).get(`/works/${spammy}`)).statusCode).toBe(404);
      expect((await writer.get(`/works/${spammy}`)).statusCode).toBe(200);
      const guest = new TestClient(ctx().app, '198.51.100.44');
      const linked = await comment(guest, workId, 'See https://a.example, https://b.example and https://c.example', GUEST);
      expect(linked.statusCode).toBe(303);
      const domain = await comment(guest, workId, 'Better ones at shop.knockoffs.example today', GUEST);
      expect(domain.statusCode).toBe(303);
      const fine = await comment(guest, workId, 'Only kind words here.', GUEST);
      expect(String(fine.headers.location)).toMatch(/#comment_\d+$/);
      const thread = (await new TestClient(ctx().app).get(`/works/${workId}/comments`)).body;
      expect(thread).toContain('Only kind words here.');
      expect(thread).not.toContain('b.example');
      expect(thread).not.toContain('knockoffs');
      // A shown comment edited to hold a banned word goes back to the moderators.
      const member = await signUp(ctx().app);
      const shownId = /#comment_(\d+)$/.exec(String((await comment(member, workId, 'A fine harbour.')).headers.location))?.[1] ?? '';
      await member.get(`/comments/${shownId}/edit`);
      expect((await member.post(`/comments/${shownId}/edit`, { comment: 'Buy cheap sextants from me.' })).statusCode).toBe(303);
      expect((await new TestClient(ctx().app).get(`/works/${workId}/comments`)).body).not.toContain('sextants');

      const reasons = (await queue(admin)).map((i) => i.reason);
      expect(reasons).toEqual(expect.arrayContaining(['Held: Holds “cheap sextants”, on the banned list.', 'Held: A guest\'s comment with 3 links.', 'Held: Holds “knockoffs.example”, on the banned list.']));
      // The writer is never told which word it was.
      expect((await writer.get(`/works/${spammy}`)).body).not.toContain('banned');
    } finally {
      await settings(admin, {});
    }
  });

  it('deletes held spam or marks its writer as spam, in the log; a reason is needed and kept when missing', async () => {
    const admin = await staff();
    await settings(admin, { bannedWords: 'free crowns' });
    try {
      const spammer = await signUp(ctx().app);
      const earlier = await postWork(spammer, { title: 'Innocent Start' });
      const spam = await postWork(spammer, { title: 'Free Crowns Inside' });
      const item = (await queue(admin)).find((i) => i.heading.includes('Free Crowns Inside'));
      const missing = await decide(admin, item?.id ?? '', 'spam');
      expect(missing.statusCode).toBe(422);
      expect(textOf(parsePage(missing.body), '#field-reason-error')).toContain('Say why');
      expect((await decide(admin, item?.id ?? '', 'spam', 'Selling crowns.')).statusCode).toBe(303);
      expect(await db().selectFrom('works').select('id').where('id', '=', spam).executeTakeFirst()).toBeUndefined();
      expect((await new TestClient(ctx().app).get(`/works/${earlier}`)).statusCode).toBe(404);
      const member = await db().selectFrom('users').select('standing').where('login', '=', spammer.login).executeTakeFirstOrThrow();
      expect(member.standing).toBe('spam');
      const log = (await admin.get('/admin/moderation/log')).body;
      expect(log).toContain('Free Crowns Inside');
      // Only moderators open the queue.
      expect((await spammer.get('/admin/moderation/held')).statusCode).toBe(403);
    } finally {
      await settings(admin, {});
    }
  });

  it('keeps a banned-words list that is too long on the form, with the message beside it', async () => {
    const admin = await staff();
    await admin.get('/admin/settings');
    const long = 'word\n'.repeat(5000);
    const response = await admin.post('/admin/settings', { registration: 'open', invitationsPerDay: '0', bannedWords: long });
    expect(response.statusCode).toBe(422);
    const page = parsePage(response.body);
    expect(textOf(page, '#field-bannedWords-error')).toContain('at most 20,000 characters');
    expect(page.querySelector('textarea[name="bannedWords"]')?.textContent).toBe(long);
  });
});
