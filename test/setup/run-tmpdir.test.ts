import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useRunTmpdir } from './run-tmpdir.js';

it('sends temporary files to a directory of the run, and deletes it with what was left there', () => {
  const before = tmpdir();
  const remove = useRunTmpdir();
  const dir = tmpdir();
  try {
    expect(dir.startsWith(join(before, 'bindery-test-'))).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o711);
    mkdirSync(join(dir, 'left-behind'));
  } finally {
    remove();
  }
  expect(tmpdir()).toBe(before);
  expect(existsSync(dir)).toBe(false);
});
