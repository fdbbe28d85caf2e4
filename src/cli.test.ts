// The CLI as an operator runs it: a real process reading the password from standard input.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type Run = { code: number | null; stdout: string; stderr: string };

function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('bindery CLI process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an account with the password piped on standard input, in a fresh data folder', async () => {
    const created = await runCli(['users', 'create', 'lighthouse', '--email', 'lh@example.org'], { DATA_DIR: dir }, 'beacon over the bay\n');
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('Created lighthouse (admin).');
    expect(created.code).toBe(0);
  });

  it('stops with a message naming a bad setting', async () => {
    const bad = await runCli(['migrate'], { DATA_DIR: dir, DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Configuration error: DATABASE_URL must start with postgres:// or sqlite:');
  });
});
