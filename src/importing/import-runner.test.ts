// Hostile uploads (found by a security probe) must neither stall the server nor take its memory:
// imports run in worker threads with time and heap limits, and an EPUB's spine is read with care.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import.js';
import { ImportRunner, IMPORT_RUNNER_DEFAULTS } from './import-runner.js';
import { hostileEpub } from './test-support.js';

const PARAGRAPH = '<p>The ferry horn sounded twice across the grey water, and Ines counted the gulls again.</p>';

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}

describe('imports off the event loop', () => {
  it('reads a document that a spine lists a thousand times once, from a file of a few kilobytes', async () => {
    const chapter = PARAGRAPH.repeat(280); // about 25 KB
    const file = hostileEpub(chapter, 1000);
    expect(file.length).toBeLessThan(8 * 1024);
    const work = await new ImportRunner().run({ kind: 'file', bytes: file, fileName: 'echo.epub' });
    const text = work.chapters.map((c) => c.html).join('');
    expect(text.length).toBeLessThan(2 * chapter.length);
    expect(text).toContain('counted the gulls again');
  });

  it('stops a read that takes longer than its time limit, while the event loop stays free', async () => {
    // One 15 MB chapter: seconds of parsing, which on the event loop would stall every reader.
    const file = hostileEpub(PARAGRAPH.repeat(170_000), 1);
    const runner = new ImportRunner({ ...IMPORT_RUNNER_DEFAULTS, timeoutMs: 1500 });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const error = await rejection(runner.run({ kind: 'file', bytes: file, fileName: 'deep.epub' }));
    delay.disable();
    expect(error.code).toBe('too_complex');
    expect(error.message).toContain('took more time or memory than any story needs');
    expect(Date.now() - started).toBeLessThan(5000);
    // The longest the event loop was held while the worker read (nanoseconds).
    expect(delay.max / 1e6).toBeLessThan(250);
  });

  it('stops a read that needs more memory than its heap limit', async () => {
    const file = hostileEpub(PARAGRAPH.repeat(170_000), 1);
    const runner = new ImportRunner({ ...IMPORT_RUNNER_DEFAULTS, heapMb: 48, timeoutMs: 120_000 });
    const error = await rejection(runner.run({ kind: 'file', bytes: file, fileName: 'heavy.epub' }));
    expect(error.code).toBe('too_complex');
  });

  it('runs a few at once, lets a few wait, and says busy past that', async () => {
    const runner = new ImportRunner({ ...IMPORT_RUNNER_DEFAULTS, concurrency: 1, waiting: 1 });
    const job = { kind: 'text' as const, text: 'Chapter 1\n\nThe lamp was lit at dusk.', format: 'text' as const };
    const results = await Promise.allSettled([runner.run(job), runner.run(job), runner.run(job)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const third = results[2];
    expect(third.status === 'rejected' && third.reason instanceof ImportError ? third.reason.code : null).toBe('busy');
  });

  it('gives back an ImportError from the worker as the writer would read it', async () => {
    const error = await rejection(new ImportRunner().run({ kind: 'file', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), fileName: 'broken.docx' }));
    expect(error.code).toBe('damaged_archive');
  });
});
