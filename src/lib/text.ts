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
