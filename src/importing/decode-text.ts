// Bytes to text for the text formats (plain text, Markdown, HTML). Writers' files come from
// every editor there is: UTF-8 with and without a byte order mark, UTF-16 from Windows
// Notepad and Word's "Unicode" option, and Windows-1252 from older Windows editors.
import { IMPORT_MESSAGES, ImportError } from './import-error.js';

export type DecodedText = { text: string; encoding: string };

// Node 20's TextDecoder decodes 'windows-1252' as Latin-1, so the 0x80-0x9F row (curly quotes,
// dashes, the euro sign) is mapped here. 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

// Controls a text file never holds; tab, line feed, vertical tab, form feed and carriage
// return are left out.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** How much of the file the UTF-16 and binary sniffing looks at. */
const SAMPLE = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** 'le' or 'be' when the NUL bytes fall in every other place, as ASCII text in UTF-16 does. */
function guessUtf16(bytes: Uint8Array): 'le' | 'be' | 'none' | 'binary' {
  const end = Math.min(bytes.length, SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = Math.max(1, end / 2);
  if (odd / pairs > 0.3 && even / pairs < 0.02) return 'le';
  if (even / pairs > 0.3 && odd / pairs < 0.02) return 'be';
  return even + odd > 0 || bytes.subarray(end).includes(0) ? 'binary' : 'none';
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Windows-1252, or null when the bytes do not look like it (unassigned bytes, or mostly high bytes as in Cyrillic or CJK code pages). */
function decodeWindows1252(bytes: Uint8Array): string | null {
  let high = 0;
  let visible = 0;
  let text = '';
  for (const byte of bytes) {
    if (CP1252_UNASSIGNED.has(byte)) return null;
    if (byte > 0x20) visible++;
    if (byte >= 0x80) high++;
    text += byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  }
  // Western European prose has a few accented letters and curly quotes, never a majority.
  return high / Math.max(1, visible) > 0.3 ? null : text;
}

function detect(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return wrap(decodeStrict(bytes.subarray(3), 'utf-8'), 'utf-8 (BOM)');
  if (startsWith(bytes, [0xff, 0xfe])) return wrap(decodeStrict(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return wrap(decodeStrict(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const utf16 = guessUtf16(bytes);
  if (utf16 === 'binary') throw new ImportError('binary', IMPORT_MESSAGES.binary);
  if (utf16 !== 'none') return wrap(decodeStrict(bytes, `utf-16${utf16}`), `utf-16${utf16}`);
  return wrap(decodeStrict(bytes, 'utf-8'), 'utf-8') ?? wrap(decodeWindows1252(bytes), 'windows-1252');
}

function wrap(text: string | null, encoding: string): DecodedText | null {
  return text === null ? null : { text, encoding };
}

/** Decodes a text file, telling which encoding it was in; throws ImportError for empty, binary or undecodable files. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportError('empty', IMPORT_MESSAGES.empty);
  const decoded = detect(bytes);
  if (!decoded) throw new ImportError('unknown_encoding', IMPORT_MESSAGES.unknown_encoding);
  checkText(decoded.text);
  return decoded;
}

/** Refuses text that is blank or that is really binary data (NUL bytes, many control characters). */
export function checkText(text: string): void {
  const controls = text.slice(0, SAMPLE).match(CONTROL)?.length ?? 0;
  // A stray form feed or DOS end-of-file mark is fine; binary data is full of them.
  if (text.slice(0, SAMPLE).includes('\u0000') || (controls > 2 && controls > Math.min(text.length, SAMPLE) / 100)) {
    throw new ImportError('binary', IMPORT_MESSAGES.binary);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError('empty', IMPORT_MESSAGES.empty);
}
