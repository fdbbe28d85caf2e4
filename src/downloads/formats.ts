// The download formats: what each is called, its file extension and type, and whether Calibre makes it.

export type Format = 'azw3' | 'epub' | 'mobi' | 'pdf' | 'html' | 'txt';

export type FormatInfo = { label: string; extension: string; contentType: string; calibre: boolean };

export const FORMATS: Readonly<Record<Format, FormatInfo>> = {
  azw3: { label: 'AZW3', extension: 'azw3', contentType: 'application/vnd.amazon.ebook', calibre: true },
  epub: { label: 'EPUB', extension: 'epub', contentType: 'application/epub+zip', calibre: false },
  mobi: { label: 'MOBI', extension: 'mobi', contentType: 'application/x-mobipocket-ebook', calibre: true },
  pdf: { label: 'PDF', extension: 'pdf', contentType: 'application/pdf', calibre: true },
  html: { label: 'HTML', extension: 'html', contentType: 'text/html; charset=utf-8', calibre: false },
  txt: { label: 'TXT', extension: 'txt', contentType: 'text/plain; charset=utf-8', calibre: false },
};

/** AO3's order in the Download menu, with plain text last. */
export const FORMAT_ORDER: readonly Format[] = ['azw3', 'epub', 'mobi', 'pdf', 'html', 'txt'];

/** The format a file name asks for (`Title.epub`), or null. */
export function formatOfFile(file: string): Format | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  return FORMAT_ORDER.find((f) => FORMATS[f].extension === extension) ?? null;
}

/** The formats this server can offer: Calibre's only when `ebook-convert` was found. */
export function offeredFormats(calibre: boolean): Format[] {
  return FORMAT_ORDER.filter((f) => calibre || !FORMATS[f].calibre);
}
