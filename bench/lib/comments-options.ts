// bench:comments's command-line flags, with defaults, checked before anything starts.
import { parseArgs } from 'node:util';
import { whole } from './options.js';

export type CommentsOptions = {
  database: 'sqlite' | 'postgres';
  requests: number; warmup: number; comments: number; threads: number; members: number; levels: number; seed: number; help: boolean;
};

export const COMMENTS_USAGE = `usage: npm run bench:comments -- [options]
  --database sqlite|postgres  which database the app runs on (default sqlite; postgres reads DATABASE_URL)
  --requests N                measured requests to each address (default 200)
  --warmup N                  unmeasured requests to each address first (default 20)
  --comments N                comments on the work, the deep thread's included (default 10000)
  --threads N                 threads they form, the deep thread included (default 2000)
  --members N                 member accounts who write most of them; the rest are guests (default 400)
  --levels N                  levels of the deep thread, each reply the child of the one before (default 50)
  --seed N                    the seed of the comments' shape and text (default 20240611)
  --help                      print this`;

/** Parses argv (without node and the script); throws with a message naming the bad flag. */
export function parseCommentsOptions(argv: string[]): CommentsOptions {
  const text = (fallback: string) => ({ type: 'string', default: fallback }) as const;
  const { values } = parseArgs({
    args: argv,
    options: {
      database: text('sqlite'), requests: text('200'), warmup: text('20'), comments: text('10000'), threads: text('2000'),
      members: text('400'), levels: text('50'), seed: text('20240611'), help: { type: 'boolean', default: false },
    },
  });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  const options: CommentsOptions = {
    database: values.database, requests: whole('requests', values.requests, 1), warmup: whole('warmup', values.warmup, 0),
    comments: whole('comments', values.comments, 1), threads: whole('threads', values.threads, 8), members: whole('members', values.members, 1),
    levels: whole('levels', values.levels, 1), seed: whole('seed', values.seed, 0), help: values.help,
  };
  if (options.comments < options.threads - 1 + options.levels) throw new Error(`--comments ${options.comments} cannot fill ${options.threads} threads, one of them ${options.levels} levels deep`);
  return options;
}
