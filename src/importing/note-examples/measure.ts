// Measures how well unlabelled notes are found, on the example sets in this folder, through the
// whole importer: each example is put at the start or the end of a small story, the story is
// imported as a plain-text file would be, and the example counts as taken for a note when it
// lands in the work's notes. Used by note-content.test.ts and printed by bench/import-notes.ts.
//
//   dev.txt       the cues were chosen on these
//   held-out.txt  written apart from the cues; measured blind once, then also used to tune
//   blind.txt     written after tuning and never used for it
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlToText } from '../../lib/word-count.js';
import { importText } from '../import.js';
import type { NotePlace } from '../note-content.js';

export const EXAMPLE_SETS = ['dev', 'held-out', 'blind'] as const;
export type ExampleSet = (typeof EXAMPLE_SETS)[number];

const SECTIONS = ['end-note', 'story-end', 'open-note', 'story-open'] as const;
type Section = (typeof SECTIONS)[number];

/** One example set: paragraphs that are notes and story paragraphs that are not, at each place. */
export type NoteExamples = Record<Section, string[]>;

/** What the importer did with one place's examples. */
export type NoteFigures = {
  place: NotePlace;
  /** notes in the set, and how many of them became notes */
  notes: number; found: number;
  /** story paragraphs in the set, and how many of them were taken for notes */
  story: number; taken: number;
  precision: number; recall: number;
  missed: string[]; mistaken: string[];
};

const TITLE = 'Low Water';
const PROSE = [
  'The ferry came in late, as it always did in October, low in the water and smelling of diesel and wet rope.',
  'Maren counted the passengers off the ramp: a farmer with two crates of hens, a boy with a cello case, and a woman in a red coat who did not look at anyone.',
  'By the time the last of them had climbed the hill, the fog had come down over the harbour and the lamps along the quay were only smudges of yellow.',
].join('\n\n');

/** Reads one example set from this folder. */
export function readNoteExamples(set: ExampleSet): NoteExamples {
  const examples: NoteExamples = { 'end-note': [], 'story-end': [], 'open-note': [], 'story-open': [] };
  let section: Section | undefined;
  for (const line of readFileSync(fileURLToPath(new URL(`./${set}.txt`, import.meta.url)), 'utf8').split('\n')) {
    const heading = /^\[([\w-]+)\]$/.exec(line.trim())?.[1];
    if (heading !== undefined) section = SECTIONS.find((name) => name === heading);
    else if (line.trim() !== '' && !line.startsWith('#') && section !== undefined) examples[section].push(line.trim());
  }
  return examples;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** True when the importer made the paragraph (part of) a note, at the start or the end of a story. */
export function takenForNote(paragraph: string, place: NotePlace): boolean {
  const text = place === 'end' ? `${TITLE}\n\n${PROSE}\n\n${paragraph}` : `${TITLE}\n\n${paragraph}\n\n${PROSE}`;
  const work = importText(text, 'text');
  const notes = flat(htmlToText(place === 'end' ? work.endNotes : work.notes));
  return notes !== '' && notes.includes(flat(paragraph).slice(0, 40));
}

function measure(place: NotePlace, notes: string[], story: string[]): NoteFigures {
  const missed = notes.filter((p) => !takenForNote(p, place));
  const mistaken = story.filter((p) => takenForNote(p, place));
  const found = notes.length - missed.length;
  const claimed = found + mistaken.length;
  return {
    place, notes: notes.length, found, story: story.length, taken: mistaken.length,
    precision: claimed === 0 ? 1 : found / claimed, recall: notes.length === 0 ? 1 : found / notes.length, missed, mistaken,
  };
}

/** The figures for one example set: end notes and opening notes. */
export function measureNotes(examples: NoteExamples): [end: NoteFigures, start: NoteFigures] {
  return [measure('end', examples['end-note'], examples['story-end']), measure('start', examples['open-note'], examples['story-open'])];
}
