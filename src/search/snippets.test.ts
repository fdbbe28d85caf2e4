import { describe, expect, it } from 'vitest';
import { markedHtml, passageFragment } from './snippets.js';
import { MARK_END, MARK_START } from './search-backend.js';

describe('passageFragment', () => {
  it('names the marked words after the four words before them', () => {
    expect(passageFragment('…the lamp showed a <mark>heron</mark> on the rocks')).toBe('#:~:text=the%20lamp%20showed%20a-,heron');
  });

  it('needs no prefix when the mark opens the passage', () => {
    expect(passageFragment('<mark>Heron</mark> at dawn')).toBe('#:~:text=Heron');
  });

  it('unescapes the passage and percent-encodes the fragment\'s own syntax characters', () => {
    expect(passageFragment('Tom &amp; well-read Jo, said <mark>x-ray</mark>')).toBe('#:~:text=%26%20well%2Dread%20Jo%2C%20said-,x%2Dray');
  });

  it('takes its words before from the marked paragraph alone, as a browser matches them only within one', () => {
    const html = markedHtml(`…and the tide would pass.\n\nAt dusk the ${MARK_START}quartermasters${MARK_END} reckoned   otherwise.`);
    // The paragraph's end shows as a space; only the fragment sees it.
    expect(html).toBe('…and the tide would pass.\nAt dusk the <mark>quartermasters</mark> reckoned otherwise.');
    expect(passageFragment(html)).toBe('#:~:text=At%20dusk%20the-,quartermasters');
  });

  it('names marked words that run over a paragraph\'s end as a range from the first paragraph to the last', () => {
    const html = markedHtml(`…the shore was full of ${MARK_START}tidewrack.\n\nLantern${MARK_END} light came after.`);
    expect(html).toBe('…the shore was full of <mark>tidewrack.\nLantern</mark> light came after.');
    expect(passageFragment(html)).toBe('#:~:text=shore%20was%20full%20of-,tidewrack.,Lantern');
  });

  it('is empty when nothing is marked', () => {
    expect(passageFragment('no marks here')).toBe('');
  });
});
