// `npm run bench:notes`: how well the importer finds author's notes that carry no label. Each
// example set under src/importing/note-examples is run through the importer (each paragraph at
// the start or the end of a small story) and the precision and recall of the notes found are
// printed, with the paragraphs it got wrong when --verbose is given.
import { parseArgs } from 'node:util';
import { EXAMPLE_SETS, measureNotes, readNoteExamples } from '../src/importing/note-examples/measure.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const percent = (n: number): string => `${(n * 100).toFixed(1)}%`.padStart(7);

console.log('set       place  notes found  story taken  precision  recall');
for (const set of EXAMPLE_SETS) {
  for (const f of measureNotes(readNoteExamples(set))) {
    console.log(`${set.padEnd(9)} ${f.place.padEnd(5)}  ${String(f.notes).padStart(5)} ${String(f.found).padStart(5)}  ${String(f.story).padStart(5)} ${String(f.taken).padStart(5)}    ${percent(f.precision)} ${percent(f.recall)}`);
    if (values.verbose) {
      for (const p of f.missed) console.log(`    missed:   ${p}`);
      for (const p of f.mistaken) console.log(`    mistaken: ${p}`);
    }
  }
}
