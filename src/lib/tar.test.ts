// Our tar against the system's: what we write, GNU tar lists and unpacks; what we read back is byte for byte the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTarGz, writeTarGz } from './tar.js';

describe('tar.gz', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-tar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const longName = `data/${'a-very-long-folder-name/'.repeat(6)}notes.txt`;

  it('round-trips files, a long name among them, and GNU tar reads what it writes', async () => {
    writeFileSync(join(dir, 'one'), 'The tide came in at noon.\n');
    writeFileSync(join(dir, 'two'), Buffer.alloc(70_000, 7));
    writeFileSync(join(dir, 'empty'), '');
    const file = join(dir, 'out.tar.gz');
    await writeTarGz(file, [{ name: 'manifest.json', path: join(dir, 'one') }, { name: longName, path: join(dir, 'two') }, { name: 'e', path: join(dir, 'empty') }]);
    expect(execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean)).toEqual(['manifest.json', longName, 'e']);
    const seen: string[] = [];
    await readTarGz(file, { place: (name) => { seen.push(name); return join(dir, `read-${seen.length}`); } });
    expect(seen).toEqual(['manifest.json', longName, 'e']);
    expect(readFileSync(join(dir, 'read-1'), 'utf8')).toBe('The tide came in at noon.\n');
    expect(readFileSync(join(dir, 'read-2')).equals(Buffer.alloc(70_000, 7))).toBe(true);
    expect(readFileSync(join(dir, 'read-3')).length).toBe(0);
  });

  it('says a file cut short is cut short', async () => {
    const whole = readFileSync(join(dir, 'out.tar.gz'));
    writeFileSync(join(dir, 'cut.tar.gz'), whole.subarray(0, whole.length - 40));
    await expect(readTarGz(join(dir, 'cut.tar.gz'), { place: () => null })).rejects.toThrow();
  });
});
