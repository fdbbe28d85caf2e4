// Which reader a file needs, by its first bytes and its name. The bytes decide where they
// can (a zip is a zip whatever it is called); the extension decides between the text formats,
// and an HTML document is recognised by how it starts even when it is called .txt.
import { IMPORT_MESSAGES, ImportError, damagedArchive, unsupported } from './import-error.js';
import { looksLikeZip } from './zip-reader.js';

export type FileKind = 'text' | 'markdown' | 'html' | 'zip';

const SAVE_AS_DOCX = 'Open it in your word processor, save it as a Word document (.docx) or plain text (.txt), and upload that.';

const SIGNATURES: readonly [bytes: readonly number[], reject: () => ImportError][] = [
  [[0x25, 0x50, 0x44, 0x46], () => unsupported('PDF files',
    'Open the PDF, copy the text and paste it into the work form, or save the story as .docx or .txt from the program you wrote it in.')],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], () => unsupported('Word 97–2003 documents (.doc)', SAVE_AS_DOCX)],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], () => unsupported('Rich Text Format (.rtf) files', SAVE_AS_DOCX)],
  [[0x89, 0x50, 0x4e, 0x47], () => new ImportError('binary', IMPORT_MESSAGES.binary)],
  [[0xff, 0xd8, 0xff], () => new ImportError('binary', IMPORT_MESSAGES.binary)],
  [[0x47, 0x49, 0x46, 0x38], () => new ImportError('binary', IMPORT_MESSAGES.binary)],
];

const MARKDOWN = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);
const HTML = new Set(['html', 'htm', 'xhtml']);
const ARCHIVES = new Set(['docx', 'epub', 'odt']);

/** The file's extension, lower-cased, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Chooses the reader for a file; throws ImportError for formats that hold no story we can read. */
export function kindOf(bytes: Uint8Array, fileName: string): FileKind {
  if (looksLikeZip(bytes)) return 'zip';
  for (const [signature, reject] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) throw reject();
  }
  const extension = extensionOf(fileName);
  // A .docx or .epub that is not a zip lost its beginning on the way.
  if (ARCHIVES.has(extension)) throw damagedArchive();
  if (MARKDOWN.has(extension)) return 'markdown';
  if (HTML.has(extension)) return 'html';
  return 'text';
}

/** True when decoded text starts the way an HTML document does. */
export function looksLikeHtml(text: string): boolean {
  return /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);
}
