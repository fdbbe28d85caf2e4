import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from './errors.js';

const API_DOC = new URL('../../docs/api.md', import.meta.url);

/** The rows of the table in docs/api.md's "## Errors" section: code to documented status. */
function documentedErrors(): Map<string, number> {
  const markdown = readFileSync(API_DOC, 'utf8');
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Errors\n'));
  if (section === undefined) throw new Error('docs/api.md has no "## Errors" section');
  const rows = new Map<string, number>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([a-z0-9_]+)`\s*\|\s*(\d{3})\s*\|/.exec(line);
    if (cells?.[1] !== undefined && cells[2] !== undefined) rows.set(cells[1], Number(cells[2]));
  }
  return rows;
}

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the error registry', () => {
  it('documents every code in the Errors table of docs/api.md', () => {
    const documented = documentedErrors();
    const missing = codes.filter((code) => !documented.has(code));
    expect(missing, `codes missing from the Errors table in docs/api.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('documents each code with the status the app sends, and no code that does not exist', () => {
    const documented = documentedErrors();
    const wrong = codes.filter((code) => documented.has(code) && documented.get(code) !== ERROR_CODES[code].status)
      .map((code) => `${code}: documented ${documented.get(code) ?? '?'}, sent ${ERROR_CODES[code].status}`);
    expect(wrong).toEqual([]);
    const unknown = [...documented.keys()].filter((code) => !(code in ERROR_CODES));
    expect(unknown, `docs/api.md documents codes the registry does not have: ${unknown.join(', ')}`).toEqual([]);
  });

  it('gives every code an error status and a message', () => {
    for (const code of codes) {
      const { status, message } = ERROR_CODES[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThanOrEqual(599);
      expect(message.trim().length, code).toBeGreaterThan(0);
    }
  });
});
