// One temporary directory per test run, holding everything the run's tests make there.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points TMPDIR (and so os.tmpdir() here and in the test workers vitest forks afterwards) at a
 * new directory, and returns the function that deletes it and puts TMPDIR back.
 */
export function useRunTmpdir(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'bindery-test-'));
  // Others may pass through, as through /tmp, but not list it: the throwaway PostgreSQL runs as
  // another user when we are root and keeps its own 0700 directory in here.
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
