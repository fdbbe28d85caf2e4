// One reader per format, each turning a decoded file into a work and counting the words of
// the whole file on its own, independently of how the work was cut up, so the two counts
// can prove that nothing was dropped (see wordsImported in import.ts).
import { escapeHtml } from '../lib/escape.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { countWords } from '../lib/word-count.js';
import { isAo3Download, readAo3Work } from './ao3-html.js';
import { docxToHtml } from './docx.js';
import { find, innerHtml, parseBody } from './dom.js';
import { isEpub, readEpub } from './epub.js';
import { htmlToBlocks } from './html-blocks.js';
import type { ImportedWork } from './import.js';
import { IMPORT_MESSAGES, ImportError, unsupported } from './import-error.js';
import { markdownToHtml } from './markdown.js';
import { buildDraft } from './structure.js';
import { textToBlocks, type Block } from './text-blocks.js';
import type { ZipArchive } from './zip-reader.js';

export type ReadWork = Omit<ImportedWork, 'encoding'>;

/** What a format knows outside the story text: used only when the text itself has no title or summary. */
type Fallbacks = { title?: string; summary?: string };

function fromBlocks(blocks: readonly Block[], format: ImportedWork['format'], wordsInFile: number, fallbacks: Fallbacks = {}): ReadWork {
  // Markup with no visible text (an EPUB of pictures, a document of empty paragraphs) holds no story.
  if (blocks.length === 0) throw new ImportError('empty', IMPORT_MESSAGES.empty);
  const draft = buildDraft(blocks, { plainTitle: format === 'text' });
  let words = wordsInFile;
  if (draft.title === '' && fallbacks.title) {
    draft.title = fallbacks.title;
    words += countWords(escapeHtml(fallbacks.title));
  }
  if (draft.summary === '' && fallbacks.summary) {
    draft.summary = sanitizeHtml(fallbacks.summary);
    words += countWords(draft.summary);
  }
  return { ...draft, format, wordsInFile: words };
}

/** Plain text: chapters, notes and scene breaks found in the lines. */
export function readPlainText(text: string): ReadWork {
  return fromBlocks(textToBlocks(text), 'text', countWords(escapeHtml(text)));
}

/** Markdown, rendered first, then read like HTML. */
export function readMarkdown(text: string): ReadWork {
  const html = markdownToHtml(text);
  return fromBlocks(htmlToBlocks(parseBody(html).body.childNodes), 'markdown', countWords(html));
}

function readHtmlBody(bodyHtml: string, format: 'html' | 'epub', fallbacks: Fallbacks): ReadWork {
  const { body } = parseBody(bodyHtml);
  if (isAo3Download(body)) return { ...readAo3Work(body), format: format === 'html' ? 'ao3-html' : 'ao3-epub' };
  return fromBlocks(htmlToBlocks(body.childNodes), format, countWords(innerHtml(body)), fallbacks);
}

/** An HTML document, or an AO3 HTML download when it has AO3's preface. */
export function readHtml(text: string): ReadWork {
  const { document, body } = parseBody(text);
  const titleElement = find(document, (el) => el.tagName === 'title');
  // <title> holds raw text (no elements), which htmlToText treats as hidden, so it is read directly.
  const title = titleElement?.childNodes.map((node) => ('value' in node ? node.value : '')).join('').replace(/\s+/g, ' ').trim();
  return readHtmlBody(`<body>${innerHtml(body)}</body>`, 'html', { title });
}

/** A zip archive: a Word document, an EPUB (AO3's or any other), or something we cannot read. */
export function readArchive(zip: ZipArchive): ReadWork {
  if (zip.names.includes('word/document.xml') || (zip.names.includes('[Content_Types].xml') && !isEpub(zip))) {
    const html = docxToHtml(zip);
    return fromBlocks(htmlToBlocks(parseBody(html).body.childNodes), 'docx', countWords(html));
  }
  if (isEpub(zip)) {
    const epub = readEpub(zip);
    return readHtmlBody(epub.bodyHtml, 'epub', { title: epub.title, summary: epub.description });
  }
  const mimetype = new TextDecoder().decode(zip.names.includes('mimetype') ? zip.read('mimetype') : undefined).trim();
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
    throw unsupported('OpenDocument (.odt) files', 'Save it as a Word document (.docx) from LibreOffice or Word, and upload that.');
  }
  throw unsupported('Zip archives', 'Upload the story itself: a .txt, .md, .html, .docx or .epub file.');
}
