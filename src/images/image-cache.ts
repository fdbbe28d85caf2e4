// The proxy's fetched images, kept on disk under DATA_DIR/image-cache as <sha256 of the address>.<ext>,
// within a total size: past it, the images used longest ago go first. The index lives in memory and
// is rebuilt from the folder at the first use after a start (oldest by modification time).
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_TYPES, type FetchedImage } from './image-fetch.js';

type Entry = { file: string; type: string; bytes: number };

const TYPE_OF_EXTENSION = new Map([...IMAGE_TYPES].map(([type, extension]) => [extension, type]));
const FILE_NAME = /^([0-9a-f]{64})\.([a-z]+)$/;

/** The kept images of one app process (several processes may share the folder; each keeps its own count). */
export class ImageCache {
  /** In order of last use, oldest first (a Map keeps insertion order; a use moves an entry to the end). */
  private readonly entries = new Map<string, Entry>();
  private total = 0;
  private loaded: Promise<void> | null = null;

  constructor(private readonly dir: string, private readonly maxBytes: number) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      await mkdir(this.dir, { recursive: true });
      const found: Array<Entry & { key: string; at: number }> = [];
      for (const name of await readdir(this.dir)) {
        const match = FILE_NAME.exec(name);
        const type = TYPE_OF_EXTENSION.get(match?.[2] ?? '');
        if (match?.[1] === undefined || type === undefined) continue;
        const info = await stat(join(this.dir, name)).catch(() => null);
        if (info !== null) found.push({ key: match[1], file: name, type, bytes: info.size, at: info.mtimeMs });
      }
      found.sort((a, b) => a.at - b.at);
      for (const { key, file, type, bytes } of found) this.remember(key, { file, type, bytes });
      await this.evict();
    })();
    return this.loaded;
  }

  private remember(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old !== undefined) this.total -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.total += entry.bytes;
  }

  private forget(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return entry;
  }

  private async evict(): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxBytes) return;
      this.forget(key);
      await rm(join(this.dir, entry.file), { force: true });
    }
  }

  /** The kept image for a key, or undefined (never kept, evicted, or removed by another process). */
  async get(key: string): Promise<FetchedImage | undefined> {
    await this.load();
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const body = await readFile(join(this.dir, entry.file)).catch(() => null);
    if (body === null) {
      this.forget(key);
      return undefined;
    }
    this.remember(key, entry);
    return { type: entry.type, body };
  }

  /** Keeps an image (written whole under a temporary name first, so a reader never sees half a file). */
  async put(key: string, image: FetchedImage): Promise<void> {
    await this.load();
    const extension = IMAGE_TYPES.get(image.type);
    if (extension === undefined || image.body.length > this.maxBytes) return;
    const file = `${key}.${extension}`;
    const path = join(this.dir, file);
    await writeFile(`${path}.part`, image.body);
    await rename(`${path}.part`, path);
    const before = this.forget(key);
    if (before !== undefined && before.file !== file) await rm(join(this.dir, before.file), { force: true });
    this.remember(key, { file, type: image.type, bytes: image.body.length });
    await this.evict();
  }

  /** Images kept and the bytes they take, for tests and the operator. */
  get size(): { images: number; bytes: number } {
    return { images: this.entries.size, bytes: this.total };
  }
}
