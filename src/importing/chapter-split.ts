// Finds where chapters start. A line that looks like a marker is only a candidate: the
// markers of one style must number a sequence (bare numbers from 1), stand alone, and be
// followed by text, so numbered dialogue, lists and a table of contents stay in the story.
import { isTitleLike, readMarker, type Marker } from './chapter-markers.js';
import type { Block } from './text-blocks.js';

/** A chapter as found: its heading lines as written, the title they give, and its blocks. */
export type Segment = { heading: string; title: string; blocks: Block[] };

type Candidate = Marker & { level: number | undefined; titleBlock: boolean };

const lines = (block: Block): string[] => block.text.split('\n').map((line) => line.trim()).filter(Boolean);

function candidateAt(blocks: readonly Block[], index: number): Candidate | null {
  const block = blocks[index];
  if (!block) return null;
  const [first = '', second, ...rest] = lines(block);
  const level = block.heading;
  if (level !== undefined) {
    const text = lines(block).join(' ');
    const marker = readMarker(text) ?? { style: `heading${level}`, number: null, title: text, strong: true };
    // `<h2>Chapter 1</h2><h3>The Road</h3>`: a smaller heading right after a bare marker is its title.
    const next = blocks[index + 1];
    const titled = marker.number !== null && marker.title === '' && next?.heading !== undefined && next.heading > level && !readMarker(next.text);
    return { ...marker, title: titled ? lines(next).join(' ') : marker.title, level, titleBlock: titled };
  }
  if (rest.length > 0) return null;
  const marker = readMarker(first);
  if (!marker || second === undefined) return marker && { ...marker, level, titleBlock: false };
  // Two lines: a marker with its title on the next line, `Chapter 2` / `The Lighthouse`.
  if (marker.title !== '' || marker.style === 'named' || !isTitleLike(second) || readMarker(second)) return null;
  return { ...marker, title: second, level, titleBlock: false };
}

/**
 * The longest run numbered n, n+1, n+2… in the order found. Bare numbers must start at 0 or 1
 * and come at least twice, unless the first stands at the very top: a file that holds one
 * chapter starts with its marker (`-4-`) and has no second one.
 */
function longestRun(found: readonly [index: number, c: Candidate][]): number[] {
  const ending = new Map<number, number[]>();
  let best: number[] = [];
  for (const [index, { number, strong }] of found) {
    if (number === null) continue;
    const before = ending.get(number - 1);
    if (!before && !strong && number > 1 && index > 0) continue;
    const run = [...(before ?? []), index];
    if (run.length >= (ending.get(number)?.length ?? 0)) ending.set(number, run);
    if (run.length > best.length) best = run;
  }
  return best.length >= 2 || found[0]?.[1].strong || best[0] === 0 ? best : [];
}

function chooseMarkers(candidates: readonly (Candidate | null)[]): Set<number> {
  const byStyle = new Map<string, [number, Candidate][]>();
  candidates.forEach((c, index) => {
    // A marker followed at once by another is an entry in a table of contents, not a chapter.
    const next = candidates[index + 1];
    if (!c || c.number === null || (next && !c.titleBlock && next.style === c.style)) return;
    byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), [index, c]]);
  });
  let chosen: number[] = [];
  for (const found of byStyle.values()) {
    const run = longestRun(found);
    const strong = (indices: number[]): boolean => indices.length > 0 && Boolean(candidates[indices[0] ?? -1]?.strong);
    if (run.length > chosen.length || (run.length === chosen.length && strong(run) && !strong(chosen))) chosen = run;
  }
  const picked = new Set(chosen);
  candidates.forEach((c, index) => c?.style === 'named' && picked.add(index));
  addHeadingChapters(candidates, picked, chosen);
  return picked;
}

/** Headings that name chapters without numbering them (`## The Lighthouse`) count when they sit at the chapters' level. */
function addHeadingChapters(candidates: readonly (Candidate | null)[], picked: Set<number>, numbered: number[]): void {
  const headings = candidates.flatMap((c, index) => (c?.style.startsWith('heading') ? [[index, c.level ?? 0] as const] : []));
  const numberedLevels = new Set(numbered.map((index) => candidates[index]?.level));
  let level: number | undefined;
  if (numbered.length > 0) level = numberedLevels.size === 1 ? [...numberedLevels][0] : undefined;
  else {
    level = Math.min(...headings.map(([, l]) => l));
    const atLevel = headings.filter(([, l]) => l === level);
    if (atLevel.length < 2 && atLevel[0]?.[0] !== 0) level = undefined;
  }
  for (const [index, l] of headings) if (l === level) picked.add(index);
}

const GROUPS = new Set(['part', 'book']);

/** Where a chapter's heading starts: a `Part Two` line right before its marker belongs to its heading. */
function headingStart(candidates: readonly (Candidate | null)[], picked: ReadonlySet<number>, start: number, floor: number): number {
  const before = candidates[start - 1];
  const group = before !== undefined && before !== null && GROUPS.has(before.style) && before.style !== candidates[start]?.style;
  return start - 1 > floor && group && !picked.has(start - 1) ? start - 1 : start;
}

/** Splits blocks into the text before the first chapter and the chapters; no chapters when no marker was found. */
export function splitChapters(blocks: readonly Block[]): { preamble: Block[]; chapters: Segment[] } {
  const candidates = blocks.map((_, index) => candidateAt(blocks, index));
  const picked = chooseMarkers(candidates);
  const markers = [...picked].sort((a, b) => a - b);
  const floors = markers.map((_, k) => {
    const previous = markers[k - 1];
    return previous === undefined ? -1 : previous + (candidates[previous]?.titleBlock ? 1 : 0);
  });
  const starts = markers.map((start, k) => headingStart(candidates, picked, start, floors[k] ?? -1));
  const chapters = markers.map((marker, k): Segment => {
    const c = candidates[marker];
    const start = starts[k] ?? marker;
    const headingEnd = c?.titleBlock ? marker + 2 : marker + 1;
    return {
      heading: blocks.slice(start, headingEnd).map((b) => lines(b).join('\n')).join('\n'),
      title: c?.title ?? '',
      blocks: blocks.slice(headingEnd, starts[k + 1] ?? blocks.length),
    };
  });
  return { preamble: blocks.slice(0, starts[0] ?? blocks.length), chapters };
}
