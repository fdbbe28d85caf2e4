// A byte-capped, least-recently-used cache of whole rendered pages (as Buffers, ready to send).

export type CachedPage = { body: Buffer; version: number; workId: number };

/** Pages for guests, keyed by address; the oldest unused ones leave first when over `maxBytes`. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The page stored under a key, marking it recently used. */
  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Stores a page, evicting the least recently used ones to stay under the byte cap. */
  set(key: string, page: CachedPage): void {
    if (page.body.length > this.maxBytes / 4) return;
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += page.body.length;
    for (const [oldKey, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (page === undefined) return;
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }

  /** Bytes held, for tests and monitoring. */
  get size(): number {
    return this.bytes;
  }
}
