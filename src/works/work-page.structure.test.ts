// The reading pages keep AO3's addresses, structure, class strings and messages (DESIGN.md),
// because readers' downloaders, extensions and userscripts match them literally.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textsOf } from '../../test/html.js';

function classes(elements: ArrayLike<Element>): string[] {
  return Array.from(elements, (e) => e.getAttribute('class') ?? '');
}

function childClasses(parent: Element | null): string[] {
  return parent === null ? [] : classes(Array.from(parent.children));
}

const RICH = {
  rating: 'Teen And Up Audiences', warnings: ['Graphic Depictions Of Violence', 'Major Character Death'], categories: ['F/M', 'Gen'],
  fandoms: 'Original Work, Harbour Town Stories', relationships: 'Mara Quill/Tobias Fenn', characters: 'Mara Quill, Tobias Fenn',
  freeforms: 'Alternate Universe, Fluff', summary: 'A keeper, a storm, a promise.', notes: 'Written for my sister.',
  endNotes: 'Thanks for reading!', expectedChapters: '?', 'chapter.title': 'The Lamp',
};

describeEachDatabase('work page structure', (ctx) => {
  it('gives a one-shot no "Chapter 1" heading, as AO3 does, and a chaptered work its chapter headings', async () => {
    const writer = await signUp(ctx().app);
    const oneShot = await postWork(writer, { expectedChapters: '1', 'chapter.title': '' });
    const page = parsePage((await new TestClient(ctx().app).get(`/works/${oneShot}`)).body);
    expect(page.querySelector('#chapters div.chapter h3.title')).toBeNull();
    expect(page.querySelector('#chapters div.chapter .userstuff.module')?.textContent).toContain('The lamp had to be lit');
    const chaptered = await postWork(writer, { expectedChapters: '?' });
    expect(textsOf(parsePage((await new TestClient(ctx().app).get(`/works/${chaptered}`)).body), '#chapters h3.title')).toEqual(['Chapter 1']);
  });

  it('has the meta block with AO3 class strings, in order', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, RICH);
    await writer.post(`/works/${id}/chapters`, { title: 'Fog', summary: 'The morning after.', notes: 'Short one.', endNotes: 'More soon.', text: 'By morning the fog had lifted and the boats came home.', action: 'post' });
    const doc = parsePage((await new TestClient(ctx().app).get(`/works/${id}`)).body);
    const meta = doc.querySelector('dl.work.meta.group');
    expect(meta?.getAttribute('class')).toBe('work meta group');
    const dts = classes(meta?.querySelectorAll(':scope > dt') ?? []);
    expect(dts).toEqual(['rating tags', 'warning tags', 'category tags', 'fandom tags', 'relationship tags', 'character tags', 'freeform tags', 'language', 'stats']);
    expect(classes(meta?.querySelectorAll(':scope > dd') ?? [])).toEqual(dts);
    expect(textsOf(doc, 'dd.warning.tags a.tag')).toEqual(['Graphic Depictions Of Violence', 'Major Character Death']);
    expect(textsOf(doc, 'dd.fandom.tags a.tag')).toEqual(['Original Work', 'Harbour Town Stories']);
    expect(doc.querySelector('dd.relationship.tags a.tag')?.getAttribute('href')).toBe('/tags/Mara%20Quill*s*Tobias%20Fenn/works');
    const stats = doc.querySelector('dd.stats > dl.stats');
    expect(classes(stats?.querySelectorAll('dt') ?? [])).toEqual(['published', 'status', 'words', 'chapters']);
    expect(textsOf(doc, 'dl.stats dt')).toEqual(['Published:', 'Updated:', 'Words:', 'Chapters:']);
    expect(textsOf(doc, 'dd.chapters')).toEqual(['2/?']);
  });

  it('has the workskin, preface, chapters and afterword in AO3 order', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, RICH);
    await writer.post(`/works/${id}/chapters`, { title: 'Fog', summary: 'The morning after.', notes: 'Short one.', endNotes: 'More soon.', text: 'By morning the fog had lifted and the boats came home.', action: 'post' });
    const full = parsePage((await new TestClient(ctx().app).get(`/works/${id}?view_full_work=true`)).body);
    const skin = full.querySelector('#workskin');
    expect(childClasses(skin)).toEqual(['preface group', '', 'afterword preface group']);
    expect(Array.from(skin?.children ?? [], (e) => e.id)).toEqual(['', 'chapters', 'work_endnotes']);
    expect(full.querySelector('#chapters')?.getAttribute('role')).toBe('article');
    const preface = full.querySelector('#workskin > div.preface.group');
    expect(childClasses(preface)).toEqual(['title heading', 'byline heading', 'summary module', 'notes module']);
    expect(preface?.querySelector('div.summary.module > blockquote.userstuff')?.textContent).toBe('A keeper, a storm, a promise.');
    expect(preface?.querySelector('div.notes.module > blockquote.userstuff')?.textContent).toBe('Written for my sister.');
    expect(preface?.querySelector('h3.byline.heading > a[rel="author"]')?.textContent).toBe(writer.login);

    const chapters = Array.from(full.querySelectorAll('#chapters > div.chapter'));
    expect(chapters.map((c) => c.id)).toEqual(['chapter-1', 'chapter-2']);
    const second = chapters[1];
    expect(childClasses(second ?? null)).toEqual(['chapter preface group', 'userstuff module', 'chapter preface group']);
    const head = second?.querySelector('div.chapter.preface.group');
    expect(head?.querySelector('h3.title > a')?.textContent).toBe('Chapter 2');
    expect(head?.querySelector('h3.title')?.textContent).toBe('Chapter 2: Fog');
    expect(head?.querySelector('div#summary > blockquote.userstuff')?.textContent).toBe('The morning after.');
    expect(head?.querySelector('div#notes > blockquote.userstuff')?.textContent).toBe('Short one.');
    const text = second?.querySelector('div.userstuff.module');
    expect(text?.getAttribute('role')).toBe('article');
    const landmark = text?.firstElementChild;
    expect(landmark?.outerHTML).toBe('<h3 class="landmark heading" id="work">Chapter Text</h3>');
    expect(second?.lastElementChild?.querySelector('div.end.notes.module blockquote.userstuff')?.textContent).toBe('More soon.');
    expect(full.querySelector('#work_endnotes > div.end.notes.module > blockquote.userstuff')?.textContent).toBe('Thanks for reading!');
  });

  it('links to /users/:login/pseuds/:pseud only for the creators', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { ...RICH, notes: `See <a href="/users/someone/pseuds/someone">my friend</a>.` });
    const reader = await signUp(ctx().app);
    for (const path of [`/works/${id}`, `/works/${id}?view_full_work=true`, `/works/${id}/navigate`]) {
      const page = (await reader.get(path)).body;
      const links = Array.from(parsePage(page).querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\/users\/[^/]+\/pseuds\/[^/]+$/.test(href));
      expect(links.filter((href) => href !== `/users/${writer.login}/pseuds/${writer.login}`)).toEqual(path === `/works/${id}/navigate` ? [] : ['/users/someone/pseuds/someone']);
    }
  });

  it('lists works as AO3 blurbs with pagination, 20 a page', async () => {
    const writer = await signUp(ctx().app);
    const first = await postWork(writer, RICH);
    for (let i = 0; i < 20; i++) await postWork(writer, { title: `Filler ${i}` });
    const page = parsePage((await new TestClient(ctx().app).get(`/users/${writer.login}/works`)).body);
    expect(page.querySelectorAll('li.work.blurb.group')).toHaveLength(20);
    expect(page.querySelector('ol.pagination')).not.toBeNull();
    const second = parsePage((await new TestClient(ctx().app).get(`/users/${writer.login}/works?page=2`)).body);
    const blurb = second.querySelector(`li#work_${first}`);
    expect(blurb?.getAttribute('class')).toBe(`work blurb group work-${first}`);
    expect(blurb?.querySelector('h4.heading > a')?.getAttribute('href')).toBe(`/works/${first}`);
    expect(blurb?.querySelector('h4.heading a[rel="author"]')?.textContent).toBe(writer.login);
    expect(textsOf(blurb ?? second, 'h5.fandoms a.tag')).toEqual(['Original Work', 'Harbour Town Stories']);
    expect(blurb?.querySelector('ul.required-tags')).not.toBeNull();
    expect(classes(blurb?.querySelectorAll('ul.tags > li') ?? [])).toEqual(['warnings', 'warnings', 'relationships', 'characters', 'characters', 'freeforms', 'freeforms']);
    expect(blurb?.querySelector('blockquote.summary')?.textContent).toBe('A keeper, a storm, a promise.');
    expect(classes(blurb?.querySelectorAll('dl.stats > dt') ?? [])).toEqual(['language', 'words', 'chapters']);
  });
});
