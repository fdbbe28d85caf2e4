import { describe, expect, it } from 'vitest';
import { isRoot, MachineNotReady } from './commands.js';
import { ensurePackages, missingMessage, packagesFor } from './debian-packages.js';

const names = (files: string[]) => packagesFor(files).map((pkg) => pkg.name);

describe('packagesFor', () => {
  it('asks for Chromium, epubcheck and nginx only when the run has the files that use them', () => {
    expect(names(['src/works/work.api.test.ts'])).toEqual([]);
    expect(names(['src/works/work.api.test.ts', 'test/browser/post-and-read.test.ts'])).toEqual(['chromium']);
    expect(names(['src/downloads/epub.test.ts'])).toEqual(['epubcheck']);
    expect(names(['test/cluster.test.ts'])).toEqual(['nginx']);
  });

  it('asks for them all when the run does not say which files it has', () => {
    expect(names([])).toEqual(['chromium', 'epubcheck', 'nginx']);
  });
});

describe('missingMessage', () => {
  it('gives the exact command, through sudo unless root', () => {
    expect(missingMessage(['chromium', 'epubcheck'], { root: false, apt: true })).toBe(
      'The tests need Debian packages that are not installed: chromium epubcheck. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium epubcheck');
    expect(missingMessage(['epubcheck'], { root: true, apt: true })).toBe(
      'The tests need Debian packages that are not installed: epubcheck. Run: apt-get update && apt-get install -y --no-install-recommends epubcheck');
  });

  it('offers the SQLite half when PostgreSQL is what is missing', () => {
    expect(missingMessage(['postgresql'], { root: false, apt: true })).toMatch(/apt-get install -y --no-install-recommends postgresql \(or set BINDERY_TEST_DATABASES=sqlite to leave PostgreSQL out\)$/);
  });

  it('names the packages without a command where there is no apt-get', () => {
    expect(missingMessage(['chromium'], { root: false, apt: false })).toBe("The tests need chromium (Debian's package names), and this machine has no apt-get: install them.");
  });
});

describe('ensurePackages', () => {
  it('does nothing when every package is there', () => {
    expect(() => { ensurePackages([{ name: 'here', present: () => true }], false); }).not.toThrow();
  });

  it('stops with the one line when a package is missing and installing is off', () => {
    const missing = { name: 'bindery-no-such-package', present: () => false };
    expect(() => { ensurePackages([missing], false); }).toThrow(MachineNotReady);
    expect(() => { ensurePackages([missing], false); }).toThrow(missingMessage(['bindery-no-such-package'], { root: isRoot(), apt: true }));
  });
});
