// Importing through the web pages: upload, check the preview, fix what was found, post; bad files
// are refused on the upload page with the reason beside the file field, and nothing is stored.
import { expect, it } from 'vitest';
import { TestClient, type Fields } from '../../test/client.js';
import { describeEachDatabase, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';
import { countImports, findImportData, insertImport } from './import.repository.js';
import { seen } from './test-support.js';
import { DEFAULT_LIMITS } from './import.js';

const STORY = [
  'The Salt-Glass Orchard',
  '',
  'A/N: Written for the winter swap. Thank you to everyone who read it twice.',
  '',
  'Chapter 1: Frost',
  '',
  'Wren counted the apple trees every morning, because her grandmother had, and because somebody ought to.',
  '',
  'There were forty-one. There had always been forty-one, even the year the river came up to the kitchen door.',
  '',
  'Chapter 2: The Stranger',
  '',
  'The man at the gate wore a coat too thin for the season and carried nothing at all.',
  '',
  '12 miles, he said, before she could ask. I walked 12 miles to see if the glass apples were real.',
  '',
  '* * *',
  '',
  'By evening he had mended the fence and eaten two bowls of soup, and Wren still did not know his name.',
  '',
  'Chapter 3: Thaw',
  '',
  'When the ice went out of the glass apples, they rang like small bells.',
  '',
  'Wren stood under the trees with the stranger and listened until the last one was quiet.',
].join('\n');

const MARKDOWN = [
  '# Lanterns on the Weir',
  '',
  '## Chapter 1: Dusk',
  '',
  'The ferryman lit the *first* lantern at six, as he had for thirty years.',
  '',
  '## Chapter 2: Dark',
  '',
  'Nobody came to the crossing that night — nobody but the heron.',
].join('\n');

type Page = { status: number; doc: Document; body: string };

/** Every value a browser would send from the preview form, as the writer left it. */
function formValues(doc: Document): Fields {
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: string) => { (fields[name] ??= []).push(value); };
  const form = doc.querySelector('form.import-form');
  if (form === null) throw new Error('no preview form on the page');
  for (const input of Array.from(form.querySelectorAll('input'))) {
    if (input.type === 'submit' || ((input.type === 'checkbox' || input.type === 'radio') && !input.hasAttribute('checked'))) continue;
    add(input.name, input.getAttribute('value') ?? (input.type === 'checkbox' ? 'on' : ''));
  }
  for (const select of Array.from(form.querySelectorAll('select'))) add(select.name, select.querySelector('option[selected]')?.getAttribute('value') ?? '');
  for (const area of Array.from(form.querySelectorAll('textarea'))) add(area.name, area.textContent);
  return fields;
}

function words(doc: Document): [number, number] {
  const match = /Words in the file: ([\d,]+)\. Words in the text and notes below: ([\d,]+)\./.exec(textOf(doc, '.import-proof') ?? '');
  if (!match?.[1] || !match[2]) throw new Error('no words proof on the page');
  return [Number(match[1].replace(/,/g, '')), Number(match[2].replace(/,/g, ''))];
}

function chapterTitles(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('.import-chapter input[name$=".title"]')).map((i) => i.getAttribute('value') ?? '');
}

async function preview(client: TestClient, path: string): Promise<Page> {
  const response = await client.get(path);
  return { status: response.statusCode, doc: parsePage(response.body), body: response.body };
}

async function upload(client: TestClient, fileName: string, content: Buffer | string): Promise<string> {
  await client.get('/works/import');
  const response = await client.postMultipart('/works/import', { text: '', format: 'text' }, [{ name: 'file', fileName, content }]);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(/^\/works\/import\/\d+$/);
  return location;
}

/** Presses a button of the preview form, with everything on the page as it is plus `changes`. */
async function press(client: TestClient, path: string, action: string, changes: Fields = {}) {
  const page = await preview(client, path);
  return client.post(path, { ...formValues(page.doc), ...changes, action });
}

async function pressAndFollow(client: TestClient, path: string, action: string, changes: Fields = {}): Promise<Page> {
  const response = await press(client, path, action, changes);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  expect(String(response.headers.location).startsWith(path)).toBe(true);
  const page = await preview(client, path);
  const [inFile, shown] = words(page.doc);
  expect(shown).toBe(inFile);
  return page;
}

function imports(t: TestApp): Promise<number> {
  return countImports(t.database.db);
}

describeEachDatabase('importing a story through the web pages', (ctx) => {
  it('links the import page from the header and from the new work page', async () => {
    const writer = await signUp(ctx().app);
    const page = parsePage((await writer.get('/works/new')).body);
    expect(page.querySelectorAll('a[href="/works/import"]').length).toBe(2);
    const form = parsePage((await writer.get('/works/import')).body);
    expect(form.querySelector('form[enctype="multipart/form-data"] input[type="file"][name="file"]')?.getAttribute('accept')).toContain('.docx');
    expect(textOf(form, '.import-help')).toContain('Chapter One: The Road');
  });

  it('shows what a file holds, lets the writer fix it, and posts it only when asked', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const path = await upload(writer, 'salt-glass.txt', STORY);
    expect(await imports(t)).toBeGreaterThan(0);

    let page = await preview(writer, path);
    expect(page.status).toBe(200);
    expect(chapterTitles(page.doc)).toEqual(['Frost', 'The Stranger', 'Thaw']);
    expect(textsOf(page.doc, '.import-first-line')).toEqual([
      'Wren counted the apple trees every morning, because her grandmother had, and because somebody ought to.',
      'The man at the gate wore a coat too thin for the season and carried nothing at all.',
      'When the ice went out of the glass apples, they rang like small bells.',
    ]);
    expect(page.doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('The Salt-Glass Orchard');
    // The note shows as it will be posted: without its "A/N:" label, which the preview says.
    expect(textOf(page.doc, '#field-notes blockquote')).toBe('Written for the winter swap. Thank you to everyone who read it twice.');
    expect(textOf(page.doc, '#field-notes .import-label-hint')).toContain('“A/N” label is left out');
    expect(textOf(page.doc, '.import-facts')).toContain('Plain text, UTF-8');
    const [inFile, shown] = words(page.doc);
    expect(shown).toBe(inFile);
    expect(textOf(page.doc, '.import-proof')).toContain('nothing was dropped');

    // Chapter 3 was not a chapter after all: its heading stays in the text where the file had it.
    page = await pressAndFollow(writer, path, 'join:2');
    expect(chapterTitles(page.doc)).toEqual(['Frost', 'The Stranger']);
    expect(textsOf(page.doc, '.import-last-line')[1]).toBe('Wren stood under the trees with the stranger and listened until the last one was quiet.');
    expect(textOf(page.doc, '.flash')).toBe('Chapter 3 is now part of chapter 2.');

    // Chapter 2 starts one paragraph later: its old first line ends chapter 1.
    page = await pressAndFollow(writer, path, 'later:1', { 'chapters[1].by': '1' });
    expect(textsOf(page.doc, '.import-first-line')[1]).toBe('12 miles, he said, before she could ask. I walked 12 miles to see if the glass apples were real.');
    expect(textsOf(page.doc, '.import-last-line')[0]).toBe('The man at the gate wore a coat too thin for the season and carried nothing at all.');
    // ... and back, one earlier.
    page = await pressAndFollow(writer, path, 'earlier:1', { 'chapters[1].by': '1' });
    expect(textsOf(page.doc, '.import-first-line')[1]).toBe('The man at the gate wore a coat too thin for the season and carried nothing at all.');

    // Too far: chapter 1 has two paragraphs, so the message says so beside the box, and nothing moves.
    const tooFar = await press(writer, path, 'earlier:1', { 'chapters[1].by': '5' });
    expect(tooFar.statusCode).toBe(422);
    const farDoc = parsePage(tooFar.body);
    expect(textOf(farDoc, '#field-chapters-1--by .field-error')).toBe('Chapter 1 has 2 paragraphs, so it can give at most 1 paragraph and keep one.');
    expect(farDoc.querySelector('input[name="chapters[1].by"]')?.getAttribute('value')).toBe('5');

    // The A/N goes back into the story, at the start of chapter 1.
    page = await pressAndFollow(writer, path, 'text:work:notes');
    expect(page.doc.querySelector('#field-notes')).toBeNull();
    expect(textsOf(page.doc, '.import-first-line')[0]).toBe('A/N: Written for the winter swap. Thank you to everyone who read it twice.');

    // No fandom: the preview comes back with the message beside the field and every typed value kept.
    const before = await imports(t);
    const missing = await press(writer, path, 'post', {
      title: 'The Salt-Glass Orchard (Revised)', 'chapters[0].title': 'Hoarfrost', rating: 'General Audiences',
      warnings: 'No Archive Warnings Apply', fandoms: '', relationships: 'Wren/The Stranger', restricted: '1',
    });
    expect(missing.statusCode).toBe(422);
    const doc = parsePage(missing.body);
    expect(textOf(doc, '#field-fandoms-error')).toBe('Add at least one fandom.');
    expect(doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('The Salt-Glass Orchard (Revised)');
    expect(doc.querySelector('input[name="chapters[0].title"]')?.getAttribute('value')).toBe('Hoarfrost');
    expect(doc.querySelector('input[name="relationships"]')?.getAttribute('value')).toBe('Wren/The Stranger');
    expect(doc.querySelector('select[name="rating"] option[selected]')?.getAttribute('value')).toBe('General Audiences');
    expect(doc.querySelector('input[name="warnings"][value="No Archive Warnings Apply"]')?.hasAttribute('checked')).toBe(true);
    expect(doc.querySelector('input[name="restricted"]')?.hasAttribute('checked')).toBe(true);
    expect(await imports(t)).toBe(before);

    const posted = await writer.post(path, { ...formValues(doc), fandoms: 'Original Work', action: 'post' });
    expect(posted.statusCode, posted.body.slice(0, 2000)).toBe(303);
    const workPath = String(posted.headers.location);
    expect(workPath).toMatch(/^\/works\/\d+$/);
    expect(await imports(t)).toBe(before - 1);

    const work = parsePage((await writer.get(`${workPath}?view_full_work=true`)).body);
    expect(textOf(work, '.flash')).toBe('Imported and posted. Thank you for sharing it!');
    expect(textOf(work, 'h2.title.heading')).toBe('The Salt-Glass Orchard (Revised)');
    expect(textOf(work, 'dd.fandom.tags')).toBe('Original Work');
    expect(textsOf(work, 'div.chapter h3.title')).toEqual(['Chapter 1: Hoarfrost', 'Chapter 2: The Stranger']);
    const texts = textsOf(work, 'div.chapter div.userstuff.module');
    expect(texts[0]).toContain('A/N: Written for the winter swap.');
    expect(texts[1]).toContain('Chapter 3: Thaw');
    expect(texts[1]).toContain('they rang like small bells');
    expect(textOf(work, 'dd.chapters')).toBe('2/2');
    expect((await writer.get(path)).statusCode).toBe(404);
  });

  it('posts notes without their "A/N" label, and shows a long last line from a word’s start', async () => {
    const writer = await signUp(ctx().app);
    const longLine = `${'The tide came in over the causeway and took the last of the lanterns with it, '.repeat(4)}and she let it.`;
    const story = ['Low Water', '', 'A/N: For the lighthouse prompt.', '', 'The bell rang twice.', '', longLine, '', 'Author’s Note: Thanks for reading!'].join('\n');
    const path = await upload(writer, 'low-water.txt', story);
    const page = await preview(writer, path);
    const ends = textsOf(page.doc, '.import-last-line')[0] ?? '';
    expect(ends.length).toBeLessThanOrEqual(201);
    expect(ends).toMatch(/^…[A-Za-z]/);
    // Every word shown is a whole word of the line.
    expect(longLine.endsWith(ends.slice(1))).toBe(true);
    expect(longLine.charAt(longLine.length - ends.length)).toBe(' ');
    expect(textOf(page.doc, '#field-endNotes blockquote')).toBe('Thanks for reading!');

    const saved = await press(writer, path, 'draft', { fandoms: 'Original Work' });
    expect(saved.statusCode).toBe(303);
    const work = parsePage((await writer.get(String(saved.headers.location))).body);
    expect(textOf(work, '.preface .notes blockquote')).toBe('For the lighthouse prompt.');
    expect(textOf(work, '.end.notes blockquote')).toBe('Thanks for reading!');
  });

  it('splits a chapter at a paragraph and makes paragraphs at its top or bottom into notes', async () => {
    const writer = await signUp(ctx().app);
    const story = [
      'The Quiet Harbour',
      'Ines, this one is yours, as promised.',
      'The boats came in one by one, and the last of them was Ansel’s.',
      'He tied up, shouldered his nets, and walked up the hill without a word to anyone.',
      'The next morning the harbour was full of fog.',
      'Nobody went out; nobody minded.',
      'More of this on the weekend.',
      'Much love to the group.',
    ].join('\n\n');
    const path = await upload(writer, 'quiet-harbour.txt', story);
    let page = await preview(writer, path);
    expect(page.doc.querySelector('.import-paragraphs')).toBeNull();

    // Opening the paragraphs keeps what was typed, and lists every paragraph of the chapter with its buttons.
    const opened = await press(writer, path, 'paragraphs:0', { fandoms: 'Original Work' });
    expect(opened.statusCode).toBe(303);
    expect(String(opened.headers.location)).toBe(`${path}?paragraphs=0#import-paragraphs-1`);
    page = await preview(writer, `${path}?paragraphs=0`);
    expect(page.doc.querySelector('input[name="fandoms"]')?.getAttribute('value')).toBe('Original Work');
    expect(textsOf(page.doc, '.import-paragraphs .import-paragraph')).toEqual(story.split('\n\n').slice(1));
    expect(page.doc.querySelector('button[value="split:0:0"]')).toBeNull();
    expect(page.doc.querySelector('button[value="notes:0:6"]')).toBeNull();
    expect(page.doc.querySelector('button[value="split:0:3"]')?.getAttribute('aria-label')).toBe('Start a new chapter at paragraph 4 of chapter 1');

    page = await pressAndFollow(writer, `${path}?paragraphs=0`, 'notes:0:0');
    expect(textOf(page.doc, '.flash')).toBe('1 paragraph is now the work’s beginning notes.');
    expect(textOf(page.doc, '#field-notes blockquote')).toBe('Ines, this one is yours, as promised.');
    expect(textsOf(page.doc, '.import-paragraphs .import-paragraph')).toHaveLength(6);

    page = await pressAndFollow(writer, `${path}?paragraphs=0`, 'endnotes:0:4');
    expect(textOf(page.doc, '.flash')).toBe('2 paragraphs are now the work’s end notes.');
    expect(seen(page.doc.querySelector('#field-endNotes blockquote')?.innerHTML ?? '')).toBe('More of this on the weekend.\n\nMuch love to the group.');

    page = await pressAndFollow(writer, `${path}?paragraphs=0`, 'split:0:2');
    expect(textOf(page.doc, '.flash')).toBe('Chapter 2 now starts at what was paragraph 3 of chapter 1.');
    expect(textsOf(page.doc, '.import-first-line')).toEqual(['The boats came in one by one, and the last of them was Ansel’s.', 'The next morning the harbour was full of fog.']);
    expect(textsOf(page.doc, '.import-last-line')).toEqual(['He tied up, shouldered his nets, and walked up the hill without a word to anyone.', 'Nobody went out; nobody minded.']);

    // A chapter keeps at least one paragraph of story; the refusal comes back beside the list, which stays open.
    const gone = await press(writer, `${path}?paragraphs=1`, 'split:1:99');
    expect(gone.statusCode).toBe(422);
    expect(textOf(parsePage(gone.body), '.error-summary')).toContain('There is no such paragraph');
    const refused = await writer.post(path, { ...formValues((await preview(writer, `${path}?paragraphs=1`)).doc), action: 'notes:1:1' });
    expect(refused.statusCode).toBe(422);
    const refusedDoc = parsePage(refused.body);
    expect(textOf(refusedDoc, '.error-summary')).toContain('Chapter 2 needs at least one paragraph of story');
    expect(refusedDoc.querySelectorAll('#import-paragraphs-2 .import-paragraph')).toHaveLength(2);

    const saved = await press(writer, path, 'draft', {});
    expect(saved.statusCode).toBe(303);
    const work = parsePage((await writer.get(`${String(saved.headers.location)}?view_full_work=true`)).body);
    expect(textOf(work, '.preface .notes blockquote')).toBe('Ines, this one is yours, as promised.');
    expect(textsOf(work, 'div.chapter div.userstuff.module')).toHaveLength(2);
    expect(textOf(work, '.end.notes blockquote')).toContain('Much love to the group.');
  });

  it('saves a draft by default button, visible to its writer only', async () => {
    const writer = await signUp(ctx().app);
    const path = await upload(writer, 'salt-glass.txt', STORY);
    const saved = await press(writer, path, 'draft', { fandoms: 'Original Work' });
    expect(saved.statusCode).toBe(303);
    const workPath = String(saved.headers.location);
    expect(textOf(parsePage((await writer.get(workPath)).body), '.flash')).toBe('Imported as a draft. Only you can see it until you post it.');
    expect((await new TestClient(ctx().app).get(workPath)).statusCode).toBe(404);
  });

  it('creates one work when Post is pressed twice at once', async () => {
    const writer = await signUp(ctx().app);
    const path = await upload(writer, 'salt-glass.txt', STORY);
    const fields = { ...formValues((await preview(writer, path)).doc), fandoms: 'Original Work', action: 'post' };
    const before = await ctx().database.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const [first, second] = await Promise.all([writer.post(path, fields), writer.post(path, fields)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([303, 404]);
    const after = await ctx().database.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(1);
  });

  it('shows an import to its owner only, and sends guests to log in', async () => {
    const writer = await signUp(ctx().app);
    const path = await upload(writer, 'salt-glass.txt', STORY);
    const other = await signUp(ctx().app);
    expect((await other.get(path)).statusCode).toBe(404);
    await other.get('/works/import');
    expect((await other.post(path, { action: 'post', fandoms: 'Original Work', revision: '0' })).statusCode).toBe(404);
    const guest = new TestClient(ctx().app);
    for (const url of ['/works/import', path]) {
      const page = await guest.get(url);
      expect(page.statusCode).toBe(401);
      expect(page.body).toContain('Log in to do that.');
    }
    expect((await writer.get(path)).statusCode).toBe(200);
  });

  it('forgets imports older than a week when a new one is stored', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const userId = (await t.database.db.selectFrom('users').select('id').where('login', '=', writer.login).executeTakeFirstOrThrow()).id;
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000).toISOString();
    const old = await insertImport(t.database.db, userId, '{}', eightDaysAgo, '2000-01-01T00:00:00.000Z');
    const recent = await insertImport(t.database.db, userId, '{}', new Date(Date.now() - 6 * 24 * 60 * 60 * 1000).toISOString(), '2000-01-01T00:00:00.000Z');
    expect(await findImportData(t.database.db, userId, old)).toBe('{}');
    await upload(writer, 'salt-glass.txt', STORY);
    expect(await findImportData(t.database.db, userId, old)).toBeUndefined();
    expect(await findImportData(t.database.db, userId, recent)).toBe('{}');
  });

  it('refuses a form from a page the writer has since changed in another tab', async () => {
    const writer = await signUp(ctx().app);
    const path = await upload(writer, 'salt-glass.txt', STORY);
    const stale = formValues((await preview(writer, path)).doc);
    await pressAndFollow(writer, path, 'join:2');
    const again = await writer.post(path, { ...stale, action: 'join:2' });
    expect(again.statusCode).toBe(303);
    const page = await preview(writer, path);
    expect(chapterTitles(page.doc)).toEqual(['Frost', 'The Stranger']);
    expect(textOf(page.doc, '.flash')).toContain('changed in another window');
  });

  const BAD_FILES: Array<[string, string, Buffer, string]> = [
    ['a binary file', 'cover.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]), 'doesn’t look like a text file'],
    ['an empty file', 'empty.txt', Buffer.alloc(0), 'This file is empty'],
    ['a file over the limit', 'huge.txt', Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1024, 'word '), 'files up to 5 MB can be imported'],
    ['a damaged Word document', 'broken.docx', Buffer.from('PK\u0003\u0004 this is not really a zip archive at all'), 'damaged or incomplete'],
  ];
  for (const [what, fileName, content, message] of BAD_FILES) {
    it(`refuses ${what} with the reason beside the file field, storing nothing`, async () => {
      const t = ctx();
      const writer = await signUp(t.app);
      const before = await imports(t);
      await writer.get('/works/import');
      const response = await writer.postMultipart('/works/import', { text: '', format: 'text' }, [{ name: 'file', fileName, content }]);
      expect(response.statusCode).toBe(422);
      const doc = parsePage(response.body);
      expect(textOf(doc, '#field-file-error')).toContain(message);
      expect(doc.querySelector('input[type="file"]')?.getAttribute('aria-invalid')).toBe('true');
      expect(await imports(t)).toBe(before);
    });
  }

  it('asks for a file or text when the form is sent empty, keeping the format chosen', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/import');
    const response = await writer.postMultipart('/works/import', { text: '  ', format: 'markdown' }, [{ name: 'file', fileName: '', content: '' }]);
    expect(response.statusCode).toBe(422);
    const doc = parsePage(response.body);
    expect(textOf(doc, '#field-file-error')).toBe('Choose a file to upload, or paste your story into the box below.');
    expect(doc.querySelector('select[name="format"] option[selected]')?.getAttribute('value')).toBe('markdown');
  });

  it('keeps pasted text and its format when it cannot be read', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/import');
    const pasted = 'Once upon a time\u0000\u0001\u0002\u0003\u0004\u0005 there was binary.';
    const response = await writer.postMultipart('/works/import', { text: pasted, format: 'html' }, [{ name: 'file', fileName: '', content: '' }]);
    expect(response.statusCode).toBe(422);
    const doc = parsePage(response.body);
    expect(textOf(doc, '#field-text-error')).toContain('doesn’t look like a text file');
    expect(doc.querySelector('textarea[name="text"]')?.textContent).toBe(pasted);
    expect(doc.querySelector('select[name="format"] option[selected]')?.getAttribute('value')).toBe('html');
  });

  it('reads pasted Markdown', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/import');
    const response = await writer.postMultipart('/works/import', { text: MARKDOWN, format: 'markdown' }, [{ name: 'file', fileName: '', content: '' }]);
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
    const page = await preview(writer, String(response.headers.location));
    expect(page.doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('Lanterns on the Weir');
    expect(chapterTitles(page.doc)).toEqual(['Dusk', 'Dark']);
    expect(textsOf(page.doc, '.import-first-line')).toEqual([
      'The ferryman lit the first lantern at six, as he had for thirty years.',
      'Nobody came to the crossing that night — nobody but the heron.',
    ]);
    expect(textOf(page.doc, '.import-facts')).toContain('Markdown');
    const [inFile, shown] = words(page.doc);
    expect(shown).toBe(inFile);
  });

  it('parses multipart on the import routes only', async () => {
    const writer = await signUp(ctx().app);
    await writer.get('/works/new');
    const response = await writer.postMultipart('/works', { title: 'Elsewhere' });
    expect(response.statusCode).toBe(415);
  });

  it('refuses an upload without the form’s CSRF token', async () => {
    const t = ctx();
    const writer = await signUp(t.app);
    const before = await imports(t);
    const response = await writer.postMultipart('/works/import', { _csrf: 'forged' }, [{ name: 'file', fileName: 'salt-glass.txt', content: STORY }]);
    expect(response.statusCode).toBe(403);
    expect(await imports(t)).toBe(before);
  });

  it.each([
    ['no boundary', 'multipart/form-data', 'just some bytes'],
    ['a boundary the body never uses', 'multipart/form-data; boundary=lantern', '--other\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--other--\r\n'],
    ['a body cut short', 'multipart/form-data; boundary=lantern', '--lantern\r\nContent-Disposition: form-data; name="text"\r\n\r\nThe tide was tur'],
  ])('answers a malformed upload (%s) with 400 and a readable page, importing nothing', async (_name, contentType, payload) => {
    const t = ctx();
    const writer = await signUp(t.app);
    await writer.get('/works/import');
    const before = await imports(t);
    const cookie = [...writer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await t.app.inject({ method: 'POST', url: '/works/import', payload, headers: { cookie, 'content-type': contentType } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('arrived incomplete or malformed');
    expect(await imports(t)).toBe(before);
  });
});
