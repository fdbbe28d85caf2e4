// Rules for logins, emails, passwords and pseud names, with the messages shown beside fields.
import { isCommonPassword } from '../lib/common-passwords.js';
import { charLength, hasControlCharacters } from '../lib/text.js';
import type { FieldErrors } from '../http/errors.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_]{1,38}[A-Za-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PSEUD = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,39}$/u;

/** The message for a bad login, or null. */
export function loginProblem(login: string): string | null {
  if (login === '') return 'Choose a user name.';
  if (login.length < 3 || login.length > 40) return 'User names are 3 to 40 characters long.';
  if (!LOGIN.test(login)) return 'Use only letters, digits and underscores, starting and ending with a letter or digit.';
  // The shared account orphaned works go to (user.service.ts ORPHAN_LOGIN): nobody may take its name.
  if (login.toLowerCase() === 'orphan_account') return 'That user name is taken.';
  return null;
}

/** The message for a bad email address, or null. */
export function emailProblem(email: string): string | null {
  if (email === '') return 'Enter an email address.';
  if (email.length > 254 || !EMAIL.test(email)) return 'Enter a valid email address, like name@example.org.';
  return null;
}

/** The message for a password that will not do, or null. */
export function passwordProblem(password: string, login = ''): string | null {
  const length = charLength(password);
  if (length < PASSWORD_MIN) return `Passwords are at least ${PASSWORD_MIN} characters long.`;
  if (length > PASSWORD_MAX) return `Passwords are at most ${PASSWORD_MAX} characters long.`;
  if (hasControlCharacters(password)) return 'Passwords cannot contain control characters.';
  if (isCommonPassword(password)) return 'That password is one of the most commonly used ones. Choose a less common one: a few unrelated words work well.';
  if (login !== '' && password.toLowerCase() === login.toLowerCase()) return 'Your password cannot be your user name.';
  return null;
}

/** The message for a bad pseud name, or null. */
export function pseudProblem(name: string): string | null {
  if (name === '') return 'Enter a name.';
  if (charLength(name) > 40) return 'Pseuds are at most 40 characters long.';
  if (!PSEUD.test(name)) return 'Pseuds use letters, digits, spaces, underscores, hyphens and dots, and start with a letter or digit.';
  return null;
}

/** Collects the non-null problems into field errors. */
export function collectProblems(problems: Record<string, string | null>): FieldErrors {
  const fields: FieldErrors = {};
  for (const [field, problem] of Object.entries(problems)) if (problem !== null) fields[field] = problem;
  return fields;
}
