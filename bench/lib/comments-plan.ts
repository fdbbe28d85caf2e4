// The shape of bench:comments's comments, decided before any row is written: threads started over
// a year, a few threads drawing most replies (Zipf), replies that answer the latest comment (so
// conversations form chains), the first comment or any earlier one, and one thread a given number
// of levels deep. Everything comes from one seed, so every run and machine gets the same tree.
import { NAMES } from './corpus-words.js';
import { between, logNormal, pick, shuffled, streamOf, Zipf } from './sampling.js';
import type { Random } from './corpus.js';

export type PlanOptions = { comments: number; threads: number; members: number; deepLevels: number; seed: number };

/**
 * One comment, at its place in time order (its id will be the table's next ids in this order);
 * `parent` and `thread` are such places too; `author` is a member's index, or null for a guest.
 */
export type PlannedComment = {
  parent: number | null; thread: number; depth: number; minutesAgo: number;
  author: number | null; guestName: string; words: number; seed: number;
};

export type CommentPlan = { comments: PlannedComment[]; deepThread: number[] };

type Draft = { at: number; parent: Draft | null; root: Draft | null; depth: number; place: number; author: number | null; guestName: string; words: number };

const MINUTES_A_YEAR = 365 * 24 * 60;
/** Where the deep thread starts among the threads by age: on the first page, where most readers meet it. */
const DEEP_THREAD_RANK = 6;

function draft(random: Random, members: Zipf, at: number, parent: Draft | null): Draft {
  const guest = random() < 0.15;
  return {
    at, parent, root: parent === null ? null : parent.root ?? parent, depth: parent === null ? 0 : parent.depth + 1, place: -1,
    author: guest ? null : members.draw(random), guestName: guest ? `${pick(random, NAMES)} ${between(random, 1, 99)}` : '',
    words: Math.min(200, Math.max(20, Math.round(logNormal(random, 55, 0.7)))),
  };
}

/** A reply answers the latest comment in its thread (a conversation), the first one, or any earlier one. */
function parentIn(random: Random, thread: Draft[]): Draft {
  const roll = random();
  const latest = thread[thread.length - 1];
  const first = thread[0];
  if (latest === undefined || first === undefined) throw new Error('a reply needs a comment to answer');
  if (roll < 0.45) return latest;
  return roll < 0.75 ? first : pick(random, thread);
}

/** How many replies each regular thread gets: `replies` in all, most threads a few, some many, some none. */
function replyCounts(random: Random, threads: number, replies: number): number[] {
  const counts = new Array<number>(threads).fill(0);
  const zipf = new Zipf(threads, 0.6, 2);
  const order = shuffled(random, Array.from({ length: threads }, (_, i) => i));
  for (let r = 0; r < replies; r++) {
    const thread = order[zipf.draw(random)] ?? 0;
    counts[thread] = (counts[thread] ?? 0) + 1;
  }
  return counts;
}

function regularThreads(random: Random, members: Zipf, starts: number[], counts: number[]): Draft[] {
  return starts.flatMap((start, t) => {
    const thread = [draft(random, members, start, null)];
    for (let k = 0; k < (counts[t] ?? 0); k++) {
      const at = (thread[thread.length - 1]?.at ?? start) + Math.max(1, logNormal(random, 90, 1.5));
      thread.push(draft(random, members, at, parentIn(random, thread)));
    }
    return thread;
  });
}

/** Each reply the child of the one before, a few minutes apart. */
function deepThread(random: Random, members: Zipf, start: number, levels: number): Draft[] {
  const thread: Draft[] = [];
  for (let level = 0; level < levels; level++) thread.push(draft(random, members, start + level * 7, thread[level - 1] ?? null));
  return thread;
}

/** The whole plan: `comments` comments in `threads` threads, one of them `deepLevels` levels deep. */
export function planComments(options: PlanOptions): CommentPlan {
  const random = streamOf(options.seed, 1, 0);
  const regular = options.threads - 1;
  const replies = options.comments - options.deepLevels - regular;
  if (regular < DEEP_THREAD_RANK + 1 || replies < 0) throw new Error(`${options.comments} comments cannot fill ${options.threads} threads and a ${options.deepLevels}-level one`);
  const members = new Zipf(options.members, 0.8);
  const starts = Array.from({ length: regular }, () => random() * MINUTES_A_YEAR).sort((a, b) => a - b);
  const drafts = regularThreads(random, members, starts, replyCounts(random, regular, replies));
  const deepStart = ((starts[DEEP_THREAD_RANK - 1] ?? 0) + (starts[DEEP_THREAD_RANK] ?? 0)) / 2;
  const deep = deepThread(random, members, deepStart, options.deepLevels);
  // Time order is id order: a reply always comes after the comment it answers.
  const ordered = [...drafts, ...deep].sort((a, b) => a.at - b.at);
  ordered.forEach((d, place) => { d.place = place; });
  const last = ordered[ordered.length - 1]?.at ?? 0;
  const comments = ordered.map((d) => ({
    parent: d.parent?.place ?? null, thread: (d.root ?? d).place, depth: d.depth, minutesAgo: last - d.at,
    author: d.author, guestName: d.guestName, words: d.words, seed: options.seed + d.place,
  }));
  return { comments, deepThread: deep.map((d) => d.place) };
}

export type PlanSummary = { medianThread: number; largestThread: number; lonelyThreads: number; guestComments: number; deepestRegular: number };

/** What the plan came to, for the report: thread sizes, guests, and how deep the ordinary threads go. */
export function summarisePlan(plan: CommentPlan): PlanSummary {
  const deep = new Set(plan.deepThread);
  const sizes = new Map<number, number>();
  for (const c of plan.comments) sizes.set(c.thread, (sizes.get(c.thread) ?? 0) + 1);
  const sorted = [...sizes.values()].sort((a, b) => a - b);
  return {
    medianThread: sorted[sorted.length >> 1] ?? 0, largestThread: sorted[sorted.length - 1] ?? 0, lonelyThreads: sorted.filter((n) => n === 1).length,
    guestComments: plan.comments.filter((c) => c.author === null).length,
    deepestRegular: Math.max(...plan.comments.filter((_, place) => !deep.has(place)).map((c) => c.depth)),
  };
}
