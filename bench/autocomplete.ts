// `npm run bench:autocomplete`: how fast tag suggestions follow typing. Runs the app in a child
// process on the synthetic corpus of `npm run bench:corpus` when it exists (or on ~50,000 tags
// seeded here, the same every run), asks GET /api/v1/tags/autocomplete for a fixed list of
// 1-3 letter and multi-word terms over HTTP, one request at a time, and prints p50/p95 latency.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import type { Database, TagType } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { foldKey } from '../src/lib/text.js';
import { GUEST_SCOPE } from '../src/access/scope.js';
import { findSuggestions, parseSuggestType, parseTerm, SUGGESTIONS_MAX, SUGGESTED_TYPES } from '../src/tags/autocomplete.service.js';
import { tagWords } from '../src/tags/tag-words.js';
import { readMarker } from './lib/archive-store.js';
import { cpuSecondsOf, freePort, startChild, type Child } from './lib/children.js';
import { corpusLocation } from './lib/corpus-build.js';
import { DEFAULT_DATA_DIR } from './lib/corpus-options.js';
import { seededRandom, type Random } from './lib/corpus.js';
import { ensureDatabase } from './lib/postgres.js';
import { loadLine } from './lib/report.js';
import { whole } from './lib/options.js';

const USAGE = `usage: npm run bench:autocomplete -- [options]
  --database sqlite|postgres  which database the app runs on (default sqlite)
  --works N                   use the bench:corpus archive of N works if it is built (default 100000)
  --data-dir DIR              where bench:corpus keeps its SQLite file (default bench/out)
  --own                       ignore the corpus: seed --tags tags of our own
  --tags N                    tags to seed when there is no corpus (default 50000; on PostgreSQL into
                              the database bindery_autocomplete, emptied first, never DATABASE_URL)
  --runs N                    timed requests per term (default 30)
  --warmup N                  untimed requests per term first (default 3)`;

const OWN_POSTGRES_URL = 'postgres://root@localhost/bindery_autocomplete?host=/var/run/postgresql';

/** What a writer types: 1-3 letters, and several words; some narrowed to one tag type. */
const TERMS: Array<{ term: string; type?: TagType }> = [
  ...['a', 'e', 'm', 's', 't'].map((term) => ({ term })),
  ...['an', 'ma', 'st', 'th', 'wi'].map((term) => ({ term })),
  ...['ada', 'mar', 'sto', 'the', 'win'].map((term) => ({ term })),
  ...['the s', 'mar a', 'a b', 'st th', 'hurt com', 'tob ard', 'the lost cro'].map((term) => ({ term })),
  { term: 'a', type: 'character' }, { term: 'th', type: 'fandom' }, { term: 'ma', type: 'relationship' }, { term: 's', type: 'freeform' },
];

type Options = { database: 'sqlite' | 'postgres'; works: number; dataDir: string; own: boolean; tags: number; runs: number; warmup: number; help: boolean };

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string', default: 'sqlite' }, works: { type: 'string', default: '100000' }, own: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      tags: { type: 'string', default: '50000' }, runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  return {
    database: values.database, works: whole('works', values.works, 1), dataDir: resolve(values['data-dir']), own: values.own, tags: whole('tags', values.tags, 100),
    runs: whole('runs', values.runs, 1), warmup: whole('warmup', values.warmup, 0), help: values.help,
  };
}

// Our own vocabulary for the seeded tags: people, places and the usual additional tags.
const FIRST = ['Ada', 'Alaric', 'Anwen', 'Bastian', 'Beatrix', 'Cassius', 'Corin', 'Dagny', 'Edmund', 'Elowen', 'Emrys', 'Farah', 'Gideon',
  'Hester', 'Ilse', 'Ines', 'Jasper', 'Kestrel', 'Leona', 'Mara', 'Marek', 'Mirela', 'Nadia', 'Oskar', 'Odile', 'Petra', 'Quentin',
  'Rosalind', 'Silas', 'Saoirse', 'Stellan', 'Tobias', 'Thea', 'Ulric', 'Vesna', 'Wren', 'Willa', 'Xavi', 'Yara', 'Zelda'];
const LAST = ['Adair', 'Arden', 'Blackwood', 'Carrow', 'Delacroix', 'Everly', 'Fairchild', 'Greaves', 'Halloway', 'Ingram', 'Kestrel',
  'Lindqvist', 'Marsh', 'Moreau', 'Novak', 'Okafor', 'Prescott', 'Quill', 'Rosenthal', 'Sinclair', 'Stone', 'Thistlewood',
  'Underhill', 'Valdez', 'Winter', 'Whitlock', 'Yamada', 'Zeller', 'Ashby', 'Brandt', 'Castellan', 'Dunmore', 'Eastwick', 'Stroud'];
const ADJECTIVES = ['Lost', 'Silver', 'Broken', 'Hidden', 'Copper', 'Scarlet', 'Silent', 'Hollow', 'Winter', 'Starlit', 'Drowned',
  'Clockwork', 'Endless', 'Burning', 'Gilded', 'Shattered', 'Wandering', 'Forgotten', 'Amber', 'Iron'];
const NOUNS = ['Crown', 'Harbour', 'Tower', 'Empire', 'Station', 'Lantern', 'Citadel', 'Garden', 'Throne', 'Carnival', 'Witches',
  'Knights', 'Ravens', 'Hearts', 'Tide', 'Archive', 'Moon', 'Academy', 'Orchard', 'Road', 'Saints', 'Wolves', 'Stars', 'Bridge'];
const FREEFORMS = ['Hurt/Comfort', 'Fluff', 'Angst', 'Slow Burn', 'Found Family', 'Alternate Universe', 'Enemies to Lovers',
  'Friends to Lovers', 'Canon Divergence', 'Post-Canon', 'Whump', 'Domestic Fluff', 'Hurt No Comfort', 'Time Travel', 'Soulmates'];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

type SeedTag = { type: TagType; name: string };

/** About `total` tags with unique names, the same every run: 4% fandoms, 48% characters, 32% relationships, 16% freeforms. */
function makeTags(total: number): SeedTag[] {
  const random = seededRandom(20251125);
  const keys = new Set<string>();
  const tags: SeedTag[] = [];
  const add = (type: TagType, name: string) => {
    const key = foldKey(name);
    if (keys.has(key)) return false;
    keys.add(key);
    tags.push({ type, name });
    return true;
  };
  const fandoms: string[] = [];
  const person = () => `${pick(random, FIRST)} ${pick(random, LAST)}`;
  const counted = (type: TagType, share: number, make: () => string) => {
    const target = tags.length + Math.round(total * share);
    for (let attempt = 0; tags.length < target && attempt < total * 20; attempt++) add(type, make());
  };
  counted('fandom', 0.04, () => {
    const name = random() < 0.5 ? `The ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}` : `${pick(random, NOUNS)} of ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}`;
    const numbered = random() < 0.6 ? `${name} ${1 + Math.floor(random() * 9)}` : name;
    fandoms.push(numbered);
    return numbered;
  });
  counted('character', 0.48, () => (random() < 0.3 ? person() : `${person()} (${pick(random, fandoms)})`));
  counted('relationship', 0.32, () => `${person()}${random() < 0.7 ? '/' : ' & '}${person()}${random() < 0.4 ? ` (${pick(random, fandoms)})` : ''}`);
  counted('freeform', 0.16, () => {
    const roll = random();
    if (roll < 0.3) return `${pick(random, FREEFORMS)} - ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}`;
    if (roll < 0.6) return `${pick(random, FIRST)} Needs a ${pick(random, NOUNS)}`;
    return `${pick(random, FREEFORMS)} ${pick(random, NOUNS)} ${1 + Math.floor(random() * 99)}`;
  });
  return tags;
}

/** Writes the tags, their words, and canonical / synonym / unwrangleable marks (45% / 11% / 1%). */
async function seedOwnTags(db: Kysely<Database>, count: number): Promise<number> {
  const random = seededRandom(7);
  const tags = makeTags(count);
  const canonicalOf = new Map<TagType, number[]>();
  for (let i = 0; i < tags.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      const rows = tags.slice(i, i + 500).map((t) => {
        const canonical: 0 | 1 = random() < 0.45 ? 1 : 0;
        const unwrangleable: 0 | 1 = canonical === 0 && random() < 0.02 ? 1 : 0;
        return { type: t.type, name: t.name, name_key: foldKey(t.name), canonical, merger_id: null, unwrangleable, created_at: '2025-01-01T00:00:00.000Z' };
      });
      const inserted = await trx.insertInto('tags').values(rows).returning(['id', 'name', 'type', 'canonical']).execute();
      const words = inserted.flatMap((t) => tagWords(t.name).map((word) => ({ word, tag_id: t.id })));
      for (let j = 0; j < words.length; j += 1000) await trx.insertInto('tag_words').values(words.slice(j, j + 1000)).execute();
      for (const t of inserted) {
        const list = canonicalOf.get(t.type) ?? [];
        if (t.canonical === 1) list.push(t.id);
        else if (list.length > 0 && random() < 0.2) await trx.updateTable('tags').set({ merger_id: pick(random, list) }).where('id', '=', t.id).execute();
        canonicalOf.set(t.type, list);
      }
    });
  }
  return tags.length;
}

type Source = { url: string; label: string; cleanup: () => Promise<void> };

/** The corpus when bench:corpus has built it for this database, otherwise our own tags in a scratch database. */
async function chooseSource(options: Options): Promise<Source> {
  if (!options.own) {
    const { url, file } = corpusLocation({ database: options.database, works: options.works, seed: 1, dataDir: options.dataDir, rebuild: false, help: false });
    if (options.database === 'postgres') await ensureDatabase(url);
    const handle = openDatabase(url);
    const [marker, indexed] = await Promise.all([readMarker(handle.db), hasAutocompleteIndexes(handle)]).finally(() => handle.close());
    if (marker !== null && !indexed) console.log(`the bench:corpus archive predates the autocomplete indexes of migration 003 (rebuild it with npm run bench:corpus -- --rebuild)`);
    else if (marker !== null) return { url, label: `bench:corpus archive ${file ?? url.replace(/\/\/[^@/]*@/, '//***@')}`, cleanup: () => Promise.resolve() };
    console.log(`no finished bench:corpus archive of ${options.works} works on ${options.database}; seeding ${options.tags} tags of our own`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'bindery-autocomplete-'));
  // Never DATABASE_URL: seeding starts by emptying the schema, so it only ever runs in our own scratch database.
  const url = options.database === 'sqlite' ? `sqlite:${join(dir, 'bindery.sqlite')}` : OWN_POSTGRES_URL;
  if (options.database === 'postgres') await ensureDatabase(url);
  const handle = openDatabase(url);
  try {
    if (handle.dialect === 'postgres') {
      await sql`drop schema if exists public cascade`.execute(handle.db);
      await sql`create schema public`.execute(handle.db);
    }
    await migrateToLatest(handle.db);
    const seeded = await seedOwnTags(handle.db, options.tags);
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
    return { url, label: `${seeded.toLocaleString('en-US')} tags seeded here`, cleanup: () => rm(dir, { recursive: true, force: true }) };
  } finally {
    await handle.close();
  }
}

async function describeData(handle: DatabaseHandle): Promise<string> {
  const rows = await handle.db.selectFrom('tags').select((eb) => [
    eb.fn.countAll<number>().as('tags'), eb.fn.sum<number>('canonical').as('canonical'), eb.fn.count<number>('merger_id').as('synonyms'),
  ]).where('type', 'in', SUGGESTED_TYPES).executeTakeFirstOrThrow();
  const words = await handle.db.selectFrom('tag_words').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return `${rows.tags.toLocaleString('en-US')} fandom/character/relationship/freeform tags (${rows.canonical.toLocaleString('en-US')} canonical, ` +
    `${rows.synonyms.toLocaleString('en-US')} synonyms), ${words.n.toLocaleString('en-US')} tag words`;
}

/** How the app will search for a term: sorting every match, or walking the suggestion order. */
async function planFor(handle: DatabaseHandle, term: string, type: TagType | undefined): Promise<string> {
  const query = { prefixes: parseTerm(term), types: parseSuggestType(type), limit: SUGGESTIONS_MAX, scope: GUEST_SCOPE };
  return (await findSuggestions(handle.db, query)).plan;
}

/** Whether migration 003's indexes are there: a corpus built before them would measure something else. */
async function hasAutocompleteIndexes(handle: DatabaseHandle): Promise<boolean> {
  const query = handle.dialect === 'postgres'
    ? sql`select 1 from pg_indexes where indexname = 'tags_suggest_idx' and schemaname = current_schema()`
    : sql`select 1 from sqlite_master where type = 'index' and name = 'tags_suggest_idx'`;
  return (await query.execute(handle.db)).rows.length > 0;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => value.toFixed(2).padStart(8);

type TermRun = { times: number[]; found: number; cpuMs: number };

/**
 * Wall-clock latency of each timed request, and the CPU the app process spent per request
 * meanwhile: on a busy 2-core machine the wall clock includes waiting for a core, the CPU does not.
 */
async function timeTerm(base: string, app: Child, term: string, type: TagType | undefined, options: Options): Promise<TermRun> {
  const url = `${base}/api/v1/tags/autocomplete?${new URLSearchParams(type === undefined ? { term } : { term, type }).toString()}`;
  const times: number[] = [];
  let found = 0;
  let cpuBefore = 0;
  for (let i = 0; i < options.warmup + options.runs; i++) {
    if (i === options.warmup) cpuBefore = cpuSecondsOf(app.pid);
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.json() as { tags?: unknown[] };
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
    found = body.tags?.length ?? 0;
    if (i >= options.warmup) times.push(elapsed);
  }
  return { times, found, cpuMs: (1000 * (cpuSecondsOf(app.pid) - cpuBefore)) / options.runs };
}

function classOf(term: string): string {
  return term.includes(' ') ? 'multi-word' : `${term.length} letter${term.length === 1 ? '' : 's'}`;
}

async function bench(options: Options, source: Source, children: Child[]): Promise<void> {
  const handle = openDatabase(source.url);
  const plans = new Map<string, string>();
  try {
    console.log(`Bindery autocomplete benchmark on ${handle.dialect}: ${source.label}`);
    console.log(`  ${await describeData(handle)}; ${options.runs} timed requests per term after ${options.warmup} untimed, one at a time, keep-alive`);
    console.log(`  machine: ${loadLine()} before the run (2 cores: other work moves every figure)`);
    for (const { term, type } of TERMS) plans.set(`${term}|${type ?? ''}`, await planFor(handle, term, type));
  } finally {
    await handle.close();
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bindery-autocomplete-app-'));
  const app = await startChild('app', 'app-server.ts', {
    env: { DATA_DIR: dataDir, DATABASE_URL: source.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent', PORT: String(await freePort()) },
  });
  children.push(app);
  const base = `http://127.0.0.1:${app.port}`;
  const byClass = new Map<string, TermRun[]>();
  console.log(`\n${'term'.padEnd(16)}${'type'.padEnd(14)}${'found'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'app CPU ms'.padStart(12)}  plan`);
  for (const { term, type } of TERMS) {
    const run = await timeTerm(base, app, term, type, options);
    const sorted = [...run.times].sort((a, b) => a - b);
    console.log(`${`"${term}"`.padEnd(16)}${(type ?? 'any').padEnd(14)}${String(run.found).padStart(6)}${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(sorted.at(-1) ?? NaN)}${ms(run.cpuMs).padStart(12)}  ${plans.get(`${term}|${type ?? ''}`) ?? ''}`);
    byClass.set(classOf(term), [...(byClass.get(classOf(term)) ?? []), run]);
  }
  console.log(`\n${''.padEnd(14)}${'requests'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'app CPU ms/request'.padStart(20)}`);
  for (const [key, runs] of [...byClass, ['all terms', [...byClass.values()].flat()] as const]) {
    const sorted = runs.flatMap((r) => r.times).sort((a, b) => a - b);
    const cpu = runs.reduce((sum, r) => sum + r.cpuMs, 0) / runs.length;
    console.log(`${key.padEnd(14)}${String(sorted.length).padStart(9)}${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))}${ms(cpu).padStart(20)}`);
  }
  console.log(`machine: ${loadLine()} after the run; PostgreSQL's own CPU is not in "app CPU"`);
  await rm(dataDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const children: Child[] = [];
  let source: Source | undefined;
  try {
    source = await chooseSource(options);
    await bench(options, source, children);
    return 0;
  } catch (error) {
    console.error(`bench:autocomplete failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  } finally {
    for (const child of children) await child.stop();
    await source?.cleanup();
  }
}

process.exitCode = await main();
