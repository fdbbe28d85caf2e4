// Builds the synthetic archive (or finds it already built with the same parameters): migrate,
// then write what a worker thread generates (tags and writers, then the works with their chapters
// in batches, each batch one transaction), check it, and mark it finished.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Dialect } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { hashPassword } from '../../src/lib/secrets.js';
import { afterLoad, databaseBytes, insertRows, insertTags, readMarker, resetPostgresSchema, writeMarker, type CorpusParams } from './archive-store.js';
import { checkCorpus, checkLines } from './corpus-check.js';
import type { CorpusOptions } from './corpus-options.js';
import { WorkSource } from './corpus-source.js';
import { summarise, summaryLines, type CorpusSummary, type TextStats } from './corpus-summary.js';
import type { BatchMessage, UniverseMessage } from './corpus-worker.js';
import { DEFAULT_CORPUS_POSTGRES_URL, ensureDatabase } from './postgres.js';

/** Bump when the generator changes what it makes, so corpora made by older code are rebuilt. */
const GENERATOR_VERSION = 2;
/** Works per batch: one transaction, about 20 MB of story text. */
const BATCH = 1000;
/** Print progress every this many works (and at the end). */
const PROGRESS_EVERY = 10_000;
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

async function writeUniverse(db: Kysely<Database>, universe: UniverseMessage): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertTags(trx, universe.tags, TAGS_CREATED_AT);
    await insertRows(trx, 'tag_parents', universe.parents.map(([parent_id, child_id]) => ({ parent_id, child_id })));
    await insertRows(trx, 'meta_tags', universe.metas.map(([meta_id, sub_id]) => ({ meta_id, sub_id })));
    await insertRows(trx, 'users', universe.users);
    await insertRows(trx, 'pseuds', universe.pseuds);
  });
}

async function writeBatch(db: Kysely<Database>, batch: BatchMessage): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Writers' one-off tags were made with the works; they were created when first used.
    await insertTags(trx, batch.tags, TAGS_CREATED_AT);
    await insertRows(trx, 'works', batch.works);
    await insertRows(trx, 'work_creators', batch.creators);
    await insertRows(trx, 'chapters', batch.chapters);
    await insertRows(trx, 'work_tags', batch.workTags);
  });
}

const mb = (bytes: number) => bytes / 1e6;

function progressLine(done: number, total: number, text: TextStats, waitMs: number, writeMs: number, generateMs: number): string {
  const seconds = (performance.now() - text.startedAt) / 1000;
  return `  works ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}: ${(text.words / 1e6).toFixed(1)} M words, ` +
    `${mb(text.bytes).toFixed(0)} MB of chapter text in ${seconds.toFixed(1)} s = ${(mb(text.bytes) / seconds).toFixed(1)} MB/s ` +
    `(worker generating ${(generateMs / 1000).toFixed(1)} s; main thread writing ${(writeMs / 1000).toFixed(1)} s, waiting for the worker ${(waitMs / 1000).toFixed(1)} s)`;
}

/** Streams the works from the worker into the database, one transaction a batch; returns what was written. */
async function writeWorks(db: Kysely<Database>, source: WorkSource, works: number, log: Log): Promise<TextStats> {
  const text: TextStats = { chapters: 0, words: 0, bytes: 0, seconds: 0, startedAt: performance.now() };
  let waitMs = 0;
  let writeMs = 0;
  let generateMs = 0;
  for (;;) {
    const asked = performance.now();
    const batch = await source.next();
    const got = performance.now();
    waitMs += got - asked;
    if (batch === null) break;
    await writeBatch(db, batch);
    writeMs += performance.now() - got;
    generateMs += batch.ms;
    text.chapters += batch.chapters.length;
    text.words += batch.words;
    text.bytes += batch.textBytes;
    if (batch.last === works || Math.floor(batch.last / PROGRESS_EVERY) > Math.floor((batch.first - 1) / PROGRESS_EVERY)) log(progressLine(batch.last, works, text, waitMs, writeMs, generateMs));
  }
  text.seconds = (performance.now() - text.startedAt) / 1000;
  return text;
}

/** SQLite: no journal and no syncs while loading (an interrupted build is made again anyway); WAL again after. */
async function loadingMode(db: Kysely<Database>, dialect: Dialect, on: boolean): Promise<void> {
  if (dialect !== 'sqlite') return;
  if (on) {
    await sql`pragma journal_mode = memory`.execute(db);
    await sql`pragma synchronous = off`.execute(db);
  } else {
    await sql`pragma journal_mode = wal`.execute(db);
    await sql`pragma synchronous = normal`.execute(db);
  }
}

async function build(url: string, file: string | null, params: CorpusParams, log: Log): Promise<CorpusSummary> {
  const started = performance.now();
  if (file !== null) for (const path of [file, `${file}-wal`, `${file}-shm`]) await rm(path, { force: true });
  let handle = openDatabase(url);
  try {
    if (handle.dialect === 'postgres') await resetPostgresSchema(handle.db);
    else await sql`pragma cache_size = -262144`.execute(handle.db);
    await migrateToLatest(handle.db);
    await loadingMode(handle.db, handle.dialect, true);
    const fixedRows = await handle.db.selectFrom('tags').select(['id', 'type', 'name']).orderBy('id').execute();
    // One scrypt hash for every writer: hashing 2,000 passwords would take longer than the rest.
    const passwordHash = await hashPassword('harbour lantern oilcan gull');
    const source = new WorkSource({ seed: params.seed, works: params.works, batch: BATCH, fixedRows, passwordHash });
    let text: TextStats;
    try {
      const universe = await source.universe();
      await writeUniverse(handle.db, universe);
      log(`  ${universe.tags.length.toLocaleString('en-US')} tags and ${universe.users.length.toLocaleString('en-US')} writers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      text = await writeWorks(handle.db, source, params.works, log);
    } finally {
      await source.close();
    }
    await loadingMode(handle.db, handle.dialect, false);
    if (handle.dialect === 'sqlite') {
      // On the connection that switched journal modes, SQLite refuses the checkpoint ("database
      // table is locked"): a fresh connection, as the app will open, does it.
      await handle.close();
      handle = openDatabase(url);
    }
    await afterLoad(handle.db, handle.dialect);
    const summary = await summarise(handle.db, await databaseBytes(handle.db, handle.dialect, file), (performance.now() - started) / 1000, text);
    const check = await checkCorpus(handle.db);
    for (const line of checkLines(check)) log(`  ${line}`);
    if (!check.ok) throw new Error('the corpus failed its checks (above); it is left without its marker, so the next run builds it again');
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
  // A corpus built before a later migration gets its new tables before anything reads it.
  const marker = await readMarker(handle.db).then(async (found) => {
    if (found !== null) await migrateToLatest(handle.db);
    return found;
  }).finally(() => handle.close());
  const same = marker !== null && JSON.stringify(marker.params) === JSON.stringify(params);
  if (same && !options.rebuild) return { url, dialect: handle.dialect, file, params, built: false, summary: marker.summary as CorpusSummary };
  log(`building the ${options.database} corpus: ${options.works.toLocaleString('en-US')} works, seed ${options.seed}${file !== null ? `, ${file}` : ''}`);
  const summary = await build(url, file, params, log);
  for (const line of summaryLines(summary)) log(`  ${line}`);
  return { url, dialect: handle.dialect, file, params, built: true, summary };
}
