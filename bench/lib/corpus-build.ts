// Builds the synthetic archive (or finds it already built with the same parameters): migrate,
// make the tags and writers, then the works in batches, each batch one transaction.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Dialect } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { hashPassword } from '../../src/lib/secrets.js';
import { makeFandoms } from './archive-fandoms.js';
import { makeFreeforms } from './archive-freeforms.js';
import { makePeople } from './archive-people.js';
import { fixedTagsFrom, TagRegistry } from './archive-registry.js';
import { afterLoad, databaseBytes, insertRows, insertTags, readMarker, resetPostgresSchema, writeMarker, type CorpusParams } from './archive-store.js';
import type { Universe } from './archive-work-tags.js';
import { makeWork, type GeneratedWork } from './archive-works.js';
import type { CorpusOptions } from './corpus-options.js';
import { summarise, summaryLines, type CorpusSummary } from './corpus-summary.js';
import { DEFAULT_CORPUS_POSTGRES_URL, ensureDatabase } from './postgres.js';
import { streamOf } from './sampling.js';

/** Bump when the generator changes what it makes, so corpora made by older code are rebuilt. */
const GENERATOR_VERSION = 1;
const BATCH = 2000;
/** Tags made before the first work was posted carry this time. */
const TAGS_CREATED_AT = '2015-12-31T00:00:00.000Z';

export type Corpus = { url: string; dialect: Dialect; file: string | null; params: CorpusParams; built: boolean; summary: CorpusSummary };

type Log = (line: string) => void;

/** Where the corpus lives: a SQLite file named after its size, or the PostgreSQL database of DATABASE_URL. */
export function corpusLocation(options: CorpusOptions): { url: string; file: string | null } {
  if (options.database === 'postgres') return { url: process.env.DATABASE_URL ?? DEFAULT_CORPUS_POSTGRES_URL, file: null };
  const file = join(options.dataDir, `corpus-${options.works}.sqlite`);
  return { url: `sqlite:${file}`, file };
}

async function makeUniverse(db: Kysely<Database>, seed: number): Promise<Universe> {
  const fixedRows = await db.selectFrom('tags').select(['id', 'type', 'name']).orderBy('id').execute();
  const registry = new TagRegistry(fixedRows, Math.max(0, ...fixedRows.map((r) => r.id)) + 1);
  const fandoms = makeFandoms(streamOf(seed, 0, 0), registry);
  const freeforms = makeFreeforms(streamOf(seed, 0, 1), registry);
  // One scrypt hash for every writer: hashing 2,000 passwords would take longer than the rest.
  const people = makePeople(streamOf(seed, 0, 2), await hashPassword('harbour lantern oilcan gull'), (random) => fandoms.zipf.draw(random));
  return { registry, fixed: fixedTagsFrom(fixedRows), fandoms, freeforms, people };
}

async function writeUniverse(db: Kysely<Database>, universe: Universe): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertTags(trx, universe.registry.drain(), TAGS_CREATED_AT);
    await insertRows(trx, 'tag_parents', universe.fandoms.parents.map(([parent_id, child_id]) => ({ parent_id, child_id })));
    await insertRows(trx, 'meta_tags', universe.fandoms.metas.map(([meta_id, sub_id]) => ({ meta_id, sub_id })));
    await insertRows(trx, 'users', universe.people.users);
    await insertRows(trx, 'pseuds', universe.people.pseuds);
  });
}

async function writeWorks(db: Kysely<Database>, universe: Universe, params: CorpusParams, log: Log): Promise<void> {
  const started = performance.now();
  for (let first = 1; first <= params.works; first += BATCH) {
    const batch: GeneratedWork[] = [];
    for (let index = first; index < first + BATCH && index <= params.works; index++) batch.push(makeWork(universe, params.seed, index));
    await db.transaction().execute(async (trx) => {
      // Writers' one-off tags were made with the works; they were created when first used.
      await insertTags(trx, universe.registry.drain(), TAGS_CREATED_AT);
      await insertRows(trx, 'works', batch.map((w) => w.work));
      await insertRows(trx, 'work_creators', batch.flatMap((w) => w.creators));
      await insertRows(trx, 'chapters', batch.map((w) => w.chapter));
      await insertRows(trx, 'work_tags', batch.flatMap((w) => w.tags));
    });
    const done = Math.min(params.works, first + BATCH - 1);
    const seconds = (performance.now() - started) / 1000;
    if (done === params.works || done % (BATCH * 5) === 0) log(`  works ${done.toLocaleString('en-US')}/${params.works.toLocaleString('en-US')} in ${seconds.toFixed(1)} s`);
  }
}

async function build(url: string, file: string | null, params: CorpusParams, log: Log): Promise<CorpusSummary> {
  const started = performance.now();
  if (file !== null) for (const path of [file, `${file}-wal`, `${file}-shm`]) await rm(path, { force: true });
  const handle = openDatabase(url);
  try {
    if (handle.dialect === 'postgres') await resetPostgresSchema(handle.db);
    else await sql`pragma cache_size = -262144`.execute(handle.db);
    await migrateToLatest(handle.db);
    const universe = await makeUniverse(handle.db, params.seed);
    await writeUniverse(handle.db, universe);
    log(`  ${universe.registry.all.length.toLocaleString('en-US')} tags and ${universe.people.users.length.toLocaleString('en-US')} writers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await writeWorks(handle.db, universe, params, log);
    await afterLoad(handle.db, handle.dialect);
    const summary = await summarise(handle.db, await databaseBytes(handle.db, handle.dialect, file), (performance.now() - started) / 1000);
    await writeMarker(handle.db, params, summary);
    return summary;
  } finally {
    await handle.close();
  }
}

/** The corpus for these options: reused when a finished one with the same parameters exists, otherwise (re)built. */
export async function ensureCorpus(options: CorpusOptions, log: Log = console.log): Promise<Corpus> {
  const { url, file } = corpusLocation(options);
  const params: CorpusParams = { generator: GENERATOR_VERSION, works: options.works, seed: options.seed };
  if (options.database === 'postgres') await ensureDatabase(url);
  const handle = openDatabase(url);
  const marker = await readMarker(handle.db).finally(() => handle.close());
  const same = marker !== null && JSON.stringify(marker.params) === JSON.stringify(params);
  if (same && !options.rebuild) return { url, dialect: handle.dialect, file, params, built: false, summary: marker.summary as CorpusSummary };
  log(`building the ${options.database} corpus: ${options.works.toLocaleString('en-US')} works, seed ${options.seed}${file !== null ? `, ${file}` : ''}`);
  const summary = await build(url, file, params, log);
  for (const line of summaryLines(summary)) log(`  ${line}`);
  return { url, dialect: handle.dialect, file, params, built: true, summary };
}
