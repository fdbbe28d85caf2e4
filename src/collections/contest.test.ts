// Contests on both databases, from entry to results: the submission window, anonymous entries,
// members' votes (one a category, never for one's own entry, only while voting is open), the
// results at the close with the creators revealed, and the maintainers' audit.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin, workFields } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString().slice(0, 16);

describeEachDatabase('contests', (ctx) => {
  it('takes entries, then votes, then publishes the results with the creators revealed', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const voter = await signUp(t.app);
    const first = await signUp(t.app);
    const second = await signUp(t.app);
    const outsider = await signUp(t.app);
    const guest = new TestClient(t.app);
    const name = uniqueLogin('contest');
    await owner.get('/collections/new');
    expect((await owner.post('/collections', { name, title: 'Sunny and Funny', challenge: 'contest' })).statusCode).toBe(303);
    for (const member of [voter, first]) expect((await owner.post(`/collections/${name}/participants`, { login: member.login, role: 'member' })).statusCode).toBe(303);
    await owner.get(`/collections/${name}/contest`);
    const bad = await owner.post(`/collections/${name}/contest`, { submissionsCloseAt: minutesFromNow(60), votingClosesAt: minutesFromNow(30), categories: '' });
    expect(textOf(parsePage(bad.body), '#field-votingClosesAt-error')).toBe('Voting must close after submissions close.');
    expect(textOf(parsePage(bad.body), '#field-categories-error')).toBe('Give at least one category, one a line.');
    expect((await owner.post(`/collections/${name}/contest`, { submissionsCloseAt: minutesFromNow(60), votingClosesAt: minutesFromNow(120), categories: 'Best fluff\nBest laugh' })).statusCode).toBe(303);

    const one = await postWork(first, { title: 'The Sunflower Heist', collections: name });
    const two = await postWork(second, { title: 'A Pun Too Far', collections: name });
    const entry = parsePage((await guest.get(`/works/${one}`)).body);
    expect(textOf(entry, 'h3.byline')).toBe('Anonymous');

    const ballot = async (client: TestClient, work: number, category = 'Best fluff') => {
      await client.get(`/collections/${name}/vote`);
      return client.post(`/collections/${name}/votes`, { category, work_id: String(work) });
    };
    const early = await ballot(voter, one);
    expect(early.statusCode).toBe(422);
    expect(textOf(parsePage(early.body), '#field-vote-0-error')).toContain('Voting opens when submissions close, on ');

    // Submissions close: voting opens, and no new entry is taken.
    expect((await owner.post(`/collections/${name}/contest`, { submissionsCloseAt: minutesFromNow(-1), votingClosesAt: minutesFromNow(120), categories: 'Best fluff\nBest laugh' })).statusCode).toBe(303);
    await second.get('/works/new');
    const late = await second.post('/works', { ...workFields({ title: 'Too Late', collections: name }), action: 'post' });
    expect(textOf(parsePage(late.body), '#field-collections-error')).toContain('Submissions to Sunny and Funny closed on ');

    expect((await ballot(voter, one)).statusCode).toBe(303);
    expect(textOf(parsePage((await ballot(voter, two)).body), '#field-vote-0-error')).toBe('You have already voted in Best fluff.');
    expect((await ballot(voter, two, 'Best laugh')).statusCode).toBe(303);
    expect(textOf(parsePage((await ballot(first, one)).body), '#field-vote-0-error')).toBe('You can’t vote for your own entry.');
    expect((await ballot(first, two)).statusCode).toBe(303);
    expect(textOf(parsePage((await ballot(outsider, two)).body), '#field-vote-0-error')).toBe('Only members of this contest can vote: ask its owners to add you.');
    expect(textsOf(parsePage((await voter.get(`/collections/${name}/vote`)).body), 'p.voted')).toEqual(['You voted for The Sunflower Heist.', 'You voted for A Pun Too Far.']);

    expect(textOf(parsePage((await guest.get(`/collections/${name}/results`)).body), 'p.empty')).toBe('The results are published when voting closes.');
    const audit = parsePage((await owner.get(`/collections/${name}/votes/audit`)).body);
    expect(textsOf(audit, 'table.ballots tbody tr td:nth-child(2)')).toEqual([voter.login, first.login, voter.login]);
    expect((await voter.get(`/collections/${name}/votes/audit`)).statusCode).toBe(403);

    // The close comes (the clock moved on): the first look at the results publishes them and reveals the creators.
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.app.db.updateTable('contest_settings').set({ voting_closes_at: past }).execute();
    await t.app.db.updateTable('collections').set({ reveal_creators_at: past }).where('name', '=', name).execute();
    const results = parsePage((await guest.get(`/collections/${name}/results`)).body);
    expect(textsOf(results, 'section.category h3')).toEqual(['Best fluff', 'Best laugh']);
    expect(textsOf(results, 'section.category:first-of-type li.work.blurb h4.heading')).toEqual([`The Sunflower Heist by ${first.login}`, `A Pun Too Far by ${second.login}`]);
    expect(textsOf(results, 'section.category:last-of-type li.work.blurb h4.heading a:first-child')).toEqual(['A Pun Too Far', 'The Sunflower Heist']);
    expect(textsOf(results, 'section.category:first-of-type p.votes')).toEqual(['1 vote', '1 vote']);
    expect(textsOf(results, 'section.category:last-of-type p.votes')).toEqual(['1 vote', '0 votes']);
    expect(textOf(parsePage((await guest.get(`/works/${one}`)).body), 'h3.byline')).toBe(first.login);
    expect(textOf(parsePage((await ballot(voter, one, 'Best laugh')).body), '#field-vote-1-error')).toContain('Voting closed on ');
  });
});
