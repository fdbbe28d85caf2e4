// The string pass that rewrites external images in rendered HTML, on sanitized story HTML.
import { describe, expect, it } from 'vitest';
import { proxiedImageUrl, rewriteExternalImages, validImageSignature, type ImageRewrite } from './external-images.js';
import { sanitizeHtml } from './sanitize.js';

const SECRET = 'a test secret that is long enough to sign';
const as = (mode: ImageRewrite['mode'], origin = ''): ImageRewrite => ({ mode, secret: SECRET, origin });

const STORY = sanitizeHtml([
  '<p>The harbour at dawn: <img src="https://art.example/harbour.png?size=large&amp;v=2" alt="Boats &amp; gulls <3" width="300"></p>',
  '<p><a href="https://art.example/gallery"><img src="http://art.example/thumb.jpg"></a> and after it <a href="https://art.example/about">a link</a></p>',
].join(''));

describe('rewriting external images', () => {
  it('hands back the very same string when there is nothing to do', () => {
    const plain = '<p>No pictures here, only a lamp &lt;img&gt; in words.</p>';
    expect(rewriteExternalImages(plain, as('proxy'))).toBe(plain);
    expect(rewriteExternalImages(STORY, as('direct'))).toBe(STORY);
  });

  it('points each image at the proxy with a signature for exactly its address, keeping its other attributes', () => {
    const out = rewriteExternalImages(STORY, as('proxy'));
    const harbour = 'https://art.example/harbour.png?size=large&v=2';
    expect(out).toContain(`<img src="${proxiedImageUrl(SECRET, harbour).replace(/&/g, '&amp;')}" alt="Boats &amp; gulls <3" width="300">`);
    expect(out).toContain(`<img src="${proxiedImageUrl(SECRET, 'http://art.example/thumb.jpg')}">`);
    expect(out).not.toContain('src="http');
    const signature = /external\/([^?]+)\?url=([^"]+)"/.exec(out);
    expect(validImageSignature(SECRET, decodeURIComponent(signature?.[2] ?? ''), signature?.[1] ?? '')).toBe(true);
    expect(validImageSignature('another archive\'s secret, also long', harbour, signature?.[1] ?? '')).toBe(false);
    expect(rewriteExternalImages(STORY, as('proxy', 'https://archive.example'))).toContain('<img src="https://archive.example/images/external/');
  });

  it('turns each image into a link to it, labelled with its alt text and where it is; inside a link, the label alone', () => {
    const out = rewriteExternalImages(STORY, as('links'));
    expect(out).not.toContain('<img');
    expect(out).toContain('<a class="external-image" href="https://art.example/harbour.png?size=large&amp;v=2" rel="nofollow noreferrer">Image: Boats &amp; gulls &lt;3 (art.example/harbour.png)</a>');
    expect(out).toContain('<a href="https://art.example/gallery" rel="nofollow"><span class="external-image">Image: art.example/thumb.jpg</span></a>');
    // The link after the closed one is counted out again: a later image gets its own link.
    const later = rewriteExternalImages(`${STORY}<p><img src="https://art.example/last.gif"></p>`, as('links'));
    expect(later).toContain('<a class="external-image" href="https://art.example/last.gif" rel="nofollow noreferrer">Image: art.example/last.gif</a>');
  });

  it('shortens a long address in a label', () => {
    const long = `https://art.example/${'very-long-folder-name/'.repeat(5)}picture.png`;
    const label = /Image: ([^<]*)</.exec(rewriteExternalImages(sanitizeHtml(`<img src="${long}">`), as('links')))?.[1] ?? '';
    expect(label).toHaveLength(60);
    expect(label.endsWith('…')).toBe(true);
  });

  it('leaves alone what only looks like an image: markup inside an attribute, and our own relative images', () => {
    const html = `${sanitizeHtml('<p title="<img src=&quot;https://evil.example/x.png&quot;>">Hover me</p>')}<img class="restricted-marker" src="/images/lockblue.png" alt="(Restricted)">`;
    expect(rewriteExternalImages(html, as('proxy'))).toBe(html);
    expect(rewriteExternalImages(html, as('links'))).toBe(html);
  });
});
