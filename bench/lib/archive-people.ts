// The synthetic archive's writers: accounts with a default pseud named after the login, some
// with a second or third pseud, each with a favourite fandom; a few write a great deal.
import type { Insertable } from 'kysely';
import type { PseudTable, UserTable } from '../../src/db/database.js';
import type { Random } from './corpus.js';
import { LOGIN_PARTS, TITLE_ADJECTIVES, TITLE_WORDS } from './archive-words.js';
import { between, pick, Zipf } from './sampling.js';

export const WRITER_COUNT = 2000;

export type Writer = { userId: number; pseuds: Array<{ id: number; name: string }>; favouriteFandom: number };

export type People = {
  users: Array<Insertable<UserTable>>; pseuds: Array<Insertable<PseudTable>>;
  writers: Writer[];
  /** Which writer wrote a work: a handful write hundreds of works, most a few. */
  zipf: Zipf;
};

/** Accounts were made in the year before the archive's ten years of works begin. */
const SIGN_UP_START = Date.UTC(2015, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

function uniqueName(random: Random, taken: Set<string>, make: () => string): string {
  let name = make();
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${make()}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function login(random: Random): string {
  const roll = random();
  const base = `${pick(random, LOGIN_PARTS)}${pick(random, LOGIN_PARTS)}`;
  if (roll < 0.4) return base;
  return roll < 0.7 ? `${base}_${between(random, 1, 99)}` : `${pick(random, LOGIN_PARTS)}_${pick(random, LOGIN_PARTS)}`;
}

function pseudName(random: Random): string {
  return random() < 0.5 ? `${pick(random, TITLE_ADJECTIVES)} ${pick(random, TITLE_WORDS)}` : `${pick(random, LOGIN_PARTS)}writes`;
}

/** Makes the writers with `favourite` choosing each one's favourite fandom; `passwordHash` is shared by all. */
export function makePeople(random: Random, passwordHash: string, favourite: (random: Random) => number): People {
  const logins = new Set<string>();
  const users: People['users'] = [];
  const pseuds: People['pseuds'] = [];
  const writers: Writer[] = [];
  for (let userId = 1; userId <= WRITER_COUNT; userId++) {
    const name = uniqueName(random, logins, () => login(random));
    const createdAt = new Date(SIGN_UP_START + random() * YEAR_MS).toISOString();
    users.push({ id: userId, login: name, login_key: name.toLowerCase(), email: `${name}@example.org`, email_key: `${name}@example.org`.toLowerCase(), password_hash: passwordHash, is_admin: 0, created_at: createdAt });
    const own = new Set<string>([name.toLowerCase()]);
    const names = [name, ...Array.from({ length: random() < 0.15 ? between(random, 1, 2) : 0 }, () => uniqueName(random, own, () => pseudName(random)))];
    const writer: Writer = { userId, pseuds: [], favouriteFandom: favourite(random) };
    for (const [index, pseud] of names.entries()) {
      const id = pseuds.length + 1;
      pseuds.push({ id, user_id: userId, name: pseud, name_key: pseud.toLowerCase(), is_default: index === 0 ? 1 : 0, description: '', created_at: createdAt });
      writer.pseuds.push({ id, name: pseud });
    }
    writers.push(writer);
  }
  return { users, pseuds, writers, zipf: new Zipf(WRITER_COUNT, 1.5, 40) };
}
