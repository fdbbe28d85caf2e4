// Editing and deleting pseuds: works follow (renamed at once, or moved to the default pseud). Both databases.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf } from '../../test/html.js';

describeEachDatabase('changing pseuds', (ctx) => {
  it('renames a pseud on its works at once, and moves a deleted pseud\'s works to the default one', async () => {
    const writer = await signUp(ctx().app);
    await writer.get(`/users/${writer.login}/pseuds`);
    await writer.post(`/users/${writer.login}/pseuds`, { name: 'Tidewriter', description: '' });
    const pseudId = (await ctx().app.db.selectFrom('pseuds').select('id').where('name', '=', 'Tidewriter').executeTakeFirstOrThrow()).id;
    const workId = await postWork(writer, { title: 'Under Another Name', pseuds: String(pseudId) });
    const guest = new TestClient(ctx().app);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toContain('Tidewriter');

    await writer.get(`/users/${writer.login}/pseuds`);
    expect((await writer.post(`/users/${writer.login}/pseuds/Tidewriter/edit`, { name: 'Ebbwriter', description: 'For the sea stories.' })).statusCode).toBe(303);
    expect(textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline')).toContain('Ebbwriter');
    const taken = await writer.post(`/users/${writer.login}/pseuds/Ebbwriter/edit`, { name: writer.login, description: '' });
    expect(taken.statusCode).toBe(303);
    expect((await writer.get(`/users/${writer.login}/pseuds`)).body).toContain('You already have a pseud with that name');

    expect((await writer.post(`/users/${writer.login}/pseuds/Ebbwriter/delete`)).statusCode).toBe(303);
    const byline = textOf(parsePage((await guest.get(`/works/${workId}`)).body), 'h3.byline');
    expect(byline).toBe(writer.login);
    expect((await writer.post(`/users/${writer.login}/pseuds/${writer.login}/delete`)).statusCode).toBe(303);
    expect((await writer.get(`/users/${writer.login}/pseuds`)).body).toContain('Your default pseud cannot be deleted');
    const other = await signUp(ctx().app);
    expect((await other.post(`/users/${writer.login}/pseuds/${writer.login}/edit`, { name: 'Mine Now', description: '' })).statusCode).toBe(403);
  });
});
