// Why an upload could not be imported, in words a writer can act on. The routes map every
// code to 422 (or 413 for the size limits) and show the message as it is.

export type ImportErrorCode =
  | 'empty' | 'binary' | 'too_large' | 'unknown_encoding'
  | 'archive_too_large' | 'archive_too_many_files' | 'damaged_archive' | 'unsupported'
  // Reading it took more time or memory than any story needs (import-runner.ts).
  | 'too_complex'
  // Too many imports are running and waiting: send it again later.
  | 'busy';

/** Sizes as a writer reads them: "5 MB", "1.5 MB", "800 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
}

const SAVE_AGAIN = 'Save it again from your word processor (File › Save As…) and upload the new copy.';

/** The default message of each code; the size codes are built with the limit that was passed. */
export const IMPORT_MESSAGES = {
  empty: 'This file is empty: there is no text in it to import.',
  binary: 'This doesn’t look like a text file, a Word document (.docx) or an EPUB, so there is no story we can read from it.',
  unknown_encoding:
    'We couldn’t tell how the text in this file is encoded. Open it in your text editor or word processor, ' +
    'save it as UTF-8 (sometimes called “Unicode (UTF-8)”), then upload it again.',
  damaged_archive: `This file is damaged or incomplete: it may not have finished saving, uploading or downloading. ${SAVE_AGAIN}`,
  unsupported:
    'This kind of file can’t be imported. Upload plain text (.txt), Markdown (.md), a web page (.html), ' +
    'a Word document (.docx) or an EPUB.',
} as const;

/** An upload that cannot become a draft; `message` is meant for the writer. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
  }
}

/** The error for an archive that is cut short, corrupted or not what its name says. */
export function damagedArchive(): ImportError {
  return new ImportError('damaged_archive', IMPORT_MESSAGES.damaged_archive);
}

/** The error for a file over the upload limit, naming both sizes. */
export function tooLarge(size: number, limit: number): ImportError {
  return new ImportError('too_large',
    `This file is ${formatBytes(size)}; files up to ${formatBytes(limit)} can be imported. ` +
    'Split the work into several files and import the first, then add the other chapters to it.');
}

/** The error for an archive that unpacks past the limit, which real documents never need. */
export function archiveTooLarge(limit: number): ImportError {
  return new ImportError('archive_too_large',
    `This file unpacks to more than ${formatBytes(limit)}, far more than the text of a story needs, ` +
    `so we stopped reading it. If it holds many pictures, remove them. ${SAVE_AGAIN}`);
}

/** The error for an e-book whose story documents hold more text than any story does. */
export function tooMuchText(limit: number): ImportError {
  return new ImportError('archive_too_large',
    `This e-book holds more than ${(limit / 1024 / 1024).toFixed(0)} million characters of story text, more than the longest works ` +
    `anyone has posted, so we stopped reading it. Split it into several files. ${SAVE_AGAIN}`);
}

/** The error for an archive with more parts than a document or e-book of a story has. */
export function tooManyFiles(limit: number): ImportError {
  return new ImportError('archive_too_many_files',
    `This file is made of more than ${limit.toLocaleString('en-US')} parts, far more than a Word document ` +
    `or an e-book of a story has, so we stopped reading it. ${SAVE_AGAIN}`);
}

/** The error for formats we recognise but do not read, telling the writer which one to use instead. */
export function unsupported(what: string, instead: string): ImportError {
  return new ImportError('unsupported', `${what} can’t be imported. ${instead}`);
}
