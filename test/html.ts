// Parsing pages in tests, so assertions read what a browser (or a reader's tool) would find.
import { parseHTML } from 'linkedom';

/** The document of an HTML page. */
export function parsePage(html: string): Document {
  return parseHTML(html).document;
}

function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The trimmed text of the first element matching a selector, or null. */
export function textOf(doc: Document | Element, selector: string): string | null {
  const element = doc.querySelector(selector);
  return element === null ? null : squash(element.textContent);
}

/** The texts of every element matching a selector. */
export function textsOf(doc: Document | Element, selector: string): string[] {
  return Array.from(doc.querySelectorAll(selector)).map((e) => squash(e.textContent));
}
