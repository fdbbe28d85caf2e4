// Plain-text checks shared by every form: control characters, lengths, name keys.

// C0 controls except tab, newline and carriage return; DEL; C1 controls; lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string holds characters no writer means to type (controls, broken surrogates). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function charLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** Case- and accent-folded key, so "Café" and "cafe" name the same thing. */
export function foldKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Trims a single-line field, collapsing inner runs of whitespace. */
export function cleanLine(value: string): string {
  // Only ASCII white space: a non-breaking space (“carte\u00a0?”) is the writer's choice and stays.
  return value.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

/** Formats a number the way English pages do, 12,345. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** The start of a text in at most `max` characters, cut between words, with "…" where it was cut. */
export function leadingWords(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max + 1).join('');
  const space = cut.search(/\s\S*$/);
  // One word longer than the whole line can only be cut inside.
  const kept = space > 0 ? cut.slice(0, space) : chars.slice(0, max).join('');
  return `${kept.trimEnd()}…`;
}

/** The end of a text in at most `max` characters, cut between words, with "…" where it was cut. */
export function trailingWords(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(-(max + 1)).join('');
  const space = cut.search(/\s/);
  const kept = space >= 0 && space < cut.length - 1 ? cut.slice(space + 1) : chars.slice(-max).join('');
  return `…${kept.trimStart()}`;
}

/** A text with the characters a regular expression reads as syntax escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
