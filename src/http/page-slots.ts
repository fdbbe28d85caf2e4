// Pages rendered once and served to every guest carry slots where each request's own values go:
// the visitor's form token, a work's current counters. Nothing of one visitor is ever stored in
// the shared page, and a counter can change without the page being rendered again.
// docs/decisions/024-caches-that-cannot-mix-visitors.md.
import { randomBytes } from 'node:crypto';

// Unguessable per process, so no story text can hold a slot mark.
const NONCE = randomBytes(9).toString('hex');

/** The marks a shared render writes where a slot is. */
export const SLOTS = { csrf: `bindery-slot-${NONCE}-csrf`, counters: `bindery-slot-${NONCE}-counters` } as const;
export type SlotName = keyof typeof SLOTS;

const NAMES = Object.keys(SLOTS) as SlotName[];

/** A shared page cut at its slots: `parts` has one more entry than `slots`. */
export type SlottedPage = { parts: Buffer[]; slots: SlotName[]; bytes: number };

/** Cuts a rendered page at every slot mark, in order. */
export function splitAtSlots(html: Buffer): SlottedPage {
  const found: Array<{ at: number; name: SlotName }> = [];
  for (const name of NAMES) {
    const mark = Buffer.from(SLOTS[name]);
    for (let at = html.indexOf(mark); at !== -1; at = html.indexOf(mark, at + mark.length)) found.push({ at, name });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let from = 0;
  for (const { at, name } of found) {
    parts.push(html.subarray(from, at));
    from = at + SLOTS[name].length;
  }
  parts.push(html.subarray(from));
  return { parts, slots: found.map((f) => f.name), bytes: html.length };
}

/** The page for one request: each slot filled with that request's value (asked for once per slot name). */
export function fillSlots(page: SlottedPage, fill: (name: SlotName) => Buffer): Buffer {
  const first = page.parts[0];
  if (page.slots.length === 0 && first !== undefined) return first;
  const values = new Map<SlotName, Buffer>();
  const pieces: Buffer[] = [];
  for (const [i, name] of page.slots.entries()) {
    let value = values.get(name);
    if (value === undefined) values.set(name, (value = fill(name)));
    pieces.push(page.parts[i] ?? Buffer.alloc(0), value);
  }
  pieces.push(page.parts[page.slots.length] ?? Buffer.alloc(0));
  return Buffer.concat(pieces);
}
