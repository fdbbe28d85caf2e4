// External images in user HTML, rewritten once when a page (or a download, feed or email) is
// rendered, so that image hosts never see a reader's address: `proxy` points each at the
// archive's signed image proxy, `links` turns each into a link the reader may choose to follow,
// `direct` leaves them alone. docs/decisions/039-external-images.md.
import { escapeHtml } from './escape.js';
import { hmac, safeEqual } from './secrets.js';

export const EXTERNAL_IMAGE_MODES = ['proxy', 'links', 'direct'] as const;
export type ExternalImageMode = (typeof EXTERNAL_IMAGE_MODES)[number];

/** How to rewrite: the mode, the secret that signs proxy addresses, and '' (a page) or the archive's origin (a file read elsewhere). */
export type ImageRewrite = Readonly<{ mode: ExternalImageMode; secret: string; origin: string }>;

/** Where the proxy answers; the signature follows, the image's address is the `url` parameter. */
export const IMAGE_PROXY_PATH = '/images/external/';

/** The signature of one image address: the proxy fetches only addresses the archive itself wrote into a page. */
export function imageSignature(secret: string, url: string): string {
  return hmac(secret, `external-image:${url}`).slice(0, 32);
}

/** True when a signature is the one this archive made for this address (compared in constant time). */
export function validImageSignature(secret: string, url: string, signature: string): boolean {
  return safeEqual(imageSignature(secret, url), signature);
}

/** The proxy address of an image, relative to the site unless an origin is given. */
export function proxiedImageUrl(secret: string, url: string, origin = ''): string {
  return `${origin}${IMAGE_PROXY_PATH}${imageSignature(secret, url)}?url=${encodeURIComponent(url)}`;
}

// The sanitizer's serializer writes every attribute double-quoted, escaping only & and " in it
// (src/lib/html-writer.ts), and the page renderer escapes < everywhere else: so `<img` followed by
// well-formed attributes is a real tag, and its attribute values never hold a bare ".
const IMG_TAG = /<img((?:\s+[A-Za-z][\w-]*(?:="[^"]*")?)*)\s*\/?>/y;
const ATTRIBUTE = /\s+([A-Za-z][\w-]*)(?:="([^"]*)")?/g;
const ANCHOR_EDGE = /<a[\s>]|<\/a>/g;
const ENTITY = /&(amp|quot|lt|gt|#39|#x27);/g;
const DECODED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };

const decodeAttribute = (value: string): string => value.replace(ENTITY, (_, name: string) => DECODED[name] ?? '');

/** The address an img's src names, when it is an http(s) image the browser would fetch from another host. */
function externalUrl(raw: string): URL | null {
  try {
    const url = new URL(decodeAttribute(raw));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    // Not an absolute address: the browser resolves it against this site, which is no leak.
    return null;
  }
}

/** "Image: example.com/art/cover.png", with the alt text first when there is one. */
function imageLabel(url: URL, alt: string | undefined): string {
  const where = (url.host + (url.pathname === '/' ? '' : url.pathname));
  const shown = where.length > 60 ? `${where.slice(0, 59)}…` : where;
  const text = alt === undefined ? '' : decodeAttribute(alt).trim();
  return text === '' ? `Image: ${shown}` : `Image: ${text} (${shown})`;
}

/** The img tag again, with its source replaced by the proxy's address. */
function proxiedTag(attributes: Array<[string, string | undefined]>, url: URL, rewrite: ImageRewrite): string {
  let tag = '<img';
  for (const [name, value] of attributes) {
    if (name === 'src') tag += ` src="${escapeHtml(proxiedImageUrl(rewrite.secret, url.href, rewrite.origin))}"`;
    else tag += value === undefined ? ` ${name}` : ` ${name}="${value}"`;
  }
  return tag + '>';
}

/** A link to the image at its host; inside another link (where a link may not go), just the label. */
function imageLink(url: URL, alt: string | undefined, insideLink: boolean): string {
  const label = escapeHtml(imageLabel(url, alt));
  if (insideLink) return `<span class="external-image">${label}</span>`;
  return `<a class="external-image" href="${escapeHtml(url.href)}" rel="nofollow noreferrer">${label}</a>`;
}

/** How many links are open at the end of html[from, to), starting from `depth`. */
function linkDepth(html: string, from: number, to: number, depth: number): number {
  ANCHOR_EDGE.lastIndex = from;
  for (let edge = ANCHOR_EDGE.exec(html); edge !== null && edge.index < to; edge = ANCHOR_EDGE.exec(html)) {
    depth = edge[0] === '</a>' ? Math.max(0, depth - 1) : depth + 1;
  }
  return depth;
}

/**
 * Rewrites every external image in rendered HTML for the mode: one string pass, and none at all
 * in `direct` mode or when the HTML holds no `<img`.
 */
export function rewriteExternalImages(html: string, rewrite: ImageRewrite): string {
  if (rewrite.mode === 'direct') return html;
  let at = html.indexOf('<img');
  if (at === -1) return html;
  let out = '';
  let copied = 0;
  let counted = 0;
  let depth = 0;
  while (at !== -1) {
    IMG_TAG.lastIndex = at;
    const tag = IMG_TAG.exec(html);
    if (tag === null) {
      at = html.indexOf('<img', at + 4);
      continue;
    }
    const attributes = [...(tag[1] ?? '').matchAll(ATTRIBUTE)].map((m): [string, string | undefined] => [(m[1] ?? '').toLowerCase(), m[2]]);
    const src = attributes.find(([name]) => name === 'src')?.[1];
    const url = src === undefined ? null : externalUrl(src);
    const end = at + tag[0].length;
    if (url !== null) {
      let replacement: string;
      if (rewrite.mode === 'proxy') replacement = proxiedTag(attributes, url, rewrite);
      else {
        depth = linkDepth(html, counted, at, depth);
        counted = at;
        replacement = imageLink(url, attributes.find(([name]) => name === 'alt')?.[1], depth > 0);
      }
      out += html.slice(copied, at) + replacement;
      copied = end;
    }
    at = html.indexOf('<img', end);
  }
  return copied === 0 ? html : out + html.slice(copied);
}
