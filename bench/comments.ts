// `npm run bench:comments`: how fast a work's comments read when it has 10,000 of them. Seeds one
// work with members' and guests' comments in threads (one 50 levels deep), runs the app in a child
// process, times its pages of comments one request at a time against the cached work page, walks
// the deep thread through its "Continue thread" links, and prints the figures and the targets.
import { THREADS_PER_PAGE } from '../src/feedback/comment-threads.service.js';
import { freePort, startChild, type Child } from './lib/children.js';
import { postmasterPid } from './lib/comments-cpu.js';
import { guestCookie, pageShape, timeAddresses, walkDeepThread, type Address } from './lib/comments-measure.js';
import { COMMENTS_USAGE, parseCommentsOptions, type CommentsOptions } from './lib/comments-options.js';
import { printCommentsReport } from './lib/comments-report.js';
import { seedComments, type CommentsSeed } from './lib/comments-seed.js';
import { runBench } from './lib/run-bench.js';
import { appEnvironment } from './lib/postgres.js';
import { codeVersion, loadLine } from './lib/report.js';

/** The four addresses: the first page of threads alone and under the work, a later page, and the work page alone (the reference). */
function addressesOf(seed: CommentsSeed, options: CommentsOptions): Address[] {
  const work = `/works/${seed.work.workId}`;
  const laterPage = Math.min(50, Math.ceil(options.threads / THREADS_PER_PAGE));
  const address = (key: string, path: string, threads: number, mustHold: string | undefined) => ({ key, label: `${key} GET ${path}`, path, threads, mustHold });
  return [
    address('(a)', `${work}/comments`, THREADS_PER_PAGE, `id="comment_${seed.deepIds[0] ?? 0}"`),
    address('(b)', `${work}?show_comments=true`, THREADS_PER_PAGE, 'Chapter Text'),
    address('(c)', `${work}/comments?page=${laterPage}`, Math.min(THREADS_PER_PAGE, options.threads - (laterPage - 1) * THREADS_PER_PAGE), undefined),
    // Its "Comments (N)" link shows the count the seed set.
    address('(d)', work, 0, `class="comments-count">${seed.comments.toLocaleString('en-US')}</span>`),
  ];
}

async function bench(options: CommentsOptions, dataDir: string, children: Child[]): Promise<void> {
  const env = await appEnvironment(options.database, dataDir);
  const seed = await seedComments(env, { comments: options.comments, threads: options.threads, members: options.members, deepLevels: options.levels, seed: options.seed });
  const app = await startChild('app', 'app-server.ts', { env: { ...env, PORT: String(await freePort()) } });
  children.push(app);
  const base = `http://127.0.0.1:${app.port}`;
  const addresses = addressesOf(seed, options);
  // A reader who opens the comments has usually read the work first: they send its cookie back.
  const cookie = await guestCookie(base, `/works/${seed.work.workId}`);
  const pagesOfThreads = addresses.filter((a) => a.threads > 0);
  const shapes = await Promise.all(pagesOfThreads.map(async (a) => ({ label: `${a.key} page`, shape: await pageShape(base, a.path, cookie) })));
  pagesOfThreads.forEach((a, i) => {
    const found = shapes[i]?.shape.threads;
    if (found !== a.threads) throw new Error(`GET ${a.path} shows ${String(found)} threads at the first level, expected ${a.threads}`);
  });
  const machine = loadLine();
  const postmaster = options.database === 'postgres' && env.DATABASE_URL !== undefined ? await postmasterPid(env.DATABASE_URL) : null;
  const { timings, shares } = await timeAddresses({ base, pid: app.pid, postmaster }, addresses, cookie, options.warmup, options.requests);
  const deep = await walkDeepThread(base, seed.deepIds, cookie);
  printCommentsReport({
    dialect: seed.work.dialect, seed,
    setup: [
      `requests: one at a time as a returning guest, over keep-alive; the four addresses taken in turn, ${options.warmup} unmeasured rounds then ${options.requests} measured`,
      `(d) is answered from the app's page cache for guests after its first request; the others are rendered for each request`,
      `machine: ${machine} before the run; code: ${await codeVersion()}`,
    ],
    addresses: addresses.flatMap((address, i) => { const timing = timings[i]; return timing === undefined ? [] : [{ address, timing }]; }),
    targeted: [0, 1], withComments: 1, reference: 3, shapes, deep, shares,
  });
}

process.exitCode = await runBench({ name: 'bench:comments', usage: COMMENTS_USAGE, parse: parseCommentsOptions, needsWrk: false, run: bench });
