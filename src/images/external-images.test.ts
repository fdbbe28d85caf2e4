// Images in stories stored at other hosts, in each EXTERNAL_IMAGES mode: through the archive's
// proxy (fetched from an image host on 127.0.0.1 that writes down what it was sent), as links,
// or loaded from the host. On both databases.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { DIALECTS } from '../../test/databases.js';
import { buildTestApp, postWork, signUp, type TestApp } from '../../test/helpers.js';
import { parsePage } from '../../test/html.js';
import { PICTURE, requestsFor, startImageHost, type ImageHost } from '../../test/image-server.js';
import { proxiedImageUrl } from '../lib/external-images.js';

let host: ImageHost;
/** A second host on this machine that no test allows: the proxy must never reach it. */
let inward: ImageHost;
beforeAll(async () => { [host, inward] = await Promise.all([startImageHost(), startImageHost()]); });
afterAll(async () => { await Promise.all([host.close(), inward.close()]); });

let made = 0;
/** A path on the host no other test has asked for, so its requests can be counted. */
function fresh(path: string): string {
  made += 1;
  return `${path}?n=${made}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An app in one mode on a fresh database and data folder. */
function useApp(dialect: (typeof DIALECTS)[number], env: () => Record<string, string>): () => TestApp {
  let t: TestApp | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bindery-images-'));
    t = await buildTestApp(dialect, { DATA_DIR: dir, ...env() });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (t === undefined) throw new Error('test app not built');
    return t;
  };
}

/** Posts a work whose text, and summary, hold an image; returns its id. */
async function postWorkWithImage(t: TestApp, src: string, summarySrc = src): Promise<number> {
  const writer = await signUp(t.app);
  return postWork(writer, {
    summary: `<p>Cover: <img src="${summarySrc}" alt="The cover"></p>`,
    'chapter.text': `<p>The lamp had to be lit before the tide turned.</p><p><img src="${src}" alt="A padlock" width="30"></p>`,
  });
}

const imagesIn = (html: string, selector: string): string[] =>
  Array.from(parsePage(html).querySelectorAll(`${selector} img`)).map((img) => img.getAttribute('src') ?? '');

const imageSources = (header: string | string[] | number | undefined): string =>
  /img-src ([^;]*)/.exec(String(header))?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`EXTERNAL_IMAGES=proxy (the default) [${dialect}]`, () => {
    const app = useApp(dialect, () => ({ IMAGE_PROXY_ALLOW_HOSTS: `127.0.0.1:${host.port}`, IMAGE_PROXY_MAX_BYTES: '2048' }));
    const proxied = (url: string) => proxiedImageUrl(app().app.config.sessionSecret, url);

    it('shows an image through the archive, fetched without the reader\'s cookie, browser or address', async () => {
      const t = app();
      const original = `${host.origin}${fresh('/picture.png')}`;
      const workId = await postWorkWithImage(t, original);
      const reader = await signUp(t.app);
      const page = await reader.get(`/works/${workId}`);
      expect(imageSources(page.headers['content-security-policy'])).toBe("'self' data:");
      const [src] = imagesIn(page.body, '#chapters .userstuff');
      expect(src).toBe(proxied(original));
      expect(imagesIn(page.body, '.summary')).toEqual([proxied(original)]);
      // A guest's page is rendered once and kept; it was rewritten when it was rendered.
      for (let i = 0; i < 2; i++) expect(imagesIn((await new TestClient(t.app).get(`/works/${workId}`)).body, '#chapters .userstuff')).toEqual([src]);
      expect(imagesIn((await reader.get('/works')).body, `li#work_${workId} .summary`)).toEqual([proxied(original)]);

      const image = await reader.get(src ?? '', { 'user-agent': 'ReaderBrowser/1.0 (tell-tale)', referer: `http://archive.test/works/${workId}`, 'x-forwarded-for': '198.51.100.77' });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toContain('max-age=');
      expect(image.rawPayload.equals(PICTURE)).toBe(true);
      const sent = requestsFor(host, original.slice(host.origin.length));
      expect(sent).toHaveLength(1);
      const headers = sent[0]?.headers ?? {};
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(headers['x-forwarded-for']).toBeUndefined();
      expect(headers['user-agent']).toBe('Bindery image proxy');
      const everything = JSON.stringify(headers);
      for (const secret of [...reader.cookies.values(), reader.ip, 'tell-tale', '198.51.100.77']) expect(everything).not.toContain(secret);
    });

    it('keeps a fetched image on disk: readers asking at once, or later, cost one fetch', async () => {
      const t = app();
      const original = `${host.origin}${fresh('/picture.png')}`;
      const readers = [new TestClient(t.app, '10.9.0.1'), new TestClient(t.app, '10.9.0.2'), new TestClient(t.app, '10.9.0.3')];
      const answers = await Promise.all(readers.map((r) => r.get(proxied(original))));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      expect((await readers[0]?.get(proxied(original)))?.rawPayload.equals(PICTURE)).toBe(true);
      expect(requestsFor(host, original.slice(host.origin.length))).toHaveLength(1);
      const kept = join(t.app.config.dataDir, 'image-cache');
      expect(readdirSync(kept).filter((name) => name.endsWith('.png')).map((name) => readFileSync(join(kept, name))).some((bytes) => bytes.equals(PICTURE))).toBe(true);
    });

    it('fetches nothing for a signature it did not make, or an address the signature is not for', async () => {
      const original = `${host.origin}${fresh('/picture.png')}`;
      const good = proxied(original);
      const tampered = good.replace(/external\/(.)/, (_, c: string) => `external/${c === 'A' ? 'B' : 'A'}`);
      const client = new TestClient(app().app);
      expect((await client.get(tampered)).statusCode).toBe(404);
      expect((await client.get(good.replace('picture.png', 'page.html'))).statusCode).toBe(404);
      expect((await client.get(good.split('?')[0] ?? '')).statusCode).toBe(404);
      expect(requestsFor(host, original.slice(host.origin.length))).toHaveLength(0);
    });

    it('refuses a host on a private address the operator did not allow, even signed, and a redirect to one', async () => {
      const t = app();
      const client = new TestClient(t.app);
      const direct = `${inward.origin}/picture.png`;
      const workId = await postWorkWithImage(t, direct);
      const [src] = imagesIn((await client.get(`/works/${workId}`)).body, '#chapters .userstuff');
      expect(src).toBe(proxied(direct));
      const refused = await client.get(src ?? '');
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('not on the public internet');
      // A redirect from an allowed host to a name that resolves to this machine.
      const hopPath = `${fresh('/to-private')}&port=${inward.port}`;
      const hop = await client.get(proxied(`${host.origin}${hopPath}`));
      expect(hop.statusCode).toBe(403);
      expect(requestsFor(host, hopPath)).toHaveLength(1);
      expect(inward.seen).toEqual([]);
      // A redirect that stays on the allowed host is followed.
      const moved = await client.get(proxied(`${host.origin}${fresh('/moved.png')}`));
      expect(moved.statusCode).toBe(200);
      expect(moved.rawPayload.equals(PICTURE)).toBe(true);
    });

    it('refuses an image past IMAGE_PROXY_MAX_BYTES, anything not a raster image, and a missing one, and keeps none', async () => {
      const client = new TestClient(app().app);
      const huge = await client.get(proxied(`${host.origin}${fresh('/huge.png')}`));
      expect(huge.statusCode).toBe(413);
      expect(huge.headers['content-type']).toContain('text/plain');
      expect((await client.get(proxied(`${host.origin}${fresh('/page.html')}`))).statusCode).toBe(415);
      const svg = await client.get(proxied(`${host.origin}${fresh('/drawing.svg')}`));
      expect(svg.statusCode).toBe(415);
      expect(svg.body).not.toContain('<script>');
      expect((await client.get(proxied(`${host.origin}${fresh('/missing.png')}`))).statusCode).toBe(404);
      expect((await client.get(proxied('http://127.0.0.1:1/picture.png'))).statusCode).toBe(403);
      const kept = readdirSync(join(app().app.config.dataDir, 'image-cache'));
      expect(kept.filter((name) => !name.endsWith('.png'))).toEqual([]);
    });

    it('writes the archive\'s own proxy address into the HTML download and the fandom\'s feed', async () => {
      const t = app();
      const original = `${host.origin}${fresh('/picture.png')}`;
      const workId = await postWorkWithImage(t, original);
      const client = new TestClient(t.app);
      const href = parsePage((await client.get(`/works/${workId}`)).body).querySelector('a[href*=".html?"]')?.getAttribute('href') ?? '';
      const file = await client.get(href);
      expect(file.statusCode).toBe(200);
      expect(imagesIn(file.body, '#chapters')).toEqual([`http://archive.test${proxied(original)}`]);
      const feed = await client.get('/tags/Original%20Work/feed.atom');
      expect(feed.body).toContain(`http://archive.test${proxied(original)}`.replace(/&/g, '&amp;'));
      expect(feed.body).not.toContain(`src=&quot;${original}`);
    });
  });

  describe(`EXTERNAL_IMAGES=links [${dialect}]`, () => {
    const app = useApp(dialect, () => ({ EXTERNAL_IMAGES: 'links' }));

    it('shows each image as a link to it, loads none, and says so in the Content-Security-Policy', async () => {
      const t = app();
      const original = `${host.origin}${fresh('/picture.png')}`;
      const workId = await postWorkWithImage(t, original);
      const page = await new TestClient(t.app).get(`/works/${workId}`);
      const doc = parsePage(page.body);
      expect(doc.querySelectorAll('#chapters img, .summary img')).toHaveLength(0);
      const link = doc.querySelector('#chapters .userstuff a.external-image');
      expect(link?.getAttribute('href')).toBe(original);
      expect(link?.textContent).toBe(`Image: A padlock (127.0.0.1:${host.port}/picture.png)`);
      expect(doc.querySelector('.summary a.external-image')?.textContent).toBe(`Image: The cover (127.0.0.1:${host.port}/picture.png)`);
      const images = imageSources(page.headers['content-security-policy']);
      expect(images).toBe("'self' data:");
      expect((await new TestClient(t.app).get(proxiedImageUrl(t.app.config.sessionSecret, original))).statusCode).toBe(404);
      expect(requestsFor(host, original.slice(host.origin.length))).toHaveLength(0);
    });
  });

  describe(`EXTERNAL_IMAGES=direct [${dialect}]`, () => {
    const app = useApp(dialect, () => ({ EXTERNAL_IMAGES: 'direct' }));

    it('leaves images loading from their hosts, as the operator chose', async () => {
      const t = app();
      const original = `${host.origin}${fresh('/picture.png')}`;
      const workId = await postWorkWithImage(t, original);
      const page = await new TestClient(t.app).get(`/works/${workId}`);
      expect(imagesIn(page.body, '#chapters .userstuff')).toEqual([original]);
      expect(imageSources(page.headers['content-security-policy'])).toBe("'self' https: http: data:");
    });
  });
}
