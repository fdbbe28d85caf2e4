import { describe, expect, it } from 'vitest';
import { importFile, ImportError, type ImportedWork } from './import.js';
import { expectAllWordsKept, seen } from './test-support.js';

const STORY = '“Café,” she said — twice…\n\nThe kettle sang.';

const utf16le = (text: string): number[] => [...Buffer.from(text, 'utf16le')];
const utf16be = (text: string): number[] => {
  const bytes = utf16le(text);
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1] ?? 0, bytes[i] ?? 0];
  return bytes;
};

async function read(bytes: readonly number[] | Uint8Array, name = 'story.txt'): Promise<ImportedWork> {
  const work = await importFile(Uint8Array.from(bytes), name);
  expectAllWordsKept(work);
  return work;
}

async function refusal(bytes: readonly number[] | Uint8Array, name = 'story.txt'): Promise<ImportError> {
  const error: unknown = await importFile(Uint8Array.from(bytes), name).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('text encodings', () => {
  it.each([
    ['UTF-8 without BOM', [...Buffer.from(STORY)], 'utf-8'],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...Buffer.from(STORY)], 'utf-8 (BOM)'],
    ['UTF-16LE with BOM', [0xff, 0xfe, ...utf16le(STORY)], 'utf-16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff, ...utf16be(STORY)], 'utf-16be'],
    ['UTF-16LE without BOM, told by its NUL bytes', utf16le(STORY), 'utf-16le'],
    ['UTF-16BE without BOM', utf16be(STORY), 'utf-16be'],
  ])('%s: the text comes through character for character', async (_name, bytes, encoding) => {
    const work = await read(bytes);
    expect(work.encoding).toBe(encoding);
    expect(seen(work.chapters[0]?.html ?? '')).toBe('“Café,” she said — twice…\n\nThe kettle sang.');
    expect(work.chapters[0]?.html).not.toContain('\uFEFF');
  });

  it('Windows-1252: curly quotes 0x93/0x94, an é, an em dash and an ellipsis become the right characters', async () => {
    // “Café,” she said — twice…
    const bytes = [0x93, ...Buffer.from('Caf'), 0xe9, ...Buffer.from(',', 'latin1'), 0x94, ...Buffer.from(' she said '), 0x97, ...Buffer.from(' twice'), 0x85];
    const work = await read(bytes);
    expect(work.encoding).toBe('windows-1252');
    expect(seen(work.chapters[0]?.html ?? '')).toBe('“Café,” she said — twice…');
  });

  it('bytes that fit no encoding we know are refused with a message telling the writer to save as UTF-8', async () => {
    // 0x81 is unassigned in Windows-1252 and the sequence is not UTF-8 (it is Shift JIS).
    const error = await refusal([0x82, 0xa0, 0x81, 0x40, 0x82, 0xa2]);
    expect(error.code).toBe('unknown_encoding');
    expect(error.message).toMatch(/save it as UTF-8/);
  });

  it('text in a Cyrillic code page is refused rather than shown as accented gibberish', async () => {
    // "Привет, мир" in windows-1251: every letter is a high byte, which Western text never is.
    const error = await refusal([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]);
    expect(error.code).toBe('unknown_encoding');
  });
});

describe('files that are not text', () => {
  it('NUL bytes outside a UTF-16 pattern mean binary data', async () => {
    const error = await refusal([0x41, 0x00, 0x00, 0x00, 0x13, 0x42, 0x00, 0x43, 0x00, 0x00, 0x07]);
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/doesn’t look like a text file/);
  });

  it('many control characters mean binary data', async () => {
    const noise = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61));
    expect((await refusal(noise)).code).toBe('binary');
  });

  it('a PNG picture is binary, whatever it is called', async () => {
    expect((await refusal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'chapter1.txt')).code).toBe('binary');
  });

  it('a stray form feed in a real story is fine', async () => {
    const work = await read([...Buffer.from('One page.\f\n\nAnother page.')]);
    expect(seen(work.chapters[0]?.html ?? '')).toBe('One page.\n\nAnother page.');
  });
});

describe('empty files', () => {
  it.each([
    ['no bytes at all', []],
    ['only white space', [...Buffer.from('  \n\t\r\n   \n')]],
    ['only a byte order mark', [0xef, 0xbb, 0xbf]],
    ['only a UTF-16 byte order mark and spaces', [0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]],
  ])('%s: "empty"', async (_name, bytes) => {
    const error = await refusal(bytes);
    expect(error.code).toBe('empty');
    expect(error.message).toBe('This file is empty: there is no text in it to import.');
  });
});

describe('size limit', () => {
  it('a file over 5 MB is refused before it is read, naming both sizes', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    const error = await refusal(bytes);
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^This file is 5\.0 MB; files up to 5 MB can be imported\./);
  });

  it('a smaller limit can be passed, and a file at the limit is accepted', async () => {
    const story = Buffer.from('Short story. '.repeat(100));
    const error: unknown = await importFile(story, 'a.txt', { maxFileBytes: story.length - 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_large' });
    const work = await importFile(story, 'a.txt', { maxFileBytes: story.length });
    expect(work.wordsInFile).toBe(200);
  });
});
