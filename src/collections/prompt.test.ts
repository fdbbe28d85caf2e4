// Prompt memes on both databases: prompts with tags (anonymous or not), claims (one each), fills
// from the new-work form and from an existing work, the prompter's email, the listing's tag and
// filled filters, and bad input beside its field.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, uniqueLogin } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

async function openMeme(owner: TestClient, title: string, extra: Record<string, string> = {}): Promise<string> {
  const name = uniqueLogin('meme');
  await owner.get('/collections/new');
  const response = await owner.post('/collections', { name, title, challenge: 'prompt_meme', ...extra });
  if (response.statusCode !== 303) throw new Error(`opening ${title}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return name;
}

async function prompt(client: TestClient, meme: string, fields: Record<string, string>): Promise<number> {
  await client.get(`/collections/${meme}/prompts/new`);
  const response = await client.post(`/collections/${meme}/prompts`, fields);
  if (response.statusCode !== 303) throw new Error(`prompting: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return Number(/\/prompts\/(\d+)$/.exec(String(response.headers.location))?.[1]);
}

describeEachDatabase('prompt memes', (ctx) => {
  it('takes prompts, claims and fills; the prompter is emailed; the listing filters by tag and by filled', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const prompter = await signUp(t.app);
    const writer = await signUp(t.app);
    const guest = new TestClient(t.app);
    const meme = await openMeme(owner, 'Harbour Prompts');
    const first = await prompt(prompter, meme, { title: 'Lighthouse keepers in winter', tags: 'Original Work, Found Family', description: 'Two keepers, one lamp, a long storm.' });
    const second = await prompt(prompter, meme, { title: 'A ferry that never docks', tags: 'Original Work, Ghosts', description: '', anonymous: '1' });

    let page = parsePage((await guest.get(`/prompts/${second}`)).body);
    expect(textOf(page, 'p.byline')).toContain('Prompted by Anonymous in Harbour Prompts');
    expect((await guest.get(`/prompts/${second}`)).body).not.toContain(prompter.login);
    expect(textOf(parsePage((await owner.get(`/prompts/${second}`)).body), 'p.byline')).toContain(prompter.login);

    await writer.get(`/prompts/${first}`);
    expect((await writer.post(`/prompts/${first}/claims`)).statusCode).toBe(303);
    const again = await writer.post(`/prompts/${first}/claims`);
    expect(again.statusCode).toBe(422);
    expect(textOf(parsePage(again.body), '#field-claim-error')).toBe('You have already claimed this prompt.');
    expect(textsOf(parsePage((await guest.get(`/prompts/${first}`)).body), 'ul.claims li')).toEqual([writer.login]);

    // The new-work form carries the prompt; the work joins the meme and fills it.
    const form = parsePage((await writer.get(`/works/new?prompt=${first}`)).body);
    expect(form.querySelector('input[name="prompt_id"]')?.getAttribute('value')).toBe(String(first));
    const workId = await postWork(writer, { title: 'The Long Storm', prompt_id: String(first) });
    page = parsePage((await guest.get(`/prompts/${first}`)).body);
    expect(textsOf(page, 'li.work.blurb h4.heading a:first-child')).toEqual(['The Long Storm']);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'dd.collections')).toBe('Harbour Prompts');
    const mail = await t.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', `${prompter.login}@example.org`).where('subject', 'not like', '%Confirm your email address%').execute();
    expect(mail.map((m) => m.subject)).toEqual(['[Bindery] Your prompt was filled: Lighthouse keepers in winter']);
    expect(mail[0]?.text_body).toContain(`${writer.login} posted The Long Storm in response to your prompt “Lighthouse keepers in winter”.`);

    const titles = async (query: string) => textsOf(parsePage((await guest.get(`/collections/${meme}/prompts?${query}`)).body), 'li.prompt.blurb h4 a:first-child');
    expect(await titles('')).toEqual(['A ferry that never docks', 'Lighthouse keepers in winter']);
    expect(await titles('status=unfilled')).toEqual(['A ferry that never docks']);
    expect(await titles('status=filled')).toEqual(['Lighthouse keepers in winter']);
    expect(await titles('tags=found%20family')).toEqual(['Lighthouse keepers in winter']);
    expect(await titles('tags=ghosts&status=filled')).toEqual([]);

    // An existing work fills a prompt by its address; twice is refused beside the field.
    const older = await postWork(writer, { title: 'Ferry Lights' });
    await writer.get(`/prompts/${second}`);
    expect((await writer.post(`/prompts/${second}/fills`, { work: `http://localhost/works/${older}` })).statusCode).toBe(303);
    const twice = await writer.post(`/prompts/${second}/fills`, { work: String(older) });
    expect(twice.statusCode).toBe(422);
    expect(textOf(parsePage(twice.body), '#field-prompt-error, .error-summary')).toContain('This work already fills that prompt.');
    expect((await owner.post(`/prompts/${second}/fills`, { work: String(older) })).statusCode).toBe(403);
  });

  it('refuses a prompt without a title or tags, keeping what was typed, and any prompt to a closed meme', async () => {
    const t = ctx();
    const owner = await signUp(t.app);
    const member = await signUp(t.app);
    const meme = await openMeme(owner, 'Quiet Prompts');
    await member.get(`/collections/${meme}/prompts/new`);
    const bad = await member.post(`/collections/${meme}/prompts`, { title: '', tags: 'bad<tag', description: 'Kept.' });
    expect(bad.statusCode).toBe(422);
    const page = parsePage(bad.body);
    expect(textOf(page, '#field-title-error')).toBe('Give the prompt a title.');
    expect(textOf(page, '#field-tags-error')).toContain('Tags cannot contain "<"');
    expect(textOf(page, 'textarea[name="description"]')).toBe('Kept.');
    const closed = await openMeme(owner, 'Shut Prompts', { closed: '1' });
    await member.get(`/collections/${closed}/prompts/new`);
    const refused = await member.post(`/collections/${closed}/prompts`, { title: 'Late', tags: 'Original Work' });
    expect(textOf(parsePage(refused.body), '#field-title-error')).toBe('Shut Prompts is closed: it takes no new prompts.');
    expect(await t.app.db.selectFrom('prompts').select('id').where('title', '=', 'Late').execute()).toEqual([]);
    expect((await member.get('/collections/nowhere_here/prompts')).statusCode).toBe(404);
  });
});
