// The archive's icon, drawn here and encoded as PNG inside an ICO (what /favicon.ico must be), so
// the repository holds no opaque image: a closed book, its cover in the header's red.
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const COVER: Rgba = [0x8c, 0x1c, 0x13, 255];
const SPINE: Rgba = [0x5e, 0x11, 0x0b, 255];
const PAGES: Rgba = [0xf4, 0xec, 0xdc, 255];
const BAND: Rgba = [0xe0, 0xb8, 0x6a, 255];

/** The colour of the book at (x, y) on a 32-pixel grid, or null where it is transparent. */
function bookAt(x: number, y: number): Rgba | null {
  if (y < 3 || y > 28 || x < 5 || x > 27) return null;
  if (x >= 24 && y >= 5 && y <= 26) return PAGES;
  if (x <= 8) return SPINE;
  if (y === 9 || y === 22) return BAND;
  return COVER;
}

const LOCK: Rgba = [0x2a, 0x5d, 0xa8, 255];
const KEYHOLE: Rgba = [0xf2, 0xf5, 0xfa, 255];

/** The colour of the padlock at (x, y) on a 32-pixel grid: a shackle over a body with a keyhole. */
function lockAt(x: number, y: number): Rgba | null {
  if (y >= 14 && y <= 29 && x >= 5 && x <= 26) return x >= 15 && x <= 16 && y >= 19 && y <= 25 ? KEYHOLE : LOCK;
  const distance = Math.hypot(x + 0.5 - 16, y + 0.5 - 12);
  if (y < 14 && y >= 2 && distance >= 6.5 && distance <= 10) return LOCK;
  return null;
}

let crcTable: number[] | null = null;

function crc32(bytes: Buffer): number {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A square RGBA PNG of `size` pixels, each from `pixel(x, y)` on a 32-pixel grid. */
function png(size: number, pixel: (x: number, y: number) => Rgba | null): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(Math.floor((x * 32) / size), Math.floor((y * 32) / size)) ?? [0, 0, 0, 0], 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** /favicon.ico: the book at 16 and 32 pixels, as PNG images in an ICO container. */
export function faviconIco(): Buffer {
  const images = [16, 32].map((size) => ({ size, data: png(size, bookAt) }));
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  for (const [i, { size, data }] of images.entries()) {
    const at = 6 + i * 16;
    header.set([size, size, 0, 0], at);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  }
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** /images/lockblue.png, AO3's marker for a registered-users-only work: a padlock, 30 pixels for 15-pixel display on fine screens. */
export function restrictedLockPng(): Buffer {
  return png(30, lockAt);
}
