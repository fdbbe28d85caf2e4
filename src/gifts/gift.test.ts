// Gifts on both databases: a creator gives a work to a member or to a name without an account, the
// work says "For ..." (AO3's ul.associations), the member's gifts page lists it, the member may
// refuse it (then it shows nowhere) or refuse gifts altogether, is emailed when a gift is posted,
// and bad input keeps what was typed.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

async function give(client: TestClient, workId: number, recipient: string) {
  await client.get(`/works/${workId}/gifts/new`);
  return client.post(`/works/${workId}/gifts`, { recipient });
}

describeEachDatabase('gifts', (ctx) => {
  it('gives a work to a member and to a name; the work and the member’s gifts page say so; the member may refuse it', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const other = await signUp(t.app);
    const guest = new TestClient(t.app);
    const workId = await postWork(writer, { title: 'For the Keeper', notes: 'Happy birthday!' });
    expect((await give(writer, workId, friend.login.toUpperCase())).statusCode).toBe(303);
    expect((await give(writer, workId, '  Ines   Mar ')).statusCode).toBe(303);
    // Read twice: the second answer comes from the guests' page cache, which must follow each change.
    await guest.get(`/works/${workId}`);
    let page = parsePage((await guest.get(`/works/${workId}`)).body);
    expect(textOf(page, '.preface .notes.module ul.associations li')).toBe(`For ${friend.login} and Ines Mar.`);
    expect(page.querySelector('ul.associations a')?.getAttribute('href')).toBe(`/users/${friend.login}/gifts`);
    expect(textOf(page, '.preface .notes.module blockquote.userstuff')).toBe('Happy birthday!');

    const titles = async (client: TestClient) => textsOf(parsePage((await client.get(`/users/${friend.login}/gifts`)).body), 'li.work.blurb h4 a:first-child');
    expect(await titles(guest)).toEqual(['For the Keeper']);
    const mine = parsePage((await friend.get(`/users/${friend.login}/gifts`)).body);
    expect(textOf(mine, 'li.work.blurb .gift-actions button')).toBe('Refuse gift');
    expect(parsePage((await other.get(`/users/${friend.login}/gifts`)).body).querySelector('.gift-actions')).toBeNull();

    const giftId = Number(/\/gifts\/(\d+)\/refuse/.exec(mine.querySelector('.gift-actions form')?.getAttribute('action') ?? '')?.[1]);
    expect((await other.post(`/gifts/${giftId}/refuse`)).statusCode).toBe(404);
    expect((await friend.post(`/gifts/${giftId}/refuse`)).statusCode).toBe(303);
    expect(await titles(guest)).toEqual([]);
    page = parsePage((await guest.get(`/works/${workId}`)).body);
    expect(textOf(page, 'ul.associations li')).toBe('For Ines Mar.');
    // A refused gift cannot be given again.
    expect(textOf(parsePage((await give(writer, workId, friend.login)).body), '#field-recipient-error')).toBe(`This work was already given to ${friend.login}.`);

    // The creator takes a gift back.
    const form = parsePage((await writer.get(`/works/${workId}/gifts/new`)).body);
    expect(textsOf(form, 'ul.gift-list li')).toEqual(['For Ines Mar (no account here) Take back']);
    const back = form.querySelector('ul.gift-list form')?.getAttribute('action') ?? '';
    expect((await other.post(back)).statusCode).toBe(403);
    expect((await writer.post(back)).statusCode).toBe(303);
    expect(parsePage((await guest.get(`/works/${workId}`)).body).querySelector('ul.associations')).toBeNull();
  });

  it('refuses a gift to oneself, a duplicate, an empty name and a member who takes no gifts, keeping what was typed', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const shy = await signUp(t.app);
    const workId = await postWork(writer, { title: 'Small Gift' });
    const error = async (recipient: string) => {
      const answer = await give(writer, workId, recipient);
      expect(answer.statusCode).toBe(422);
      const doc = parsePage(answer.body);
      expect(doc.querySelector('input[name="recipient"]')?.getAttribute('value')).toBe(recipient);
      return textOf(doc, '#field-recipient-error');
    };
    expect(await error('   ')).toBe('Give the login of a member here, or the name of someone without an account.');
    expect(await error(writer.login)).toBe('You can’t give a work to yourself.');
    await shy.get(`/users/${shy.login}/preferences`);
    expect((await shy.post(`/users/${shy.login}/preferences`, { email_comments: '1' })).statusCode).toBe(303);
    expect(await error(shy.login)).toBe(`${shy.login} does not accept gifts.`);
    expect((await give(writer, workId, 'Marisol')).statusCode).toBe(303);
    expect(await error('marisol')).toBe('This work was already given to marisol.');
    // Only the work's creators give it; nothing was half-written.
    const stranger = await signUp(t.app);
    expect((await stranger.get(`/works/${workId}/gifts/new`)).statusCode).toBe(403);
    expect((await t.database.db.selectFrom('gifts').select('recipient_name').where('work_id', '=', workId).execute()).map((g) => g.recipient_name)).toEqual(['Marisol']);
  });

  it('keeps to each work’s own rule on the gifts page', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const open = await postWork(writer, { title: 'Open Gift' });
    const locked = await postWork(writer, { title: 'Members’ Gift', restricted: '1' });
    const draft = await postWork(writer, { title: 'Unfinished Gift', action: 'draft' });
    for (const id of [open, locked, draft]) expect((await give(writer, id, friend.login)).statusCode).toBe(303);
    const titles = async (client: TestClient) => textsOf(parsePage((await client.get(`/users/${friend.login}/gifts`)).body), 'li.work.blurb h4 a:first-child');
    expect(await titles(new TestClient(t.app))).toEqual(['Open Gift']);
    expect(await titles(friend)).toEqual(['Members’ Gift', 'Open Gift']);
  });

  it('emails the member when a work given to them is posted, once; a name without an account gets nothing', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    // The database is shared with the tests above: only this friend's gift emails count here.
    const outbox = async () => t.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', `${friend.login}@example.org`).where('subject', 'not like', '%Confirm your email address%').orderBy('id').execute();
    const posted = await postWork(writer, { title: 'Lantern Song' });
    expect((await give(writer, posted, friend.login)).statusCode).toBe(303);
    expect((await give(writer, posted, 'Odile Vane')).statusCode).toBe(303);
    let mail = await outbox();
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([[`${friend.login}@example.org`, '[Bindery] A gift for you: Lantern Song']]);
    expect(mail[0]?.text_body).toContain(`${writer.login} posted a work as a gift for you: Lantern Song`);
    expect(mail[0]?.text_body).toContain(`http://archive.test/users/${friend.login}/gifts`);
    // A draft's gift waits until the draft is posted.
    const draft = await postWork(writer, { title: 'Unsung', action: 'draft' });
    expect((await give(writer, draft, friend.login)).statusCode).toBe(303);
    expect(await outbox()).toHaveLength(1);
    await writer.get(`/works/${draft}`);
    expect((await writer.post(`/works/${draft}/post`)).statusCode).toBe(303);
    mail = await outbox();
    expect(mail.map((m) => m.subject)).toEqual(['[Bindery] A gift for you: Lantern Song', '[Bindery] A gift for you: Unsung']);
  });

  it('gives a new work from its own form; its members hear of it once, when it is posted; a refusal keeps the form', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const friend = await signUp(t.app);
    const shy = await signUp(t.app);
    await shy.get(`/users/${shy.login}/preferences`);
    const guest = new TestClient(t.app);
    // The shy member takes no gifts (the preference left unticked).
    expect((await shy.post(`/users/${shy.login}/preferences`, { email_comments: '1' })).statusCode).toBe(303);
    await writer.get('/works/new');
    const refused = await writer.post('/works', { ...workFields({ title: 'Not For Everyone', gifts: `${friend.login}, ${shy.login}` }), action: 'post' });
    expect(refused.statusCode).toBe(422);
    expect(textOf(parsePage(refused.body), '#field-gifts-error')).toBe(`${shy.login} does not accept gifts.`);
    expect(parsePage(refused.body).querySelector('input[name="gifts"]')?.getAttribute('value')).toBe(`${friend.login}, ${shy.login}`);
    expect(await t.app.db.selectFrom('works').select('id').where('title', '=', 'Not For Everyone').execute()).toEqual([]);

    const workId = await postWork(writer, { title: 'For the Lighthouse Keepers', gifts: `${friend.login}, Ines Mar` });
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'ul.associations li')).toBe(`For ${friend.login} and Ines Mar.`);
    const mail = await t.app.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', `${friend.login}@example.org`).where('subject', 'not like', '%Confirm your email address%').execute();
    expect(mail.map((m) => m.subject)).toEqual(['[Bindery] A gift for you: For the Lighthouse Keepers']);
  });
});
