// The ordered list of migrations; add new ones at the end, never edit old ones.
import type { Migration } from 'kysely';
import * as m001 from './001_core.js';

export const migrations: Record<string, Migration> = {
  '001_core': m001,
};
