// `npm run bench:prompts`: a prompt meme of 10,000 prompts (tags drawn with a Zipf-like popularity
// over 400 tags, 2-5 a prompt; 40% filled), and how fast its prompts page answers through the app
// (app.inject, no socket): unfilled prompts by a common tag, a middling one, a rare one, two tags,
// all unfilled prompts at page 1 and page 100. p50/p95 of each against the 100 ms target, with the
// same page of a plain collection's profile (no prompts) measured in the same run as a reference.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { foldKey } from '../src/lib/text.js';
import { seededRandom } from './lib/corpus.js';
import { DEFAULT_POSTGRES_URL, ensureDatabase } from './lib/postgres.js';
import { codeVersion, loadLine } from './lib/report.js';

const USAGE = `usage: npm run bench:prompts -- [--prompts N] [--database sqlite|postgres] [--runs N]
  --prompts N   prompts in the meme (default 10000)
  --database    sqlite (a scratch file) or postgres (the database bindery_prompts, emptied first)
  --runs N      timed requests per page (default 40, after 5 untimed)`;

const TAGS = 400;

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { prompts: { type: 'string', default: '10000' }, database: { type: 'string', default: 'sqlite' }, runs: { type: 'string', default: '40' }, help: { type: 'boolean', default: false } } }));
  } catch (error) { console.error(`${(error as Error).message}\n${USAGE}`); return 2; }
  if (values.help) { console.log(USAGE); return 0; }
  const prompts = Number(values.prompts);
  const runs = Number(values.runs);
  if (!Number.isInteger(prompts) || prompts < 1 || !Number.isInteger(runs) || runs < 1 || (values.database !== 'sqlite' && values.database !== 'postgres')) { console.error(USAGE); return 2; }
  const dir = await mkdtemp(join(tmpdir(), 'bindery-prompts-'));
  const url = values.database === 'sqlite' ? `sqlite:${join(dir, 'bindery.sqlite')}` : DEFAULT_POSTGRES_URL.replace('bindery_bench', 'bindery_prompts');
  if (values.database === 'postgres') await ensureDatabase(url);
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', EBOOK_CONVERT: 'off', DATABASE_URL: url }, { persist: false });
  const handle = openDatabase(url);
  try {
    const { db } = handle;
    if (values.database === 'postgres') {
      await sql`drop schema public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    }
    await migrateToLatest(db);
    const now = new Date().toISOString();
    const owner = await db.insertInto('users').values({ login: 'owner', login_key: 'owner', email: 'o@example.org', email_key: 'o@example.org', password_hash: 'bench$none', is_admin: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const meme = await db.insertInto('collections').values({ name: 'bench_meme', name_key: 'bench_meme', title: 'Bench Meme', challenge: 'prompt_meme', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('collections').values({ name: 'bench_plain', name_key: 'bench_plain', title: 'Bench Plain', created_at: now, updated_at: now }).execute();
    const random = seededRandom(5);
    const zipf = () => { let u = random() * (Math.log(TAGS) + 0.5772); for (let r = 1; r <= TAGS; r++) { u -= 1 / r; if (u <= 0) return r - 1; } return TAGS - 1; };
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < prompts; start += 500) {
        const rows = Array.from({ length: Math.min(500, prompts - start) }, (_, i) => ({
          collection_id: meme.id, user_id: owner.id, anonymous: 0 as const, title: `Prompt ${start + i + 1}`, description: 'A lighthouse, a storm, and two people who must share one lamp.',
          filled: random() < 0.4 ? 1 as const : 0 as const, created_at: now,
        }));
        const ids = (await trx.insertInto('prompts').values(rows).returning('id').execute()).map((r) => r.id);
        const tags = ids.flatMap((id) => [...new Set(Array.from({ length: 2 + Math.floor(random() * 4) }, zipf))].map((t) => ({ prompt_id: id, name: `Tag ${t + 1}`, name_key: foldKey(`Tag ${t + 1}`) })));
        for (let i = 0; i < tags.length; i += 500) await trx.insertInto('prompt_tags').values(tags.slice(i, i + 500)).execute();
      }
    });
    await sql`analyze`.execute(db);
    const seeded = (performance.now() - started) / 1000;
    const count = async (tag: string) => Number((await db.selectFrom('prompt_tags').select((eb) => eb.fn.countAll<number | string>().as('n')).where('name_key', '=', foldKey(tag)).executeTakeFirstOrThrow()).n);
    const app = await buildApp(config, db, { logger: false });
    const pages: Array<{ label: string; path: string }> = [
      { label: 'reference: a plain collection’s page (no prompts)', path: '/collections/bench_plain' },
      { label: `unfilled, tag "Tag 1" (${await count('Tag 1')} prompts carry it)`, path: '/collections/bench_meme/prompts?status=unfilled&tags=Tag%201' },
      { label: `unfilled, tag "Tag 20" (${await count('Tag 20')})`, path: '/collections/bench_meme/prompts?status=unfilled&tags=Tag%2020' },
      { label: `unfilled, tag "Tag 350" (${await count('Tag 350')})`, path: '/collections/bench_meme/prompts?status=unfilled&tags=Tag%20350' },
      { label: 'unfilled, tags "Tag 1" and "Tag 2"', path: '/collections/bench_meme/prompts?status=unfilled&tags=Tag%201,Tag%202' },
      { label: 'unfilled, page 1', path: '/collections/bench_meme/prompts?status=unfilled' },
      { label: 'unfilled, page 100', path: '/collections/bench_meme/prompts?status=unfilled&page=100' },
    ];
    console.log(`Bindery prompts benchmark on ${values.database}: ${prompts.toLocaleString('en-US')} prompts over ${TAGS} tags (seeded in ${seeded.toFixed(1)} s); ${loadLine()}; code ${await codeVersion()}`);
    console.log(`through app.inject, one request at a time: 5 untimed then ${runs} timed per page; target p95 under 100 ms`);
    let worst = 0;
    for (const page of pages) {
      const samples: number[] = [];
      for (let i = 0; i < 5 + runs; i++) {
        const t = performance.now();
        const response = await app.inject({ method: 'GET', url: page.path });
        if (response.statusCode !== 200) throw new Error(`${page.path}: ${response.statusCode}`);
        if (i >= 5) samples.push(performance.now() - t);
      }
      const p95 = percentile(samples, 0.95);
      if (!page.label.startsWith('reference')) worst = Math.max(worst, p95);
      console.log(`  ${page.label.padEnd(52)} p50 ${percentile(samples, 0.5).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`);
    }
    console.log(`worst p95 ${worst.toFixed(1)} ms: ${worst < 100 ? 'PASS' : 'FAIL'}`);
    await app.close();
    return 0;
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
