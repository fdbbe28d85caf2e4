// bench:kudos's command-line flags, with defaults, checked before anything starts.
import { parseArgs } from 'node:util';
import { whole } from './options.js';

export type KudosOptions = {
  database: 'sqlite' | 'postgres';
  seconds: number; warmupSeconds: number; rate: number; memberShare: number; inFlight: number;
  accounts: number; connections: number; threads: number; words: number; verbose: boolean; help: boolean;
};

export const KUDOS_USAGE = `usage: npm run bench:kudos -- [options]
  --database sqlite|postgres  which database the app runs on (default sqlite; postgres reads DATABASE_URL)
  --duration N                seconds of kudos flood, and of each wrk run on the other work (default 10)
  --warmup N                  seconds of unmeasured reading before the other work is measured alone (default 2)
  --rate N                    kudos a second to aim for, all on one work (default 1000)
  --members N                 percent of the kudos left by members through the API; the rest are guests (default 50)
  --in-flight N               most givers waiting for an answer at once (default 256)
  --accounts N                member accounts seeded, each with an API token (default 6000)
  --connections N             wrk's keep-alive connections reading the other work (default 32)
  --threads N                 wrk threads (default 1: the machine has 2 cores)
  --words N                   words in each work's chapter (default 5000)
  --verbose                   print wrk's own output too
  --help                      print this`;

/** Parses argv (without node and the script); throws with a message naming the bad flag. */
export function parseKudosOptions(argv: string[]): KudosOptions {
  const text = (fallback: string) => ({ type: 'string', default: fallback }) as const;
  const flag = { type: 'boolean', default: false } as const;
  const { values } = parseArgs({
    args: argv,
    options: {
      database: text('sqlite'), duration: text('10'), warmup: text('2'), rate: text('1000'), members: text('50'),
      'in-flight': text('256'), accounts: text('6000'), connections: text('32'), threads: text('1'), words: text('5000'),
      verbose: flag, help: flag,
    },
  });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  const options: KudosOptions = {
    database: values.database, seconds: whole('duration', values.duration, 1), warmupSeconds: whole('warmup', values.warmup, 0),
    rate: whole('rate', values.rate, 1), memberShare: whole('members', values.members, 0, 100) / 100,
    inFlight: whole('in-flight', values['in-flight'], 1), accounts: whole('accounts', values.accounts, 0),
    connections: whole('connections', values.connections, 1), threads: whole('threads', values.threads, 1),
    words: whole('words', values.words, 10), verbose: values.verbose, help: values.help,
  };
  if (options.threads > options.connections) throw new Error('--threads cannot be more than --connections');
  const members = membersNeeded(options);
  if (members > options.accounts) throw new Error(`--accounts ${options.accounts} is too few: the flood needs ${members} members`);
  return options;
}

/** How many givers the flood has in all: each leaves exactly one kudos. */
export function giversNeeded(options: KudosOptions): number {
  return options.rate * options.seconds;
}

/** Whether giver `k` is a member (else a guest): spread evenly, so every stretch of the flood has the same mix. */
export function isMember(options: KudosOptions, k: number): boolean {
  return Math.floor((k + 1) * options.memberShare) > Math.floor(k * options.memberShare);
}

/** How many of the givers are members. */
export function membersNeeded(options: KudosOptions): number {
  return Math.floor(giversNeeded(options) * options.memberShare);
}
