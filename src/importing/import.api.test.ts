// Importing through the API and the CLI: what was found, the proof that no word was lost, drafts
// created through the works service, and clear errors that leave nothing behind.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, signUp, type TestApp } from '../../test/helpers.js';
import { createApiToken } from '../accounts/session.service.js';
import { runCommand } from '../cli/commands.js';
import { AppError } from '../http/errors.js';
import type { ImportSummary } from './import.service.js';

const STORY = [
  'The Cartographer’s Apprentice',
  '',
  'A/N: This started as a drabble and got away from me. Thank you for reading!',
  '',
  'Chapter 1: Ink',
  '',
  'Pell ground the ink before dawn, the way old Sorrel liked it — thick enough to hold a coastline.',
  '',
  '“3 more maps,” Sorrel said, “and then you may sleep.”',
  '',
  'Chapter 2: Vellum',
  '',
  'The vellum came from the tannery by the weir, and it smelled of it.',
  '',
  '* * *',
  '',
  'By noon the first island was drawn, and Pell named it after nobody.',
].join('\n');

async function writer(t: TestApp): Promise<{ login: string; auth: Record<string, string> }> {
  const client = await signUp(t.app);
  return { login: client.login, auth: { authorization: `Bearer ${await createApiToken(t.database.db, client.login)}` } };
}

function postImport(t: TestApp, body: unknown, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

async function workCount(t: TestApp): Promise<number> {
  return (await t.database.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

describeEachDatabase('imports API and CLI', (ctx: () => TestApp) => {
  it('shows what a file holds without posting anything', async () => {
    const { auth } = await writer(ctx());
    const before = await workCount(ctx());
    const response = await postImport(ctx(), { fileName: 'apprentice.txt', content: Buffer.from(STORY).toString('base64') }, auth);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json<{ import: ImportSummary }>().import;
    expect(summary.title).toBe('The Cartographer’s Apprentice');
    expect(summary.chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Ink', 'Pell ground the ink before dawn, the way old Sorrel liked it — thick enough to hold a coastline.'],
      ['Vellum', 'The vellum came from the tannery by the weir, and it smelled of it.'],
    ]);
    expect(summary.notes.beginning).toBe(true);
    expect(summary.words.allKept).toBe(true);
    expect(summary.words.imported).toBe(summary.words.inFile);
    expect(await workCount(ctx())).toBe(before);
  });

  it('creates a draft with the writer’s fields, and asks for a fandom when none is given', async () => {
    const { auth } = await writer(ctx());
    const before = await workCount(ctx());
    const missing = await postImport(ctx(), { text: STORY, format: 'text', create: 'draft' }, auth);
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ error: { code: string; fields: Record<string, string> } }>().error.fields).toHaveProperty('fandoms');
    expect(await workCount(ctx())).toBe(before);
    const made = await postImport(ctx(), { text: STORY, format: 'text', create: 'draft', work: { fandoms: ['Original Work'], rating: 'General Audiences' } }, auth);
    expect(made.statusCode, made.body).toBe(201);
    const { work } = made.json<{ work: { id: number; posted: boolean } }>();
    expect(work.posted).toBe(false);
    const shown = await ctx().app.inject({ method: 'GET', url: `/api/v1/works/${work.id}`, headers: auth });
    const json = shown.json<{ title: string; draft: boolean; notes: string; chapterList: Array<{ title: string }> }>();
    expect([json.title, json.draft]).toEqual(['The Cartographer’s Apprentice', true]);
    expect(json.notes).toContain('This started as a drabble');
    expect(json.chapterList.map((c) => c.title)).toEqual(['Ink', 'Vellum']);
    expect((await new TestClient(ctx().app).get(`/works/${work.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a clear error and keeps nothing', async () => {
    const { auth } = await writer(ctx());
    const before = await workCount(ctx());
    expect((await postImport(ctx(), { text: STORY }, {})).statusCode).toBe(401);
    const binary = await postImport(ctx(), { fileName: 'photo.txt', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]).toString('base64'), create: 'draft', work: { fandoms: 'Original Work' } }, auth);
    expect(binary.statusCode).toBe(422);
    expect(binary.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'import_failed', message: expect.stringContaining('doesn’t look like a text file') as unknown });
    const empty = await postImport(ctx(), { fileName: 'empty.txt', content: '' }, auth);
    expect(empty.json<{ error: { message: string } }>().error.message).toContain('empty');
    const notBase64 = await postImport(ctx(), { fileName: 'a.txt', content: 'not base64 at all!' }, auth);
    expect(notBase64.statusCode).toBe(400);
    const badField = await postImport(ctx(), { text: STORY, create: 'draft', work: { fandoms: 7 } }, auth);
    expect(badField.statusCode).toBe(400);
    expect(await workCount(ctx())).toBe(before);
  });

  it('imports files from the command line as drafts of a user, reporting each', async () => {
    const { login } = await writer(ctx());
    const dir = await mkdtemp(join(tmpdir(), 'bindery-import-'));
    await writeFile(join(dir, 'apprentice.txt'), STORY);
    await writeFile(join(dir, 'broken.docx'), Buffer.from('PK\u0003\u0004 this archive stops here'));
    const out: string[] = [];
    let error: string | null = null;
    try {
      await runCommand(['import', join(dir, 'apprentice.txt'), join(dir, 'broken.docx'), '--as', login, '--fandom', 'Original Work'], ctx().database, { readPassword: () => Promise.resolve(''), out: (line) => out.push(line) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.message;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(out[0]).toMatch(/apprentice\.txt: “The Cartographer’s Apprentice”, 2 chapters, ([\d,]+) of \1 words kept \(text, utf-8\) → draft \/works\/\d+$/);
    expect(out[1]).toContain('broken.docx: not imported. This file is damaged or incomplete');
    expect(error).toBe('1 file was not imported.');
  });
});
