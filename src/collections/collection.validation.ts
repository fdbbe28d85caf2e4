// The collection form: what a name, title, description, rules and reveal dates may be.
import type { ChallengeKind } from '../db/database.js';
import { invalid, type FieldErrors } from '../http/errors.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine, hasControlCharacters } from '../lib/text.js';

export const COLLECTION_LIMITS = { name: 255, title: 255, description: 1250, rules: 5000 } as const;

/** The collection form as typed. */
export type CollectionInput = {
  name: string; title: string; description: string; rules: string;
  closed: boolean; moderated: boolean; anonymous: boolean; unrevealed: boolean;
  /** `YYYY-MM-DDTHH:MM` (UTC), or empty: revealed by hand. */
  revealWorksAt: string; revealCreatorsAt: string;
  /** '' (none), prompt_meme, gift_exchange or contest. */
  challenge: string;
};

export type CleanCollection = Omit<CollectionInput, 'revealWorksAt' | 'revealCreatorsAt' | 'challenge'> & { revealWorksAt: string | null; revealCreatorsAt: string | null; challenge: ChallengeKind | null };

export const CHALLENGES: ReadonlyArray<readonly [string, string]> = [['', 'None: a plain collection'], ['prompt_meme', 'Prompt meme'], ['gift_exchange', 'Gift exchange'], ['contest', 'Contest']];

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_]*[A-Za-z0-9])?$/;
const WHEN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/;

/** A time typed as `YYYY-MM-DDTHH:MM` (UTC) as an ISO-8601 instant; null when empty; undefined when it is not such a time. */
export function typedUtcTime(value: string): string | null | undefined {
  const typed = value.trim();
  if (typed === '') return null;
  const match = WHEN.exec(typed);
  const at = match === null ? NaN : Date.parse(`${match[1]}T${match[2]}:${match[3]}:00.000Z`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** A reveal time typed as `YYYY-MM-DDTHH:MM` (UTC), as an ISO-8601 instant; null when empty; a message when wrong or past. */
function revealTime(value: string, now: string, previous: string | null): string | null | { problem: string } {
  const iso = typedUtcTime(value);
  if (iso === null) return null;
  if (iso === undefined) return { problem: 'Give a date and time as YYYY-MM-DD HH:MM (UTC), or leave it empty to reveal by hand.' };
  // A date already set may stay as it is; a new one must lie ahead.
  if (iso <= now && iso !== previous) return { problem: 'That time has passed: choose one ahead, or reveal now from the collection’s page.' };
  return iso;
}

function textProblem(label: string, value: string, max: number, required = false): string | null {
  if (required && value.trim() === '') return `${label} is required.`;
  if (charLength(value) > max) return `${label} can be at most ${max.toLocaleString('en-US')} characters long.`;
  if (hasControlCharacters(value)) return `${label} holds characters that cannot be shown.`;
  return null;
}

/** Checks the form; throws one error naming every wrong field. `previous` holds the reveal times already set (an edit). */
export function checkCollection(input: CollectionInput, now: string, previous: { works: string | null; creators: string | null } = { works: null, creators: null }, isNew = true): CleanCollection {
  const fields: FieldErrors = {};
  const name = input.name.trim();
  if (isNew) {
    if (name === '') fields.name = 'Name is required: it is the collection’s address, /collections/name.';
    else if (charLength(name) > COLLECTION_LIMITS.name) fields.name = `Name can be at most ${COLLECTION_LIMITS.name} characters long.`;
    else if (!NAME.test(name)) fields.name = 'Use only letters, numbers and underscores, beginning and ending with a letter or number.';
  }
  const title = cleanLine(input.title);
  const problems: Array<[string, string | null]> = [
    ['title', textProblem('Title', title, COLLECTION_LIMITS.title, true)],
    ['description', textProblem('Description', input.description, COLLECTION_LIMITS.description)],
    ['rules', textProblem('Rules', input.rules, COLLECTION_LIMITS.rules)],
  ];
  for (const [field, problem] of problems) if (problem !== null) fields[field] = problem;
  const works = revealTime(input.revealWorksAt, now, previous.works);
  const creators = revealTime(input.revealCreatorsAt, now, previous.creators);
  if (works !== null && typeof works === 'object') fields.revealWorksAt = works.problem;
  if (creators !== null && typeof creators === 'object') fields.revealCreatorsAt = creators.problem;
  if (!CHALLENGES.some(([value]) => value === input.challenge)) fields.challenge = 'Choose a kind of challenge from the list.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return {
    ...input, challenge: input.challenge === '' ? null : input.challenge as ChallengeKind, name, title, description: sanitizeHtml(input.description), rules: sanitizeHtml(input.rules),
    revealWorksAt: typeof works === 'string' ? works : null, revealCreatorsAt: typeof creators === 'string' ? creators : null,
  };
}

/** A stored reveal time as the form's field shows it (`YYYY-MM-DDTHH:MM`, UTC). */
export function revealField(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 16);
}
