// `npm run bench:exchange`: matching a gift exchange of generated sign-ups (default 1,000). Each
// participant requests 1-3 fandoms and offers 1-4, drawn with a Zipf-like popularity over 150
// fandoms (a few big fandoms, a long tail), and names characters of those fandoms. Prints, for
// two rule sets (fandoms must match; fandoms and characters must match): how many recipients the
// matching found givers for, against the best possible (an independent maximum matching by plain
// augmenting paths, and the count of recipients anyone could write for at all), against a
// first-come greedy assignment, and how long it took; then the whole `runMatching` of the app
// (reading the sign-ups, matching, writing the assignments) on SQLite or PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { localViewer, READING_DEFAULTS } from '../src/access/viewer.js';
import { runMatching } from '../src/collections/exchange.service.js';
import { compatibility, maximumMatching, type MatchRules, type MatchSignup } from '../src/collections/exchange-matching.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { foldKey } from '../src/lib/text.js';
import { seededRandom, type Random } from './lib/corpus.js';
import { DEFAULT_POSTGRES_URL, ensureDatabase } from './lib/postgres.js';

const USAGE = `usage: npm run bench:exchange -- [--participants N] [--database sqlite|postgres] [--seed N]
  --participants N   sign-ups to generate (default 1000)
  --database         where the app's own runMatching runs (default sqlite; postgres empties and uses
                     the database bindery_exchange, never DATABASE_URL)
  --seed N           the generator's seed (default 12)`;

const FANDOMS = 150;
const CHARACTERS_PER_FANDOM = 8;

function zipfPick(random: Random, n: number): number {
  // Inverse transform of a 1/(rank) law: rank r has weight 1/r.
  const total = Math.log(n) + 0.5772;
  let u = random() * total;
  for (let r = 1; r <= n; r++) { u -= 1 / r; if (u <= 0) return r - 1; }
  return n - 1;
}

function distinct(random: Random, count: number, pick: () => number): number[] {
  const set = new Set<number>();
  for (let tries = 0; set.size < count && tries < 50; tries++) set.add(pick());
  return [...set];
}

type Generated = { id: number; request: { fandoms: number[]; characters: string[] }; offer: { fandoms: number[]; characters: string[] } };

function generate(participants: number, seed: number): Generated[] {
  const random = seededRandom(seed);
  const side = (min: number, max: number) => {
    const fandoms = distinct(random, min + Math.floor(random() * (max - min + 1)), () => zipfPick(random, FANDOMS));
    const characters = fandoms.flatMap((f) => distinct(random, 1 + Math.floor(random() * 3), () => Math.floor(random() * CHARACTERS_PER_FANDOM)).map((c) => `f${f} character ${c}`));
    return { fandoms, characters };
  };
  return Array.from({ length: participants }, (_, i) => ({ id: i + 1, request: side(1, 3), offer: side(1, 4) }));
}

function toSignup(g: Generated): MatchSignup {
  const tags = (s: Generated['request']) => new Map([['fandom', new Set(s.fandoms.map((f) => `fandom ${f}`))], ['character', new Set(s.characters)]]);
  return { id: g.id, request: tags(g.request), offer: tags(g.offer) };
}

/** An independent maximum: Kuhn's augmenting paths, one giver at a time. */
function kuhn(edges: number[][], recipients: number): number {
  const owner = new Array<number>(recipients).fill(-1);
  const tryGiver = (g: number, seen: Uint8Array): boolean => {
    for (const r of edges[g] ?? []) {
      if (seen[r] === 1) continue;
      seen[r] = 1;
      const o = owner[r] ?? -1;
      if (o === -1 || tryGiver(o, seen)) { owner[r] = g; return true; }
    }
    return false;
  };
  let size = 0;
  for (let g = 0; g < edges.length; g++) if (tryGiver(g, new Uint8Array(recipients))) size++;
  return size;
}

/** A first-come assignment: each giver in sign-up order takes the first recipient still free. */
function greedy(edges: number[][], recipients: number): number {
  const taken = new Uint8Array(recipients);
  let size = 0;
  for (const list of edges) { const r = list.find((x) => taken[x] === 0); if (r !== undefined) { taken[r] = 1; size++; } }
  return size;
}

function measure(label: string, signups: MatchSignup[], rules: MatchRules): void {
  const started = process.hrtime.bigint();
  const edges = compatibility(signups, rules);
  const ofGiver = maximumMatching(edges, signups.length);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const matched = ofGiver.filter((r) => r >= 0).length;
  const best = kuhn(edges, signups.length);
  const reachable = new Set(edges.flat()).size;
  const givers = edges.filter((e) => e.length > 0).length;
  const first = greedy(edges, signups.length);
  const pairs = edges.reduce((n, e) => n + e.length, 0);
  console.log(`${label}: ${pairs.toLocaleString('en-US')} possible pairs; matched ${matched} of ${signups.length} in ${ms.toFixed(1)} ms`);
  console.log(`  best possible ${best} (independent augmenting paths); at most ${Math.min(reachable, givers)} could ever be matched (${reachable} recipients anyone can write for, ${givers} givers with anyone to write for)`);
  console.log(`  matched / best possible = ${(matched / best).toFixed(3)}; first-come greedy matched ${first} (${(first / best).toFixed(3)} of best)`);
}

async function throughTheApp(generated: Generated[], database: 'sqlite' | 'postgres'): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bindery-exchange-'));
  const url = database === 'sqlite' ? `sqlite:${join(dir, 'bindery.sqlite')}` : DEFAULT_POSTGRES_URL.replace('bindery_bench', 'bindery_exchange');
  if (database === 'postgres') await ensureDatabase(url);
  const handle = openDatabase(url);
  try {
    const { db } = handle;
    if (database === 'postgres') {
      await sql`drop schema public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    }
    await migrateToLatest(db);
    const now = new Date().toISOString();
    const owner = await db.insertInto('users').values({ login: 'owner', login_key: 'owner', email: 'owner@example.org', email_key: 'owner@example.org', password_hash: 'x', is_admin: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const collection = await db.insertInto('collections').values({ name: 'bench_swap', name_key: 'bench_swap', title: 'Bench Swap', challenge: 'gift_exchange', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('collection_participants').values({ collection_id: collection.id, user_id: owner.id, role: 'owner' }).execute();
    await db.insertInto('exchange_settings').values({ collection_id: collection.id, signups_open_at: now, signups_close_at: now, due_at: null, match_types: 'fandom,character', match_count: 1 }).execute();
    for (const g of generated) {
      const login = `p${g.id}`;
      const user = await db.insertInto('users').values({ login, login_key: login, email: `${login}@example.org`, email_key: `${login}@example.org`, password_hash: 'x', is_admin: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
      const signup = await db.insertInto('exchange_signups').values({ collection_id: collection.id, user_id: user.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
      const rows = (['request', 'offer'] as const).flatMap((side) => [
        ...g[side].fandoms.map((f) => ({ signup_id: signup.id, side, type: 'fandom', name: `Fandom ${f}`, name_key: foldKey(`Fandom ${f}`) })),
        ...g[side].characters.map((c) => ({ signup_id: signup.id, side, type: 'character', name: c, name_key: foldKey(c) })),
      ]);
      await db.insertInto('exchange_tags').values(rows).execute();
    }
    const viewer = localViewer({ id: owner.id, login: 'owner', isAdmin: false, isWrangler: false, confirmed: true, twoFactor: false, roles: [], silencedUntil: null, trusted: true, termsVersion: 0, reading: READING_DEFAULTS });
    const times: number[] = [];
    let result = { matched: 0, unmatched: 0 };
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      result = await runMatching(db, viewer, 'bench_swap');
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.log(`the app's runMatching on ${database} (read ${generated.length} sign-ups, match on fandoms and characters, write the assignments): ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; matched ${result.matched}, unmatched ${result.unmatched}; target under 10,000 ms: ${Math.max(...times) < 10_000 ? 'PASS' : 'FAIL'}`);
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { participants: { type: 'string', default: '1000' }, database: { type: 'string', default: 'sqlite' }, seed: { type: 'string', default: '12' }, help: { type: 'boolean', default: false } } }));
  } catch (error) { console.error(`${(error as Error).message}\n${USAGE}`); return 2; }
  if (values.help) { console.log(USAGE); return 0; }
  const participants = Number(values.participants);
  const seed = Number(values.seed);
  if (!Number.isInteger(participants) || participants < 2 || !Number.isInteger(seed) || (values.database !== 'sqlite' && values.database !== 'postgres')) { console.error(USAGE); return 2; }
  const generated = generate(participants, seed);
  const signups = generated.map(toSignup);
  console.log(`${participants} generated sign-ups over ${FANDOMS} fandoms (Zipf-like popularity), seed ${seed}`);
  measure('fandoms must share 1', signups, { types: ['fandom'], count: 1 });
  measure('fandoms and characters must each share 1', signups, { types: ['fandom', 'character'], count: 1 });
  await throughTheApp(generated, values.database);
  return 0;
}

process.exitCode = await main();
