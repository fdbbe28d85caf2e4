// What writers put around a story rather than in it: author's notes, disclaimers, a summary,
// thanks to readers, the prompt or challenge it was written for, and scene breaks.
// Conservative on purpose: a block is a note only when it says so at its very start, and
// the phrases that mark end notes only count at the end of a chapter.
import { charLength } from '../lib/text.js';

/** Labels that open a note: `A/N`, `AN:`, `Author's note:`, `Disclaimer:`, `Notes:`, `Prompt:`… */
const NOTE_LABEL = new RegExp(
  '^[\\s(\\[*_]*(?:' +
    [
      'a/n\\b|a\\.n\\.', // A/N needs no colon: nobody starts a sentence with it
      'an\\s*:', // AN does, or "An old man…" would be a note
      'author[\'’]?s?[\'’]?\\s+notes?(?=\\s*[:.\\-–—)\\]]|\\s*$)',
      'disclaimer(?=\\s*[:\\-–—]|\\s*$)',
      '(?:notes?|prompt|dedication|dedicated\\s+to)\\s*:',
    ].join('|') +
    ')',
  'i',
);

const SUMMARY_LABEL = /^[\s(*_]*summary(?:\s*[:\-–—]|\s*$)/i;

// End notes: thanks to readers and the challenge a story answered. Each must open the block.
const END_PHRASES: readonly RegExp[] = [
  /^(?:(?:many|huge|big|so\s+many)\s+)?(?:thanks|thank\s+you)\b[^.!?\n]{0,40}?\bfor\s+(?:reading|all\s+(?:the|your)\s+(?:kudos|comments|reviews|support)|the\s+(?:kudos|comments|reviews|support)|your\s+(?:kudos|comments|reviews|support)|sticking\s+with)/i,
  /^(?:this|it|the\s+(?:story|fic|work))\s+(?:was|is)\s+(?:written\s+for|my\s+(?:entry|submission|fill)\s+for|a\s+(?:fill|gift|response)\s+for)\b/i,
  /^written\s+for\b/i,
  /^please\s+(?:review|comment|leave\s+(?:a\s+)?(?:review|comment|kudos))\b/i,
  /^(?:reviews|comments|kudos)\s+(?:are|is)\s+(?:love|appreciated|welcome)/i,
];

// Scene breaks: symbols, or the letters o and x in patterns like oOo and xXx.
// Full stops and ellipses are left out: a paragraph of "…" is a character's silence.
const SCENE_BREAK = /^[\s*~#=+_•·♦◆❖✦★☆§|—–\-oOxX]+$/u;
const SYMBOL = /[*~#=+_•·♦◆❖✦★☆§|—–-]/u;

/** Where a block of text opens with a note label; `alone` when the label is all it says. */
export function noteLabel(text: string): { alone: boolean } | null {
  const match = NOTE_LABEL.exec(text);
  if (!match) return null;
  return { alone: /^[\s:.\-–—)\]*_]*$/.test(text.slice(match[0].length)) };
}

/** Where a block opens with "Summary:"; `alone` when it is only the label. */
export function summaryLabel(text: string): { alone: boolean } | null {
  const match = SUMMARY_LABEL.exec(text);
  if (!match) return null;
  return { alone: /^[\s:.\-–—)*_]*$/.test(text.slice(match[0].length)) };
}

/** True when a block opens with a phrase that only ever ends a story: thanks for reading, written for a challenge. */
export function isEndNotePhrase(text: string): boolean {
  const start = text.trimStart().replace(/^[([*_]+/, '');
  return END_PHRASES.some((pattern) => pattern.test(start));
}

/** True when a line is a scene break (`* * *`, `~~~`, `oOo`, `#`, `---`) rather than text. */
export function isSceneBreak(text: string): boolean {
  const line = text.trim();
  if (line === '' || line.includes('\n') || charLength(line) > 40 || !SCENE_BREAK.test(line)) return false;
  const letters = line.replace(/[^oOxX]/g, '').length;
  return SYMBOL.test(line) || letters >= 3;
}

/** True when a block is a line of `Label: value` fields, like the header writers put on top of a story. */
export function isHeaderBlock(text: string): boolean {
  const lines = text.split('\n');
  return lines.length >= 2 && lines.every((line) => /^[\p{L} ’'/-]{2,25}:\s*\S/u.test(line));
}
