// Column types every table shares.
import type { Generated } from 'kysely';

/** A boolean, stored as 0 or 1 on both databases. */
export type Flag = 0 | 1;

/** A row's own id, made by the database. */
export type Id = Generated<number>;
