// The download formats (what each is called, its file extension and type, whether Calibre makes
// it) and a download's file name: facts both the work page's Download menu and the downloads share.

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

const SLUG_MAX = 60;

/**
 * The file name (without extension) of a download, ASCII letters, digits, `-` and `_` only, as AO3
 * names them (`The_Long_Dark`). A title with nothing ASCII in it (a Japanese title, say) gives
 * `work-<id>`, so the result is never empty.
 */
export function downloadSlug(title: string, workId: number): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9-]+/)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}_${word}`;
    if (next.length > SLUG_MAX) {
      if (slug === '') slug = word.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug === '' ? `work-${workId}` : slug;
}
