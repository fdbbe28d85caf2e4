import { describe, expect, it } from 'vitest';
import { importFile, importText, type ImportedWork } from './import.js';
import { expectAllWordsKept, firstLine, fixture, seen } from './test-support.js';

function story(text: string): ImportedWork {
  const work = importText(text, 'text');
  expectAllWordsKept(work);
  return work;
}

const BODY = 'The lamp was lit at dusk.\n\nThe ships came home.';

describe('notes at the start go to the work’s beginning notes', () => {
  it.each([
    ['a/n: thanks to my beta!'],
    ['A/N thanks to my beta!'],
    ['AN: thanks to my beta!'],
    ["Author's note: thanks to my beta!"],
    ['Author’s Note: thanks to my beta!'],
    ['Disclaimer: I own nothing but the lamp.'],
    ['Notes: thanks to my beta!'],
    ['(A/N: thanks to my beta!)'],
    ['**A/N:** thanks to my beta!'],
  ])('%s', (note) => {
    const work = story(`${note}\n\n${BODY}`);
    expect(seen(work.notes)).toBe(note);
    expect(firstLine(work.chapters[0]?.html ?? '')).toBe('The lamp was lit at dusk.');
  });

  it('a label on its own line takes the paragraph under it', () => {
    const work = story(`Author’s Note\n\nThis is for Sam.\n\n${BODY}`);
    expect(seen(work.notes)).toBe('Author’s Note\n\nThis is for Sam.');
    expect(firstLine(work.chapters[0]?.html ?? '')).toBe('The lamp was lit at dusk.');
  });

  it('several notes in a row, under the title, then a separator that is dropped', () => {
    const work = story(`The Lamp\n\nA/N: hello!\n\nDisclaimer: not mine.\n\n* * *\n\n${BODY}`);
    expect(work.title).toBe('The Lamp');
    expect(seen(work.notes)).toBe('A/N: hello!\n\nDisclaimer: not mine.');
    expect(work.chapters[0]?.html.startsWith('<p>The lamp was lit at dusk.</p>')).toBe(true);
  });

  it('a summary label fills the summary', () => {
    const work = story(`The Lamp\n\nSummary: A keeper, a storm, a boat.\n\n${BODY}`);
    expect(seen(work.summary)).toBe('Summary: A keeper, a storm, a boat.');
    expect(work.notes).toBe('');
  });

  it('a header of fields at the top goes to the notes', () => {
    const work = story(`Rating: Teen\nPairing: Ada/Ben\nWords: 900\n\n${BODY}`);
    expect(seen(work.notes)).toBe('Rating: Teen\nPairing: Ada/Ben\nWords: 900');
  });
});

describe('notes after a chapter marker go to that chapter', () => {
  it('a note under "Chapter 2" is chapter 2’s beginning note, not text', async () => {
    const work = await importFile(fixture('lighthouse.txt'), 'lighthouse.txt');
    expectAllWordsKept(work);
    expect(seen(work.chapters[1]?.notes ?? '')).toBe('A/N: Short chapter, sorry! The next one is longer.');
    expect(firstLine(work.chapters[1]?.html ?? '')).toMatch(/^Morning came grey/);
  });

  it('a note at the end of a middle chapter is that chapter’s end note', () => {
    const work = story('Chapter 1\n\nShe left.\n\nA/N: more soon!\n\nChapter 2\n\nShe came back.');
    expect(seen(work.chapters[0]?.endNotes ?? '')).toBe('A/N: more soon!');
    expect(seen(work.chapters[0]?.html ?? '')).toBe('She left.');
    expect(work.endNotes).toBe('');
  });
});

describe('notes after the story go to the work’s end notes', () => {
  it.each([
    ['A/N: that’s all, folks.'],
    ['Thanks for reading!'],
    ['Thank you so much for reading, and for all the kudos.'],
    ['Thanks everyone for all the comments on the last chapter!'],
    ['This was written for the Midsummer Lights challenge.'],
    ['This is my entry for the 2023 Rarepair contest.'],
    ['Written for the prompt “a lamp left on”.'],
    ['Please review!'],
  ])('%s', (note) => {
    const work = story(`${BODY}\n\n${note}`);
    expect(seen(work.endNotes)).toBe(note);
    expect(seen(work.chapters[0]?.html ?? '')).toBe('The lamp was lit at dusk.\n\nThe ships came home.');
  });

  it('a note keeps the short lines after it (a sign-off), and the separator above it is dropped', () => {
    const work = story(`${BODY}\n\n~~~\n\nA/N: Thanks for reading!\n\nSee you next week.\n\n— Kit`);
    expect(seen(work.endNotes)).toBe('A/N: Thanks for reading!\n\nSee you next week.\n\n— Kit');
    expect(work.chapters[0]?.html).toBe('<p>The lamp was lit at dusk.</p>\n<p>The ships came home.</p>');
  });

  it('in the fixture, the final A/N and its sign-off are end notes and the story ends where it ends', async () => {
    const work = await importFile(fixture('lighthouse.txt'), 'lighthouse.txt');
    expect(seen(work.endNotes)).toMatch(/^A\/N: Thank you all for reading this little story! This was written for the Autumn Harbour challenge/);
    expect(seen(work.endNotes)).toMatch(/See you next time\.$/);
    expect(seen(work.chapters[2]?.html ?? '')).toMatch(/raising one hand to the tower\.$/);
  });
});

describe('conservative: prose is not a note', () => {
  it.each([
    ['Thanks to him, the town survived the winter.'],
    ['Thank you, she said, and meant it.'],
    ['An old man was waiting at the quay.'],
    ['Notes of lavender drifted from the kitchen.'],
    ['The author’s note in the margin said only: why?'],
  ])('%s stays in the story', (line) => {
    const work = story(`${line}\n\n${BODY}\n\n${line}`);
    expect(work.notes).toBe('');
    expect(work.endNotes).toBe('');
    expect(firstLine(work.chapters[0]?.html ?? '')).toBe(line);
  });

  it('a note label in the middle of a chapter is left where it is', () => {
    const work = story(`${BODY}\n\nA/N: sorry, this bit is sad.\n\nThe lamp went out.\n\nThen the long dark came, and it was a very long dark indeed, the longest that anyone in the village could remember, longer even than the winter of the great storm, when the harbour froze and the boats stayed in for a month and a half and there was nothing to do but tell stories.`);
    expect(work.endNotes).toBe('');
    expect(seen(work.chapters[0]?.html ?? '')).toContain('A/N: sorry, this bit is sad.');
  });

  it('a chapter that is nothing but a note keeps it as its text', () => {
    const work = story('A/N: This story is on hiatus, sorry!');
    expect(seen(work.chapters[0]?.html ?? '')).toBe('A/N: This story is on hiatus, sorry!');
  });
});
