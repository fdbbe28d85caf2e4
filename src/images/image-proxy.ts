// The image proxy behind its route: an image is fetched once (requests for it meanwhile wait for
// that one fetch), kept on disk, and served from there after; a few fetches run at a time, and a
// failure is remembered for a minute so a broken image on a popular page is not fetched per view.
import { join } from 'node:path';
import type { ExternalImagesConfig } from '../config.js';
import { sha256Hex } from '../lib/secrets.js';
import { ImageCache } from './image-cache.js';
import { fetchImage, ImageRefused, type FetchedImage, type FetchLimits } from './image-fetch.js';

const TIMEOUT_MS = 10_000;
const CONCURRENT_FETCHES = 8;
const FAILURE_MS = 60_000;
const MAX_FAILURES = 10_000;

function imageUrl(address: string): URL {
  try {
    const url = new URL(address);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Falls through to the refusal: a signed address is one we wrote, so this is never a reader's mistake.
  }
  throw new ImageRefused(404, 'That is not an image address.');
}

/** The proxy of one app process. */
export class ImageProxy {
  private readonly cache: ImageCache;
  private readonly limits: FetchLimits;
  private readonly pending = new Map<string, Promise<FetchedImage>>();
  private readonly failures = new Map<string, { error: ImageRefused; until: number }>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(settings: ExternalImagesConfig, dataDir: string, private readonly onError: (error: unknown) => void) {
    this.cache = new ImageCache(join(dataDir, 'image-cache'), settings.cacheBytes);
    this.limits = { maxBytes: settings.maxBytes, timeoutMs: TIMEOUT_MS, allowHosts: settings.allowHosts };
  }

  /** The image at a (signed) address; throws ImageRefused with the status to answer. */
  async image(address: string): Promise<FetchedImage> {
    const url = imageUrl(address);
    const key = sha256Hex(url.href);
    const failed = this.failures.get(key);
    if (failed !== undefined && failed.until > Date.now()) throw failed.error;
    const joined = this.pending.get(key);
    if (joined !== undefined) return joined;
    const kept = await this.cache.get(key).catch((error: unknown) => { this.onError(error); return undefined; });
    if (kept !== undefined) return kept;
    // Looked again: another request may have started the fetch while the disk was read.
    let fetching = this.pending.get(key);
    if (fetching === undefined) {
      fetching = this.fetchAndKeep(key, url).finally(() => this.pending.delete(key));
      this.pending.set(key, fetching);
    }
    return fetching;
  }

  private async fetchAndKeep(key: string, url: URL): Promise<FetchedImage> {
    const release = await this.slot();
    try {
      const image = await fetchImage(url, this.limits);
      // A full disk costs the next reader a fetch, not this reader their image.
      await this.cache.put(key, image).catch(this.onError);
      return image;
    } catch (error) {
      if (error instanceof ImageRefused) this.remember(key, error);
      throw error;
    } finally {
      release();
    }
  }

  private remember(key: string, error: ImageRefused): void {
    if (this.failures.size >= MAX_FAILURES) this.failures.clear();
    this.failures.set(key, { error, until: Date.now() + FAILURE_MS });
  }

  /** Waits for one of the few fetch slots; the returned function gives it to the next waiter. */
  private async slot(): Promise<() => void> {
    if (this.active < CONCURRENT_FETCHES) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next !== undefined) next(); else this.active -= 1;
    };
  }
}
