// bench:kudos's database: two posted works (one to flood with kudos, one whose reading is
// measured) and thousands of members with an API token each. Members are inserted directly:
// signing up hashes each password with scrypt, which would take minutes for 6,000 accounts.
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { nowIso } from '../../src/lib/clock.js';
import { randomToken, sha256Hex } from '../../src/lib/secrets.js';
import { seedReadingWork, type SeededWork } from './seed.js';

export type KudosSeed = { flooded: SeededWork; other: SeededWork; tokens: string[] };

/** Rows a multi-row insert carries: under SQLite's limit of bound values, and PostgreSQL's. */
const CHUNK = 500;

/** No one signs in as them, so any string does; this one is not a hash any password matches. */
const NO_PASSWORD = 'bench$no-password';

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}

/** Inserts `logins` as accounts with their default pseud and one API token each; returns the tokens in order. */
async function insertMembers(db: Db, logins: string[]): Promise<string[]> {
  const now = nowIso();
  const tokens: string[] = [];
  for (const part of chunks(logins)) {
    await db.insertInto('users').values(part.map((login) => ({
      login, login_key: login.toLowerCase(), email: `${login}@example.org`, email_key: `${login.toLowerCase()}@example.org`,
      password_hash: NO_PASSWORD, is_admin: 0 as const, created_at: now,
    }))).execute();
    // Read back by login: the order of a multi-row insert's ids is not promised on both databases.
    const rows = await db.selectFrom('users').select(['id', 'login']).where('login_key', 'in', part.map((l) => l.toLowerCase())).execute();
    const ids = new Map(rows.map((r) => [r.login, r.id]));
    const idOf = (login: string) => ids.get(login) ?? 0;
    await db.insertInto('pseuds').values(part.map((login) => ({
      user_id: idOf(login), name: login, name_key: login.toLowerCase(), is_default: 1 as const, description: '', created_at: now,
    }))).execute();
    const made = part.map(() => `bnd_${randomToken()}`);
    await db.insertInto('api_tokens').values(part.map((login, i) => ({
      user_id: idOf(login), token_hash: sha256Hex(made[i] ?? ''), name: 'bench', created_at: now,
    }))).execute();
    tokens.push(...made);
  }
  return tokens;
}

/**
 * Posts the two works through the services (as bench:read does), then adds `accounts` members.
 * Logins carry the run's time, so runs can share a PostgreSQL database.
 */
export async function seedKudos(env: Record<string, string>, words: number, accounts: number): Promise<KudosSeed> {
  const flooded = await seedReadingWork(env, words);
  const other = await seedReadingWork(env, words);
  const run = Date.now().toString(36);
  const logins = Array.from({ length: accounts }, (_, i) => `kudos_${run}_${i}`);
  const handle = openDatabase(loadConfig(env).databaseUrl);
  try {
    const tokens = await handle.db.transaction().execute((trx) => insertMembers(trx, logins));
    return { flooded, other, tokens };
  } finally {
    await handle.close();
  }
}

/** The kudos rows a work has, members' and guests' apart, counted in the database itself. */
export async function kudosRows(env: Record<string, string>, workId: number): Promise<{ members: number; guests: number }> {
  const handle = openDatabase(loadConfig(env).databaseUrl);
  try {
    const row = await handle.db.selectFrom('kudos')
      .select((eb) => [eb.fn.count<number | string>('user_id').as('members'), eb.fn.count<number | string>('guest_key').as('guests')])
      .where('work_id', '=', workId).executeTakeFirstOrThrow();
    return { members: Number(row.members), guests: Number(row.guests) };
  } finally {
    await handle.close();
  }
}
