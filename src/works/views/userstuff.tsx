// The one place stored user HTML reaches a page. It went through sanitizeHtml when it was saved;
// its images from other hosts are rewritten for EXTERNAL_IMAGES when the page is rendered (renderPage).
import { languageDirection } from '../languages.js';

/** Marks sanitized, stored HTML for raw output. */
export function storedHtml(html: string): { __html: string } {
  return { __html: html };
}

/** A titled module with a userstuff blockquote (summary, notes), or nothing when empty. */
export function UserstuffModule({ cls, heading, html, id, language }: { cls: string; heading: string; html: string; id?: string; language: string }) {
  if (html === '') return null;
  return (
    <div class={cls} id={id}>
      <h3 class="heading">{heading}</h3>
      <blockquote class="userstuff" lang={language} dir={languageDirection(language)} dangerouslySetInnerHTML={storedHtml(html)} />
    </div>
  );
}
