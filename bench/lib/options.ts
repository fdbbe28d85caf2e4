// The benchmark's command-line flags, with defaults, checked before anything starts.
import { parseArgs } from 'node:util';

export type BenchOptions = {
  database: 'sqlite' | 'postgres';
  seconds: number; warmupSeconds: number; connections: number; threads: number; words: number; bumps: number;
  profile: boolean; verbose: boolean; help: boolean;
};

export const USAGE = `usage: npm run bench:read -- [options]
  --database sqlite|postgres  which database the app runs on (default sqlite; postgres reads DATABASE_URL)
  --duration N                seconds of measured load per server (default 10)
  --warmup N                  seconds of unmeasured load before each measurement (default 2)
  --connections N             concurrent keep-alive connections (default 32)
  --threads N                 wrk threads (default 1: the machine has 2 cores and the server needs one)
  --words N                   words in the chapter (default 5000)
  --bumps N                   counter bumps a second by another process while the app is measured (default 100; 0: none)
  --profile                   run the app child with --cpu-prof and summarise where its time went
  --verbose                   print wrk's own output too
  --help                      print this`;

/** A flag's value as a whole number of at least `min` (and at most `max`, when given); throws naming the flag. */
export function whole(name: string, raw: string, min: number, max?: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw new Error(`--${name} must be a whole number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}, got "${raw}"`);
  }
  return value;
}

/** Parses argv (without node and the script); throws with a message naming the bad flag. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string', default: 'sqlite' }, duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' }, connections: { type: 'string', default: '32' },
      threads: { type: 'string', default: '1' }, words: { type: 'string', default: '5000' }, bumps: { type: 'string', default: '100' },
      profile: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
  if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error(`--database must be sqlite or postgres, got "${values.database}"`);
  const options: BenchOptions = {
    database: values.database, seconds: whole('duration', values.duration, 1), warmupSeconds: whole('warmup', values.warmup, 0),
    connections: whole('connections', values.connections, 1), threads: whole('threads', values.threads, 1),
    words: whole('words', values.words, 10), bumps: whole('bumps', values.bumps, 0), profile: values.profile, verbose: values.verbose, help: values.help,
  };
  if (options.threads > options.connections) throw new Error('--threads cannot be more than --connections');
  return options;
}
