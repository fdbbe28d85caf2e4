// Gift exchanges on both databases, from sign-up to reveal: the window, the tag rules, the
// matching (as many as can be matched), swaps, sending by email and on the site, fulfilling with a
// gift in the collection, a default taken over by a pinch hitter, and the reveals.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 16);

async function openExchange(owner: TestClient): Promise<string> {
  const name = uniqueLogin('swap');
  await owner.get('/collections/new');
  const opened = await owner.post('/collections', { name, title: 'Midwinter Swap', challenge: 'gift_exchange', anonymous: '1', unrevealed: '1' });
  if (opened.statusCode !== 303) throw new Error(opened.body.slice(0, 300));
  return name;
}

async function signUpAs(client: TestClient, name: string, request: string, offer: string) {
  await client.get(`/collections/${name}/signups/new`);
  return client.post(`/collections/${name}/signups`, { 'request.fandom': request, 'offer.fandom': offer, notes: `Hello from ${request}` });
}

const mailTo = async (t: { app: { db: import('kysely').Kysely<import('../db/database.js').Database> } }, login: string) =>
  (await t.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', `${login}@example.org`).where('subject', 'not like', '%Confirm your email address%').execute());

describeEachDatabase('gift exchanges', (ctx) => {
  it('runs an exchange from sign-up to reveal', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const [ana, ben, cai, dee, eve] = await Promise.all([signUp(t.app), signUp(t.app), signUp(t.app), signUp(t.app), signUp(t.app)]);
    const guest = new TestClient(t.app);
    const name = await openExchange(owner);

    const early = await signUpAs(ana, name, 'Tidewater', 'Moorland');
    expect(early.statusCode).toBe(422);
    expect(textOf(parsePage(early.body), '#field-signup-error')).toBe('Sign-ups are not open yet.');
    await owner.get(`/collections/${name}/exchange`);
    const badSettings = await owner.post(`/collections/${name}/exchange`, { opensAt: hoursFromNow(-1), closesAt: hoursFromNow(-2), fandomsMax: '2', matchCount: '1' });
    expect(textOf(parsePage(badSettings.body), '#field-closesAt-error')).toBe('Sign-ups must close after they open.');
    expect(textOf(parsePage(badSettings.body), '#field-matchTypes-error')).toBe('Choose at least one kind of tag that must match.');
    expect((await owner.post(`/collections/${name}/exchange`, { opensAt: hoursFromNow(-1), closesAt: hoursFromNow(24), dueAt: hoursFromNow(48), fandomsMax: '2', matchTypes: 'fandom', matchCount: '1' })).statusCode).toBe(303);

    const tooMany = await signUpAs(ana, name, 'Tidewater, Heath, Fen', 'Moorland');
    expect(textOf(parsePage(tooMany.body), '#field-request-fandom-error')).toBe('Name at most 2 fandoms.');
    expect(parsePage(tooMany.body).querySelector('input[name="request.fandom"]')?.getAttribute('value')).toBe('Tidewater, Heath, Fen');
    // A cycle of three (each offers what the next requests) and one request nobody offers.
    for (const [who, request, offer] of [[ana, 'Tidewater', 'Moorland'], [ben, 'Moorland', 'Harbour'], [cai, 'Harbour', 'Tidewater'], [dee, 'Glacier', 'Harbour']] as const) {
      expect((await signUpAs(who, name, request, offer)).statusCode).toBe(303);
    }

    await owner.get(`/collections/${name}/assignments`);
    expect((await owner.post(`/collections/${name}/matching`)).statusCode).toBe(303);
    let page = parsePage((await owner.get(`/collections/${name}/assignments`)).body);
    expect(textOf(page, '.matching p')).toContain(`4 sign-ups; 3 matched; nobody was matched to write for ${dee.login}`);
    const pairs = textsOf(page, 'li.assignment h4');
    expect(pairs).toContain(`#${pairs[0]?.match(/#(\d+)/)?.[1]}: ${ana.login} writes for ${ben.login}`);
    // Before the maintainers send them, a participant sees nothing.
    expect(textOf(parsePage((await ana.get(`/collections/${name}/assignments`)).body), 'p.empty')).toBe('You have no assignment here yet.');
    const ids = pairs.map((p) => p.match(/#(\d+)/)?.[1] ?? '');
    const swap = await owner.post(`/collections/${name}/assignments/swap`, { first: ids[0] ?? '', second: ids[1] ?? '' });
    expect(swap.statusCode).toBe(422);
    expect(swap.body).toContain('That swap would have someone write for themselves.');
    expect((await owner.post(`/collections/${name}/assignments/send`)).statusCode).toBe(303);
    expect((await mailTo(t, ana.login)).map((m) => m.subject)).toEqual(['[Bindery] Your assignment in Midwinter Swap']);
    expect((await mailTo(t, ana.login))[0]?.text_body).toContain(`You are writing for ${ben.login} in Midwinter Swap.\nThey asked for:\nfandom: Moorland`);
    expect((await signUpAs(eve, name, 'Heath', 'Fen')).body).toContain('Assignments have been sent: sign-ups are over.');

    // Ana fulfils hers: the work joins the collection as a gift to Ben, hidden from others until revealed.
    page = parsePage((await ana.get(`/collections/${name}/assignments`)).body);
    expect(textOf(page, 'li.assignment h4')).toBe(`You are writing for ${ben.login}`);
    const mine = /\/assignments\/(\d+)\/fulfil/.exec(page.querySelector('li.assignment form')?.getAttribute('action') ?? '')?.[1] ?? '';
    const gift = await postWork(ana, { title: 'Moorland Lanterns' });
    expect((await ana.post(`/assignments/${mine}/fulfil`, { work: `/works/${gift}` })).statusCode).toBe(303);
    expect((await guest.get(`/works/${gift}`)).statusCode).toBe(404);
    expect(textsOf(parsePage((await ben.get(`/users/${ben.login}/gifts`)).body), 'li.work.blurb h4 a:first-child')).toEqual([]);
    expect((await mailTo(t, ben.login)).map((m) => m.subject).filter((s) => s.includes('gift'))).toEqual([]);

    // Cai defaults; the owner gives the assignment to Eve, who is sent it.
    page = parsePage((await cai.get(`/collections/${name}/assignments`)).body);
    const cais = /\/assignments\/(\d+)\/default/.exec(page.querySelector('form[action$="/default"]')?.getAttribute('action') ?? '')?.[1] ?? '';
    expect((await cai.post(`/assignments/${cais}/default`)).statusCode).toBe(303);
    const wrongHitter = await owner.post(`/assignments/${cais}/pinch_hit`, { login: ana.login });
    expect(wrongHitter.statusCode).toBe(422);
    expect(wrongHitter.body).toContain(`${ana.login} is this assignment’s recipient.`);
    expect((await owner.post(`/assignments/${cais}/pinch_hit`, { login: eve.login })).statusCode).toBe(303);
    expect((await mailTo(t, eve.login)).map((m) => m.subject)).toEqual(['[Bindery] Your assignment in Midwinter Swap']);
    expect(textOf(parsePage((await eve.get(`/collections/${name}/assignments`)).body), 'li.assignment h4')).toBe(`You are writing for ${ana.login}`);
    expect((await cai.post(`/assignments/${cais}/fulfil`, { work: String(gift) })).statusCode).toBe(404);

    // Reveal the works, then the creators.
    await owner.get(`/collections/${name}`);
    expect((await owner.post(`/collections/${name}/reveal`)).statusCode).toBe(303);
    const revealed = parsePage((await guest.get(`/works/${gift}`)).body);
    expect(textOf(revealed, 'h3.byline')).toBe('Anonymous');
    expect(textOf(revealed, 'ul.associations li')).toBe(`For ${ben.login}.`);
    // Now that it may be read, Ben hears of his gift, and it is signed "Anonymous" still.
    const told = (await mailTo(t, ben.login)).filter((m) => m.subject.includes('gift'));
    expect(told.map((m) => m.subject)).toEqual(['[Bindery] A gift for you: Moorland Lanterns']);
    expect(told[0]?.text_body).toContain('Anonymous posted a work as a gift for you');
    expect(told[0]?.text_body).not.toContain(ana.login);
    expect((await owner.post(`/collections/${name}/reveal_creators`)).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${gift}`)).body), 'h3.byline')).toBe(ana.login);
    expect(textsOf(parsePage((await ben.get(`/users/${ben.login}/gifts`)).body), 'li.work.blurb h4 a:first-child')).toEqual(['Moorland Lanterns']);
  });
});
