// Related works on both databases: "Inspired by" a work here (shown on the new work at once, on
// the original once approved) or elsewhere, translations, what a reader may not see left out, and
// bad input beside its field.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

async function relate(client: TestClient, workId: number, fields: Record<string, string>) {
  await client.get(`/works/${workId}/related`);
  return client.post(`/works/${workId}/related`, { title: '', creator: '', ...fields });
}

describeEachDatabase('related works', (ctx) => {
  it('links a work to the one that inspired it; the original lists it once its creator approves', async () => {
    const t = ctx();
    const original = await signUp(t.app);
    const fan = await signUp(t.app);
    const guest = new TestClient(t.app);
    const source = await postWork(original, { title: 'The Tidewater Lamp' });
    const hidden = await postWork(original, { title: 'Secret Draft Lamp', action: 'draft' });
    const derived = await postWork(fan, { title: 'After the Tide' });

    const self = await relate(fan, derived, { parent: `/works/${derived}` });
    expect(textOf(parsePage(self.body), '#field-parent-error')).toBe('A work cannot be inspired by itself.');
    const draft = await relate(fan, derived, { parent: `${t.app.config.baseUrl}/works/${hidden}` });
    expect(textOf(parsePage(draft.body), '#field-parent-error')).toBe('There is no work at that address that you can read.');
    const elsewhere = await relate(fan, derived, { parent: 'not an address' });
    expect(textOf(parsePage(elsewhere.body), '#field-parent-error')).toContain('Give the address of a work here');
    expect(parsePage(elsewhere.body).querySelector('input[name="parent"]')?.getAttribute('value')).toBe('not an address');
    expect((await relate(fan, derived, { parent: `/works/${source}` })).statusCode).toBe(303);
    expect((await relate(fan, derived, { parent: 'https://example.org/stories/salt-and-lamplight', title: 'Salt and Lamplight', creator: 'M. Harrow', translation: '1' })).statusCode).toBe(303);

    let page = parsePage((await guest.get(`/works/${derived}`)).body);
    expect(textsOf(page, '.preface .notes.module ul.associations li')).toEqual([`Inspired by The Tidewater Lamp by ${original.login}.`, 'A translation of Salt and Lamplight by M. Harrow.']);
    expect(page.querySelector('ul.associations a[href="https://example.org/stories/salt-and-lamplight"]')?.getAttribute('rel')).toBe('nofollow noopener');
    expect(page.querySelector(`ul.associations a[href="/works/${source}"]`)?.hasAttribute('rel')).toBe(false);
    expect(parsePage((await guest.get(`/works/${source}`)).body).querySelector('#children')).toBeNull();

    const review = parsePage((await original.get(`/works/${source}/related`)).body);
    expect(textOf(review, 'ul.related.children li .status')).toBe('waiting for your approval');
    const approve = review.querySelector('ul.related.children form[action$="/approve"]')?.getAttribute('action') ?? '';
    expect((await fan.post(approve)).statusCode).toBe(403);
    expect((await original.post(approve)).statusCode).toBe(303);
    page = parsePage((await guest.get(`/works/${source}`)).body);
    expect(textOf(page, '#work_endnotes #children h3')).toBe('Works inspired by this one:');
    expect(textsOf(page, '#children li')).toEqual([`After the Tide by ${fan.login}`]);

    // The original's creator may remove the link from their side.
    const remove = parsePage((await original.get(`/works/${source}/related`)).body).querySelector('ul.related.children form[action$="/delete"]')?.getAttribute('action') ?? '';
    expect((await original.post(remove)).statusCode).toBe(303);
    expect(parsePage((await guest.get(`/works/${source}`)).body).querySelector('#children')).toBeNull();
    expect(textsOf(parsePage((await guest.get(`/works/${derived}`)).body), 'ul.associations li')).toEqual(['A translation of Salt and Lamplight by M. Harrow.']);
  });
});
