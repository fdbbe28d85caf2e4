// Command-line flags of `bench:corpus`, `bench:listings` and `bench:search`, with defaults, checked before anything starts.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { whole } from './options.js';

export type Database = 'sqlite' | 'postgres';

export type CorpusOptions = { database: Database; works: number; seed: number; dataDir: string; rebuild: boolean; help: boolean };

export type ListingOptions = CorpusOptions & { databases: Database[]; runs: number; warmup: number; plans: boolean };

export type SearchOptions = CorpusOptions & { databases: Database[]; runs: number; warmup: number; reindex: boolean; sample: number | null };

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../out/', import.meta.url));

const CORPUS_FLAGS = `  --works N                   works in the archive (default 100000)
  --seed N                    the same seed makes the same archive (default 1)
  --data-dir DIR              folder for the SQLite file corpus-<works>.sqlite (default bench/out)
  --rebuild                   make the corpus again even if one with these parameters exists`;

export const CORPUS_USAGE = `usage: npm run bench:corpus -- [options]
  --database sqlite|postgres  where to write it (default sqlite; postgres reads DATABASE_URL,
                              default postgres://root@localhost/bindery_corpus?host=/var/run/postgresql)
${CORPUS_FLAGS}
  --help                      print this`;

export const LISTING_USAGE = `usage: npm run bench:listings -- [options]
  --database sqlite|postgres|both  which database the app runs on (default sqlite)
${CORPUS_FLAGS}
  --runs N                    timed requests per address (default 30)
  --warmup N                  untimed requests per address first (default 3)
  --no-plans                  skip the query log and plans pass
  --help                      print this`;

export const SEARCH_USAGE = `usage: npm run bench:search -- [options]
  --database sqlite|postgres|both  which database to index and search (default sqlite)
${CORPUS_FLAGS}
  --runs N                    timed runs of each query, over HTTP and raw (default 5)
  --warmup N                  untimed passes over all the queries first, the first also checking each answer (default 1)
  --no-reindex                keep the search index already in the corpus (default: rebuild and time it)
  --sample N                  run N of the 200 queries, spread evenly over the mix (every class keeps its share; default all)
  --help                      print this`;

const COMMON = {
  database: { type: 'string', default: 'sqlite' }, works: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' },
  'data-dir': { type: 'string' }, rebuild: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
} as const;

function databasesOf(value: string): Database[] {
  const databases: Database[] = value === 'both' ? ['sqlite', 'postgres'] : value === 'sqlite' || value === 'postgres' ? [value] : [];
  if (databases.length === 0) throw new Error(`--database must be sqlite, postgres or both, got "${value}"`);
  return databases;
}

function corpusOptions(values: { database: string; works: string; seed: string; 'data-dir'?: string; rebuild: boolean; help: boolean }, database: Database): CorpusOptions {
  return {
    database, works: whole('works', values.works, 1), seed: whole('seed', values.seed, 0),
    dataDir: values['data-dir'] !== undefined ? resolve(values['data-dir']) : DEFAULT_DATA_DIR, rebuild: values.rebuild, help: values.help,
  };
}

/** Flags of `bench:corpus`; throws with a message naming the bad one. */
export function parseCorpusOptions(argv: string[]): CorpusOptions {
  const { values } = parseArgs({ args: argv, options: COMMON });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  return corpusOptions(values, values.database);
}

/** Flags of `bench:listings`; throws with a message naming the bad one. */
export function parseListingOptions(argv: string[]): ListingOptions {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON, runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' }, 'no-plans': { type: 'boolean', default: false } },
  });
  const databases = databasesOf(values.database);
  return {
    ...corpusOptions(values, databases[0] ?? 'sqlite'), databases,
    runs: whole('runs', values.runs, 1), warmup: whole('warmup', values.warmup, 0), plans: !values['no-plans'],
  };
}

/** Flags of `bench:search`; throws with a message naming the bad one. */
export function parseSearchOptions(argv: string[]): SearchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON, runs: { type: 'string', default: '5' }, warmup: { type: 'string', default: '1' }, 'no-reindex': { type: 'boolean', default: false }, sample: { type: 'string' } },
  });
  const databases = databasesOf(values.database);
  return {
    ...corpusOptions(values, databases[0] ?? 'sqlite'), databases,
    runs: whole('runs', values.runs, 1), warmup: whole('warmup', values.warmup, 1), reindex: !values['no-reindex'],
    sample: values.sample === undefined ? null : whole('sample', values.sample, 1),
  };
}
