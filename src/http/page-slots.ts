// Pages rendered once and served to every guest carry slots where each request's own values go:
// the visitor's form token, a work's current counters and who left kudos. Nothing of one visitor is ever stored in
// the shared page, and a counter can change without the page being rendered again.
// docs/decisions/024-caches-that-cannot-mix-visitors.md.
import { randomBytes } from 'node:crypto';

// Unguessable per process, so no story text can hold a slot mark.
const NONCE = randomBytes(9).toString('hex');

/** The marks a shared render writes where a slot is. */
export const SLOTS = {
  csrf: `bindery-slot-${NONCE}-csrf`, counters: `bindery-slot-${NONCE}-counters`, kudos: `bindery-slot-${NONCE}-kudos`, comments: `bindery-slot-${NONCE}-comments`,
  // The archive's announcement, unless this visitor dismissed it.
  announcement: `bindery-slot-${NONCE}-announcement`,
} as const;
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

/**
 * Buffers to fill pages into, used again once their response is sent: a new buffer the size of
 * a page for every request, freed a moment later, cost more than the rest of serving it.
 */
export class FillBuffers {
  private readonly free = new Map<number, Buffer[]>();

  constructor(private readonly keepPerSize = 64) {}

  /** A buffer of at least `bytes`, sizes rounded up to 4 KiB so pages of similar length share them. */
  take(bytes: number): Buffer {
    const size = Math.ceil(bytes / 4096) * 4096;
    return this.free.get(size)?.pop() ?? Buffer.allocUnsafe(size);
  }

  /** Gives back a buffer whose response has been handed to the operating system. */
  give(buffer: Buffer): void {
    const list = this.free.get(buffer.length) ?? [];
    this.free.set(buffer.length, list);
    if (list.length < this.keepPerSize) list.push(buffer);
  }
}

/** A filled page, and what to call once its response has been sent (so its buffer can be used again). */
export type FilledPage = { body: Buffer; sent: () => void };

/** The page for one request: each slot filled with that request's value (asked for once per slot name). */
export function fillSlots(page: SlottedPage, fill: (name: SlotName) => Buffer, buffers?: FillBuffers): FilledPage {
  const first = page.parts[0];
  if (page.slots.length === 0 && first !== undefined) return { body: first, sent: () => undefined };
  const values = new Map<SlotName, Buffer>();
  for (const name of page.slots) if (!values.has(name)) values.set(name, fill(name));
  const bytes = page.parts.reduce((n, part) => n + part.length, 0) + page.slots.reduce((n, name) => n + (values.get(name)?.length ?? 0), 0);
  const buffer = buffers?.take(bytes) ?? Buffer.allocUnsafe(bytes);
  let at = 0;
  for (const [i, part] of page.parts.entries()) {
    at += part.copy(buffer, at);
    const name = page.slots[i];
    if (name !== undefined) at += values.get(name)?.copy(buffer, at) ?? 0;
  }
  return { body: buffer.subarray(0, at), sent: buffers === undefined ? () => undefined : () => buffers.give(buffer) };
}
