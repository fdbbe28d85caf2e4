// A byte-capped, least-recently-used cache of whole rendered pages or files, ready to send.

/** Entries by key; the oldest unused ones leave first when over `maxBytes`. */
export class PageCache<T> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(private readonly maxBytes: number, private readonly sizeOf: (entry: T) => number) {}

  /** The entry stored under a key, marking it recently used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Stores an entry, evicting the least recently used ones to stay under the byte cap; false when it is too big to keep. */
  set(key: string, entry: T): boolean {
    const size = this.sizeOf(entry);
    if (size > this.maxBytes / 4) return false;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= this.sizeOf(old);
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= this.sizeOf(entry);
  }

  /** Bytes held, for tests and monitoring. */
  get size(): number {
    return this.bytes;
  }
}
