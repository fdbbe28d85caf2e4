// The operator's commands against a real database of each kind (in-process, so the loop stays fast).
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers.js';
import { TestClient } from '../../test/client.js';
import type { DatabaseHandle } from '../db/connect.js';
import { AppError } from '../http/errors.js';
import { runCommand } from './commands.js';

async function run(handle: DatabaseHandle, args: string[], password = ''): Promise<{ out: string[]; error: string | null }> {
  const out: string[] = [];
  try {
    await runCommand(args, handle, { readPassword: () => Promise.resolve(password), out: (line) => out.push(line) });
    return { out, error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { out, error: [error.message, ...Object.values(error.fields)].join('\n') };
  }
}

describeEachDatabase('bindery CLI commands', (ctx) => {
  it('creates the first account as admin, changes its password and makes a token that works', async () => {
    const handle = ctx().database;
    expect((await run(handle, ['migrate'])).out).toEqual(['The database is up to date.']);
    expect((await run(handle, ['users', 'create', 'harbourmaster', '--email', 'hm@example.org'], 'tide tables and tea')).out).toEqual(['Created harbourmaster (admin).']);
    expect((await run(handle, ['users', 'create', 'deckhand', '--email', 'dh@example.org'], 'rope knots at dawn')).out).toEqual(['Created deckhand.']);
    expect((await run(handle, ['users', 'create', 'quartermaster', '--email', 'qm@example.org', '--admin'], 'ledger of the fleet')).out).toEqual(['Created quartermaster (admin).']);

    const client = new TestClient(ctx().app);
    await client.get('/login');
    expect((await client.post('/login', { login: 'harbourmaster', password: 'tide tables and tea' })).statusCode).toBe(303);
    expect((await run(handle, ['users', 'password', 'harbourmaster'], 'password1')).error).toContain('most commonly used');
    expect((await run(handle, ['users', 'password', 'harbourmaster'], 'a new lantern at the quay')).error).toBeNull();
    expect((await client.get('/')).body).not.toContain('Log out');
    const fresh = new TestClient(ctx().app, '10.9.9.9');
    await fresh.get('/login');
    expect((await fresh.post('/login', { login: 'harbourmaster', password: 'tide tables and tea' })).statusCode).toBe(422);
    expect((await fresh.post('/login', { login: 'harbourmaster', password: 'a new lantern at the quay' })).statusCode).toBe(303);

    const token = (await run(handle, ['tokens', 'create', 'deckhand'])).out[0] ?? '';
    expect(token).toMatch(/^bnd_[A-Za-z0-9_-]{43}$/);
    const response = await ctx().app.inject({
      method: 'POST', url: '/api/v1/works', headers: { authorization: `Bearer ${token}` },
      payload: { title: 'Knots', rating: 'General Audiences', warnings: ['No Archive Warnings Apply'], fandoms: ['Original Work'], chapters: [{ text: 'A bowline holds, and slips free when you want it to.' }] },
    });
    expect(response.statusCode).toBe(201);
  });

  it('explains bad input', async () => {
    const handle = ctx().database;
    expect((await run(handle, ['users', 'create', 'Harbourmaster', '--email', 'other@example.org'], 'tide tables and tea')).error).toContain('already taken');
    expect((await run(handle, ['users', 'create', 'someone'], 'whatever words here')).error).toContain('--email');
    expect((await run(handle, ['users', 'create', 'x!', '--email', 'x@example.org'], 'whatever words here')).error).toContain('3 to 40 characters');
    expect((await run(handle, ['tokens', 'create', 'nobody_here'])).error).toContain('There is no user "nobody_here"');
    expect((await run(handle, ['frobnicate', 'now', 'please'])).error).toContain('Usage: npm run bindery');
  });
});
