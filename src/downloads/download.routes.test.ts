// Downloads follow the work page's rules exactly, name their files, and change when the work does.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { buildTestApp, describeEachDatabase, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';

/** The text of every chapter file in an EPUB. */
function epubText(body: Buffer): string {
  const files = unzipSync(new Uint8Array(body));
  return Object.entries(files).filter(([name]) => name.endsWith('.xhtml')).map(([, data]) => strFromU8(data)).join('\n');
}

/** The download links on a work page, by label. */
async function downloadLinks(client: TestClient, workId: number): Promise<Map<string, string>> {
  const page = parsePage((await client.get(`/works/${workId}`)).body);
  return new Map(Array.from(page.querySelectorAll('li.download ul.expandable a')).map((a) => [a.textContent.trim(), a.getAttribute('href') ?? '']));
}

describeEachDatabase('downloads', (ctx: () => TestApp) => {
  it('offers EPUB, HTML and text from the work page, named after the work', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Salt & Signal: A “Lighthouse” Story', 'chapter.text': 'Wren trimmed the wick at dusk.' });
    const links = await downloadLinks(new TestClient(ctx().app), id);
    expect([...links.keys()]).toEqual(['EPUB', 'HTML', 'TXT']);
    const epub = await new TestClient(ctx().app).get(links.get('EPUB') ?? '');
    expect(epub.statusCode).toBe(200);
    expect(epub.headers['content-type']).toBe('application/epub+zip');
    expect(epub.headers['content-disposition']).toMatch(/^attachment; filename="Salt_Signal_A_Lighthouse_Story\.epub"/);
    expect(epubText(epub.rawPayload)).toContain('Wren trimmed the wick at dusk.');
    const html = await new TestClient(ctx().app).get(links.get('HTML') ?? '');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(parsePage(html.body).querySelector('#chapters')?.textContent).toContain('Wren trimmed the wick at dusk.');
    const text = await new TestClient(ctx().app).get(links.get('TXT') ?? '');
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('Salt & Signal: A “Lighthouse” Story');
    expect(text.body).toContain('Wren trimmed the wick at dusk.');
  });

  it('asks guests to log in for a registered-users-only work, and never sends them the file', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Locked Harbour', restricted: '1', 'chapter.text': 'Only members read this line.' });
    for (const extension of ['epub', 'html', 'txt']) {
      const guest = await new TestClient(ctx().app).get(`/downloads/${id}/Locked_Harbour.${extension}`);
      expect(guest.statusCode).toBe(401);
      expect(guest.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(guest.body).toContain('This work is only available to registered users of the Archive.');
      expect(guest.body).not.toContain('Only members read this line.');
    }
    const member = await signUp(ctx().app);
    const text = await member.get(`/downloads/${id}/Locked_Harbour.txt`);
    expect(text.statusCode).toBe(200);
    expect(text.body).toContain('Only members read this line.');
  });

  it('keeps drafts to their creators, and 404s what does not exist', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Draft Harbour', action: 'draft', 'chapter.text': 'Not ready for anyone yet.' });
    expect((await new TestClient(ctx().app).get(`/downloads/${id}/Draft_Harbour.epub`)).statusCode).toBe(404);
    expect((await (await signUp(ctx().app)).get(`/downloads/${id}/Draft_Harbour.epub`)).statusCode).toBe(404);
    expect((await writer.get(`/downloads/${id}/Draft_Harbour.txt`)).body).toContain('Not ready for anyone yet.');
    expect((await writer.get(`/downloads/${id}/Draft_Harbour.exe`)).statusCode).toBe(404);
    expect((await writer.get('/downloads/99999999/Nothing.epub')).statusCode).toBe(404);
  });

  it('serves the new text once a chapter is edited, and the draft chapter only to its creator', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Changing Tides', expectedChapters: '', 'chapter.text': 'The first tide came in slowly.' });
    const reader = new TestClient(ctx().app);
    expect((await reader.get(`/downloads/${id}/Changing_Tides.txt`)).body).toContain('The first tide came in slowly.');
    await writer.get(`/works/${id}/chapters/new`);
    const added = await writer.post(`/works/${id}/chapters`, { title: 'Ebb', text: 'A second chapter, still a draft.', action: 'draft' });
    expect(added.statusCode).toBe(303);
    expect((await reader.get(`/downloads/${id}/Changing_Tides.txt`)).body).not.toContain('still a draft');
    expect((await writer.get(`/downloads/${id}/Changing_Tides.txt`)).body).toContain('still a draft');
    const chapterId = /chapters\/(\d+)/.exec((await reader.get(`/works/${id}`)).body)?.[1];
    expect(chapterId).toBeDefined();
    await writer.get(`/works/${id}/chapters/${chapterId ?? ''}/edit`);
    const saved = await writer.post(`/works/${id}/chapters/${chapterId ?? ''}`, { title: '', text: 'The first tide turned to storm.', action: 'post' });
    expect(saved.statusCode).toBe(303);
    const after = (await reader.get(`/downloads/${id}/Changing_Tides.txt`)).body;
    expect(after).toContain('The first tide turned to storm.');
    expect(after).not.toContain('came in slowly');
  });
});

describe('Calibre formats', () => {
  let withCalibre: TestApp;
  let without: TestApp;
  let log: string;
  let dir = '';

  beforeAll(async () => {
    // A stand-in for ebook-convert with its command line (input, output): it copies the EPUB and records the call.
    dir = await mkdtemp(join(tmpdir(), 'bindery-calibre-'));
    log = join(dir, 'calls.log');
    const script = join(dir, 'ebook-convert');
    await writeFile(script, `#!/bin/sh\necho "$1 $2" >> ${log}\ncase "$2" in *.pdf) echo "cannot make a pdf" >&2; exit 3;; esac\nsleep 0.2\ncp "$1" "$2"\n`);
    await chmod(script, 0o755);
    withCalibre = await buildTestApp('sqlite', { EBOOK_CONVERT: script, DATA_DIR: dir });
    without = await buildTestApp('sqlite', { EBOOK_CONVERT: 'off' });
  });
  afterAll(async () => {
    await withCalibre.close();
    await without.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('are offered only when ebook-convert was found, and made off the request path', async () => {
    const writer = await signUp(withCalibre.app);
    const id = await postWork(writer, { title: 'Kindle Tide', 'chapter.text': 'A line for the e-reader.' });
    const links = await downloadLinks(new TestClient(withCalibre.app), id);
    expect([...links.keys()]).toEqual(['AZW3', 'EPUB', 'MOBI', 'PDF', 'HTML', 'TXT']);
    const reader = new TestClient(withCalibre.app);
    const first = await reader.get(links.get('AZW3') ?? '');
    expect(first.statusCode).toBe(202);
    expect(first.headers.refresh).toBe('3');
    expect(first.body).toContain('Preparing your AZW3 download');
    await withCalibre.app.downloadFiles.settle();
    const ready = await reader.get(links.get('AZW3') ?? '');
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['content-disposition']).toContain('Kindle_Tide.azw3');
    expect(epubText(ready.rawPayload)).toContain('A line for the e-reader.');
    await reader.get(links.get('PDF') ?? '');
    await withCalibre.app.downloadFiles.settle();
    const failed = await reader.get(links.get('PDF') ?? '');
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toContain('cannot make a pdf');

    const plain = await signUp(without.app);
    const other = await postWork(plain, { title: 'Plain Tide' });
    expect([...(await downloadLinks(new TestClient(without.app), other)).keys()]).toEqual(['EPUB', 'HTML', 'TXT']);
    expect((await new TestClient(without.app).get(`/downloads/${other}/Plain_Tide.azw3`)).statusCode).toBe(404);
  });
});
