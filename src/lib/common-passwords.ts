// The most common passwords (about 49,000, from the zxcvbn-ts dictionary), refused at sign-up.
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | null = null;

/** True when a password is one of the most commonly used ones (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
