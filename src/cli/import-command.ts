// `bindery import <files...> --as <login>`: each file becomes a draft (or a posted work with --post).
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { getUserByLogin, toViewerUser } from '../accounts/user.service.js';
import type { Database } from '../db/database.js';
import { localViewer } from '../access/viewer.js';
import { AppError } from '../http/errors.js';
import { importFile, ImportError } from '../importing/import.js';
import { createImportedWork, summarizeImport, type ImportChoices } from '../importing/import.service.js';

export type ImportOptions = { login: string; files: string[]; post: boolean; choices: ImportChoices };

/** A title from a file name when the file has none: "the-long-road.txt" → "the long road". */
function titleFromFileName(file: string): string {
  return basename(file, extname(file)).replace(/[-_]+/g, ' ').trim();
}

function why(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`);
    return fields.length > 0 ? `${error.message} ${fields.join('; ')}` : error.message;
  }
  throw error;
}

/** Imports every file; a file that cannot be imported is reported and the others go on. Returns how many failed. */
export async function importFiles(db: Kysely<Database>, options: ImportOptions, out: (line: string) => void): Promise<number> {
  const user = toViewerUser(await getUserByLogin(db, options.login));
  const viewer = localViewer(user);
  let failed = 0;
  for (const file of options.files) {
    try {
      const imported = await importFile(new Uint8Array(await readFile(file)), basename(file));
      const summary = summarizeImport(imported);
      const title = options.choices.title ?? (imported.title !== '' ? imported.title : titleFromFileName(file));
      const id = await createImportedWork(db, viewer, imported, { ...options.choices, title }, options.post ? 'post' : 'draft');
      out(`${file}: “${title}”, ${summary.chapters.length} chapter${summary.chapters.length === 1 ? '' : 's'}, ${summary.words.imported.toLocaleString('en-US')} of ${summary.words.inFile.toLocaleString('en-US')} words kept (${summary.format}, ${summary.encoding}) → ${options.post ? 'posted' : 'draft'} /works/${id}`);
    } catch (error) {
      failed++;
      out(`${file}: not imported. ${why(error)}`);
    }
  }
  return failed;
}
