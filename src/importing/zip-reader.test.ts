import { describe, expect, it } from 'vitest';
import { importFile, ImportError } from './import.js';
import { buildDocx, buildZip, docxParagraph } from './test-support.js';
import { openZip } from './zip-reader.js';

const MiB = 1024 * 1024;
const LIMITS = { maxUnpackedBytes: 50 * MiB, maxEntryBytes: 20 * MiB, maxEntries: 1000 };

async function refusal(bytes: Uint8Array, name: string, limits = {}): Promise<ImportError> {
  const error: unknown = await importFile(bytes, name, limits).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Offsets of every central directory record, to rewrite what the archive claims. */
function directoryRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) found.push(i);
  return found;
}

const story = buildDocx(docxParagraph(['A short story that is all there is.']));

describe('zip bombs', () => {
  it('an entry that inflates past the per-part limit is stopped while inflating', async () => {
    const bomb = buildZip({ 'word/document.xml': new Uint8Array(21 * MiB) });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(bomb, 'bomb.docx');
    expect(error.code).toBe('archive_too_large');
    expect(error.message).toMatch(/^This file unpacks to more than 20 MB/);
  });

  it('parts that together pass the total limit are stopped', () => {
    const parts = buildZip({ a: new Uint8Array(3 * MiB), b: new Uint8Array(3 * MiB) });
    const zip = openZip(parts, { ...LIMITS, maxUnpackedBytes: 5 * MiB });
    expect(zip.read('a')?.length).toBe(3 * MiB);
    expect(() => zip.read('b')).toThrow(/^This file unpacks to more than 5 MB/);
    expect(() => zip.read('b')).toThrow(expect.objectContaining({ code: 'archive_too_large' }));
  });

  it('sizes written in the central directory are not trusted: an entry claiming 100 bytes is still counted as it inflates', () => {
    const bomb = buildZip({ 'word/document.xml': new Uint8Array(2 * MiB) });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (const at of directoryRecords(bomb)) view.setUint32(at + 24, 100, true);
    const zip = openZip(bomb, { ...LIMITS, maxEntryBytes: 1 * MiB });
    expect(() => zip.read('word/document.xml')).toThrow(expect.objectContaining({ code: 'archive_too_large' }));
  });

  it('an entry whose real size differs from its claim, within the limits, is a damaged file', () => {
    const liar = buildZip({ 'a.txt': new Uint8Array(5000) });
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    for (const at of directoryRecords(liar)) view.setUint32(at + 24, 100, true);
    expect(() => openZip(liar, LIMITS).read('a.txt')).toThrow(expect.objectContaining({ code: 'damaged_archive' }));
  });

  it('too many entries', async () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i <= 1000; i++) entries[`part${i}.xml`] = '<x/>';
    const error = await refusal(buildZip(entries), 'many.epub');
    expect(error.code).toBe('archive_too_many_files');
    expect(error.message).toMatch(/more than 1,000 parts/);
  });

  it('too many entries even when the end record claims only one', () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 20; i++) entries[`part${i}.xml`] = '<x/>';
    const zip = buildZip(entries);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = zip.length - 22;
    view.setUint16(end + 8, 1, true);
    view.setUint16(end + 10, 1, true);
    expect(() => openZip(zip, { ...LIMITS, maxEntries: 10 })).toThrow(expect.objectContaining({ code: 'archive_too_many_files' }));
  });
});

describe('damaged archives', () => {
  it.each([
    ['cut in half', (bytes: Uint8Array) => bytes.slice(0, Math.floor(bytes.length / 2))],
    ['missing its last byte', (bytes: Uint8Array) => bytes.slice(0, -1)],
    ['missing its first bytes', (bytes: Uint8Array) => bytes.slice(10)],
  ])('a .docx %s is "damaged_archive", with a message saying what to do', async (_name, cut) => {
    const error = await refusal(cut(story), 'story.docx');
    expect(error.code).toBe('damaged_archive');
    expect(error.message).toMatch(/damaged or incomplete.*Save it again/);
  });

  it('a corrupted byte inside the compressed document is caught (inflate error or checksum)', async () => {
    const broken = story.slice();
    // The document's local header is the first place its name appears; its data follows the header.
    const header = Buffer.from(story).indexOf('word/document.xml') - 30;
    const view = new DataView(story.buffer, story.byteOffset, story.byteLength);
    expect(view.getUint32(header, true)).toBe(0x04034b50);
    const data = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    broken[data + 8] = (broken[data + 8] ?? 0) ^ 0xff;
    const error = await refusal(broken, 'story.docx');
    expect(error.code).toBe('damaged_archive');
  });

  it('a zip that is neither a Word document nor an EPUB is not supported', async () => {
    const error = await refusal(buildZip({ 'photo.txt': 'hello' }), 'stories.zip');
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/Zip archives can’t be imported/);
  });

  it('an OpenDocument text file says to save it as .docx', async () => {
    const odt = buildZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' });
    expect((await refusal(odt, 'story.odt')).message).toMatch(/^OpenDocument \(\.odt\) files can’t be imported\. Save it as a Word document/);
  });
});
