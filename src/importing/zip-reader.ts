// Reads the zip archives that .docx and .epub files are, with limits that hold whatever the
// archive claims about itself. Sizes written in the archive are only used to find the bytes;
// the real size is what inflating produces, and inflating stops at the limit.
// See docs/decisions/014-zip.md for why this is ours and not a library's reader.
import { crc32, inflateRawSync } from 'node:zlib';
import { ImportError, archiveTooLarge, damagedArchive, tooManyFiles } from './import-error.js';

export type ZipLimits = { maxUnpackedBytes: number; maxEntryBytes: number; maxEntries: number };

/** An opened archive: its entry names, and a reader that counts every byte it unpacks. */
export type ZipArchive = {
  names: readonly string[];
  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined;
};

type Entry = { method: number; flags: number; crc: number; compressedSize: number; size: number; localOffset: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** True when the bytes start like a zip archive (a local file header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65535; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw damagedArchive();
}

function readDirectory(view: DataView, limits: ZipLimits): Map<string, Entry> {
  const end = findEndRecord(view);
  if (view.getUint16(end + 10, true) > limits.maxEntries) throw tooManyFiles(limits.maxEntries);
  const entries = new Map<string, Entry>();
  let at = view.getUint32(end + 16, true);
  // The record's entry count is only a hint: the records themselves are counted.
  for (let count = 0; at + 46 <= end && view.getUint32(at, true) === DIRECTORY_ENTRY; count++) {
    if (count >= limits.maxEntries) throw tooManyFiles(limits.maxEntries);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw damagedArchive();
    const nameBytes = new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength);
    const name = new TextDecoder().decode(nameBytes);
    if (!entries.has(name)) {
      entries.set(name, {
        flags: view.getUint16(at + 8, true), method: view.getUint16(at + 10, true), crc: view.getUint32(at + 16, true),
        compressedSize: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), localOffset: view.getUint32(at + 42, true),
      });
    }
    at = next;
  }
  if (at !== view.getUint32(end + 16, true) + view.getUint32(end + 12, true)) throw damagedArchive();
  return entries;
}

function compressedData(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw damagedArchive();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damagedArchive();
  return bytes.subarray(start, start + entry.compressedSize);
}

function inflate(data: Uint8Array, allowed: number, limit: number): Uint8Array {
  try {
    // zlib stops and throws as soon as the output passes maxOutputLength.
    return inflateRawSync(data, { maxOutputLength: allowed + 1 });
  } catch (error) {
    if (error instanceof RangeError) throw archiveTooLarge(limit);
    throw damagedArchive();
  }
}

/** Opens a zip archive held in memory; throws ImportError when it is damaged or over the limits. */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  if (bytes.length < 22) throw damagedArchive();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(view, limits);
  let unpacked = 0;
  const read = (name: string): Uint8Array | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) throw new ImportError('unsupported', 'This file is password-protected. Save a copy without a password and upload that.');
    const data = compressedData(bytes, view, entry);
    const remaining = limits.maxUnpackedBytes - unpacked;
    const [allowed, limit] = limits.maxEntryBytes < remaining ? [limits.maxEntryBytes, limits.maxEntryBytes] : [remaining, limits.maxUnpackedBytes];
    let content: Uint8Array;
    if (entry.method === 0) content = data;
    else if (entry.method === 8) content = inflate(data, allowed, limit);
    else throw damagedArchive();
    if (content.length > allowed) throw archiveTooLarge(limit);
    unpacked += content.length;
    if (content.length !== entry.size || crc32(content) !== entry.crc) throw damagedArchive();
    return content;
  };
  return { names: [...entries.keys()], read };
}
