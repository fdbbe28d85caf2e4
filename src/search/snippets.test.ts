import { describe, expect, it } from 'vitest';
import { passageFragment } from './snippets.js';

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

  it('is empty when nothing is marked', () => {
    expect(passageFragment('no marks here')).toBe('');
  });
});
