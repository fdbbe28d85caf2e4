// The search code bench:search measures, and its index on the corpus: finds the app's rawSearch
// and `reindex` command (with a clear message while they do not exist), rebuilds the index with
// the command in a child process, and measures what the index takes on disk.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import type { Corpus } from './corpus-build.js';

/** The raw full-text query the app exports for this benchmark: the best 20 work ids, nothing else. */
export type RawSearch = (db: Kysely<Database>, query: string) => Promise<number[]>;

export type IndexTable = { name: string; bytes: number };

export type IndexReport = {
  /** Seconds the reindex command took, or null when the index already there was kept. */
  seconds: number | null;
  /** PostgreSQL: seconds of the VACUUM ANALYZE run afterwards, as autovacuum would; SQLite: the WAL checkpoint. */
  settleSeconds: number;
  tables: IndexTable[];
  /** SQLite: the database file (with its WAL) before and after the reindex. */
  fileBefore: number | null; fileAfter: number | null;
};

/** Why the benchmark cannot run yet. */
export class SearchCodeMissing extends Error {}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICE = 'src/search/search.service.ts';

/** Loads `rawSearch` from the app's search service; throws SearchCodeMissing when it is not there yet. */
export async function loadRawSearch(): Promise<RawSearch> {
  const file = `${ROOT}${SERVICE}`;
  if (!existsSync(file)) throw new SearchCodeMissing(`${SERVICE} does not exist yet: bench:search measures the app's search, which has not landed.`);
  let service: { rawSearch?: unknown };
  try {
    service = (await import(pathToFileURL(file).href)) as { rawSearch?: unknown };
  } catch (error) {
    throw new SearchCodeMissing(`${SERVICE} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof service.rawSearch !== 'function') throw new SearchCodeMissing(`${SERVICE} does not export rawSearch(db, query) yet.`);
  return service.rawSearch as RawSearch;
}

function run(command: string, args: string[], env: Record<string, string>, capture: boolean): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** Throws SearchCodeMissing unless `npm run bindery -- help` lists a reindex command. */
export async function requireReindexCommand(): Promise<void> {
  const { stdout } = await run('npm', ['run', '--silent', 'bindery', '--', 'help'], {}, true);
  if (!/^\s*reindex\b/m.test(stdout)) throw new SearchCodeMissing('`npm run bindery -- reindex` does not exist yet (it is not in `npm run bindery -- help`).');
}

async function fileBytes(file: string | null): Promise<number | null> {
  if (file === null) return null;
  let total = 0;
  for (const path of [file, `${file}-wal`]) total += await stat(path).then((s) => s.size, () => 0);
  return total;
}

/** Bytes of every table and index whose name starts with `search_` (FTS5's shadow tables included). */
async function searchTables(handle: DatabaseHandle): Promise<IndexTable[]> {
  if (handle.dialect === 'postgres') {
    const { rows } = await sql<IndexTable>`
      select c.relname as name, pg_total_relation_size(c.oid)::bigint as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname like 'search\\_%' and c.relkind in ('r', 'p', 'm') order by c.relname`.execute(handle.db);
    return rows;
  }
  const { rows: names } = await sql<{ name: string }>`
    select name from sqlite_schema where type in ('table', 'index') and tbl_name like 'search\\_%' escape '\\' and rootpage > 0 order by name`.execute(handle.db);
  const tables: IndexTable[] = [];
  for (const { name } of names) {
    const { rows } = await sql<{ bytes: number | null }>`select sum(pgsize) as bytes from dbstat where name = ${name}`.execute(handle.db);
    tables.push({ name, bytes: rows[0]?.bytes ?? 0 });
  }
  return tables;
}

async function settle(handle: DatabaseHandle): Promise<number> {
  const started = performance.now();
  if (handle.dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  else for (const table of await searchTables(handle)) await sql`vacuum analyze ${sql.table(table.name)}`.execute(handle.db);
  return (performance.now() - started) / 1000;
}

/** Rebuilds the index with `npm run bindery -- reindex` on the corpus (its progress shown), and measures it. */
export async function rebuildIndex(corpus: Corpus, dataDir: string, log: (line: string) => void): Promise<IndexReport> {
  const fileBefore = await fileBytes(corpus.file);
  log(`rebuilding the search index: npm run bindery -- reindex (DATABASE_URL=${corpus.file !== null ? corpus.url : corpus.url.replace(/\/\/[^@/]*@/, '//***@')})`);
  const started = performance.now();
  const { code } = await run('npm', ['run', '--silent', 'bindery', '--', 'reindex'], { DATABASE_URL: corpus.url, DATA_DIR: dataDir }, false);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  if (code !== 0) throw new Error(`npm run bindery -- reindex failed with exit code ${code}`);
  const handle = openDatabase(corpus.url);
  try {
    const settleSeconds = await settle(handle);
    return { seconds, settleSeconds, tables: await searchTables(handle), fileBefore, fileAfter: await fileBytes(corpus.file) };
  } finally {
    await handle.close();
  }
}

/** The index already in the corpus, measured; throws when there is none. */
export async function existingIndex(corpus: Corpus): Promise<IndexReport> {
  const handle = openDatabase(corpus.url);
  try {
    const tables = await searchTables(handle);
    if (tables.reduce((sum, t) => sum + t.bytes, 0) === 0) throw new Error('the corpus has no search index yet; run without --no-reindex');
    const bytes = await fileBytes(corpus.file);
    return { seconds: null, settleSeconds: 0, tables, fileBefore: bytes, fileAfter: bytes };
  } finally {
    await handle.close();
  }
}
