import { describe, expect, it } from 'vitest';
import { installAllowed, testDialects } from './environment.js';

describe('testDialects', () => {
  it('reads one database or both, in the order given', () => {
    expect(testDialects('sqlite')).toEqual(['sqlite']);
    expect(testDialects(' postgres , sqlite ')).toEqual(['postgres', 'sqlite']);
  });

  it('refuses a name it does not know, or none', () => {
    expect(() => testDialects('sqlite,postgresql')).toThrow('BINDERY_TEST_DATABASES must list sqlite and/or postgres, separated by commas, got "sqlite,postgresql"');
    expect(() => testDialects(' , ')).toThrow('BINDERY_TEST_DATABASES');
  });
});

describe('installAllowed', () => {
  it('installs unless BINDERY_TEST_NO_INSTALL is set to something other than 0', () => {
    expect([undefined, '', '0'].map(installAllowed)).toEqual([true, true, true]);
    expect(['1', 'yes'].map(installAllowed)).toEqual([false, false]);
  });
});
