import { describe, expect, it } from 'vitest';
import { withoutNoteLabels } from './note-labels.js';

describe('an imported note drops its "A/N" label', () => {
  it.each([
    ['<p>A/N: Written for the swap.</p>', '<p>Written for the swap.</p>'],
    ['<p>AN: back on Friday.</p>', '<p>back on Friday.</p>'],
    ['<p>a/n so this happened</p>', '<p>so this happened</p>'],
    ['<p>A.N. Thank you, Priya.</p>', '<p>Thank you, Priya.</p>'],
    ['<p><strong>Author’s Note:</strong> thanks!</p>\n<p>More here.</p>', '<p>thanks!</p>\n<p>More here.</p>'],
    ['<p>Author\'s notes</p>\n<p>Body of the note.</p>', '<p>Body of the note.</p>'],
    ['<p>Notes: unbeta’d.</p>', '<p>unbeta’d.</p>'],
    ['<p>(A/N - hi <em>there</em>)</p>', '<p>hi <em>there</em></p>'],
    ['<p><b>A/N:</b><br>Second line</p>', '<p>Second line</p>'],
    ['<p>A/N: one.</p>\n<p>A/N 2: two.</p>', '<p>one.</p>\n<p>two.</p>'],
  ])('%s', (html, expected) => {
    expect(withoutNoteLabels(html)).toBe(expected);
  });

  it.each([
    ['a label that says something', '<p>Disclaimer: not mine.</p>'],
    ['a prompt', '<p>Prompt: the lighthouse keeper’s daughter.</p>'],
    ['a sentence that starts like a label', '<p>Notes on the war were kept in a tin.</p>'],
    ['an ordinary "An"', '<p>An hour later: nothing.</p>'],
    ['a label in the middle', '<p>Thanks to all, A/N over.</p>'],
  ])('keeps %s', (_what, html) => {
    expect(withoutNoteLabels(html)).toBe(html);
  });
});
