// A gzipped tar of plain files, written and read as streams (docs/decisions/041-backups.md):
// ustar headers, with a pax header for a name past 100 bytes or a file past 8 GiB.
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
const USTAR_MAX_SIZE = 0o77777777777;

/** One file to put in the tar: its name inside, and the path it is read from. */
export type TarSource = { name: string; path: string };

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name.slice(0, 100), 0, 'utf8');
  block.write(octal(0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size > USTAR_MAX_SIZE ? 0 : size, 12), 124);
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136);
  block.write(type, 156);
  block.write('ustar\u000000', 257);
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148);
  return block;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** A pax record is "LENGTH key=value\n", the length counting its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body);
  while (`${length}${body}`.length !== length) length = Buffer.byteLength(`${length}${body}`);
  return `${length}${body}`;
}

async function* tarBlocks(files: readonly TarSource[]): AsyncGenerator<Buffer> {
  for (const file of files) {
    const { size } = await stat(file.path);
    if (Buffer.byteLength(file.name) > 100 || size > USTAR_MAX_SIZE) {
      const pax = Buffer.from(paxRecord('path', file.name) + paxRecord('size', String(size)));
      yield Buffer.concat([header('PaxHeader', pax.length, 'x'), pax, padding(pax.length)]);
    }
    yield header(file.name, size, '0');
    let written = 0;
    for await (const chunk of createReadStream(file.path) as AsyncIterable<Buffer>) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== size) throw new Error(`${file.path} changed size while it was being written to the backup`);
    yield padding(size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Writes the files into a new gzipped tar at `target`. */
export async function writeTarGz(target: string, files: readonly TarSource[]): Promise<void> {
  await pipeline(tarBlocks(files), createGzip(), createWriteStream(target, { mode: 0o600 }));
}

/** Pulls exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** Between 1 and `max` bytes, or null at the end of the stream. */
  async some(max: number): Promise<Buffer | null> {
    if (this.buffered.length === 0) {
      const next = await this.source.next();
      if (next.done === true) return null;
      this.buffered = next.value;
    }
    const out = this.buffered.subarray(0, max);
    this.buffered = this.buffered.subarray(out.length);
    return out;
  }

  async exactly(count: number, sink: (chunk: Buffer) => Promise<void>): Promise<void> {
    for (let left = count; left > 0;) {
      const chunk = await this.some(left);
      if (chunk === null) throw new Error('The backup file is cut short.');
      await sink(chunk);
      left -= chunk.length;
    }
  }

  async block(count: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    await this.exactly(count, (chunk) => { parts.push(Buffer.from(chunk)); return Promise.resolve(); });
    return Buffer.concat(parts);
  }
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function paxFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  return fields;
}

/** Where a regular file of the tar goes (null: skipped), and what to do once it is written (it may throw to stop reading). */
export type TarPlacement = { place: (name: string) => string | null; written?: (name: string, path: string) => Promise<void> };

/** Reads a gzipped tar, writing its regular files where `placement` says; other entry types are skipped. */
export async function readTarGz(source: string, placement: TarPlacement): Promise<void> {
  const gunzip = createGunzip();
  const file = createReadStream(source);
  file.on('error', (error) => gunzip.destroy(error));
  try {
    await readEntries(new ByteReader(file.pipe(gunzip)[Symbol.asyncIterator]()), placement);
  } finally {
    file.destroy();
  }
}

async function readEntries(reader: ByteReader, { place, written }: TarPlacement): Promise<void> {
  let pax = new Map<string, string>();
  for (;;) {
    const block = await reader.block(BLOCK);
    if (block.every((byte) => byte === 0)) return;
    const size = Number(pax.get('size') ?? parseInt(field(block, 124, 12).trim() || '0', 8));
    const name = pax.get('path') ?? field(block, 0, 100);
    const type = field(block, 156, 1);
    pax = new Map();
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('The backup file is damaged: an entry has no valid size.');
    if (type === 'x') {
      pax = paxFields((await reader.block(size)).toString('utf8'));
    } else {
      const target = type === '0' || type === '' ? place(name) : null;
      const file = target === null ? null : await open(target, 'w', 0o600);
      try {
        await reader.exactly(size, async (chunk) => { await file?.write(chunk); });
      } finally {
        await file?.close();
      }
      if (target !== null) await written?.(name, target);
    }
    await reader.block(padding(size).length);
  }
}
