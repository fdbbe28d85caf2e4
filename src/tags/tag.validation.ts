// Tag name rules (DESIGN.md): 1-150 characters, none of the forbidden characters; 75 user tags a work.
import { charLength, cleanLine, hasControlCharacters } from '../lib/text.js';

export const TAG_NAME_MAX = 150;
export const USER_TAGS_MAX = 75;
const FORBIDDEN = /[,^*<>{}=`\\%，、]/u;

/** Splits a comma-separated field into cleaned, de-duplicated names (case- and accent-insensitively). */
export function splitTagField(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : value.split(',')).map(cleanLine).filter((name) => name !== '');
  const seen = new Set<string>();
  return parts.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The problem with one tag name, or null. */
export function tagNameProblem(name: string): string | null {
  if (charLength(name) > TAG_NAME_MAX) return `Tags are at most ${TAG_NAME_MAX} characters long: "${name.slice(0, 40)}…" is too long.`;
  if (hasControlCharacters(name)) return 'Tags cannot contain control characters.';
  const bad = FORBIDDEN.exec(name);
  if (bad) return `Tags cannot contain ${bad[0] === '，' || bad[0] === '、' ? `the character ${bad[0]}` : `"${bad[0]}"`} ("${name}"). Tags cannot contain commas, ^ * < > { } = \` \\ % ， or 、.`;
  return null;
}

/** The first problem among several tag names, or null. */
export function tagListProblem(names: string[]): string | null {
  for (const name of names) {
    const problem = tagNameProblem(name);
    if (problem !== null) return problem;
  }
  return null;
}
