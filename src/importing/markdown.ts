// Markdown to HTML with marked (docs/decisions/013-markdown-import.md). The HTML it writes,
// raw HTML included, is sanitized later with everything else.
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: false });

// Fan fiction's own scene breaks that Markdown reads as something else: `~~~` opens a code
// block and `#` is an empty heading. They become a thematic break, which has no words either.
const FANFIC_BREAK = /^[\t ]*(?:~[\t ]*){3,}$|^[\t ]*#(?:[\t ]*#)*[\t ]*$/;

/** Renders a Markdown story to (unsanitized) HTML, reading `~~~` and `#` lines as scene breaks. */
export function markdownToHtml(source: string): string {
  const prepared = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => (FANFIC_BREAK.test(line) ? '* * *' : line))
    .join('\n');
  return markdown.parse(prepared, { async: false });
}
