// Calibre's ebook-convert, run as a child process on a file of ours, with a time limit.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A long work can take Calibre a while; past this the conversion is given up. */
const TIME_LIMIT_MS = 5 * 60 * 1000;

/** Converts an EPUB into another format (`azw3`, `mobi`, `pdf`, `epub`…) and returns the file made. */
export async function convertWithCalibre(ebookConvert: string, input: Uint8Array, extension: string, inputExtension = 'epub'): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'bindery-convert-'));
  try {
    const from = join(dir, `in.${inputExtension}`);
    const to = join(dir, `out.${extension}`);
    await writeFile(from, input);
    await new Promise<void>((resolve, reject) => {
      execFile(ebookConvert, [from, to], { timeout: TIME_LIMIT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error === null) resolve();
        else reject(new Error(`ebook-convert failed (${error.killed ? 'timed out' : `exit ${String(error.code)}`}): ${stderr.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
    return await readFile(to);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
