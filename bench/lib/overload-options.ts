// Command-line flags of `bench:overload`, with defaults, checked before anything starts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { whole } from './options.js';

export type OverloadOptions = {
  corpus: string; seconds: number; warmupSeconds: number; readers: number; searchers: number;
  load: 'search' | 'downloads'; verbose: boolean; help: boolean;
};

const OUT = fileURLToPath(new URL('../out/', import.meta.url));

export const OVERLOAD_USAGE = `usage: npm run bench:overload -- [options]
  --works N          use the synthetic corpus of N works, bench/out/corpus-N.sqlite (default 30000; npm run bench:corpus builds it)
  --corpus FILE      or this SQLite corpus file (copied for the run: the corpus itself is never written)
  --duration N       seconds each measurement of the work page lasts (default 10)
  --warmup N         seconds of load before each measurement (default 2)
  --readers N        connections reading the cached work page (default 8)
  --searchers N      connections searching meanwhile, each query of the corpus's mix in turn (default 64)
  --load KIND        what they ask for: search (the default), or downloads (EPUB, HTML and text of the
                     corpus's 100 longest works, more than the download cache holds, so each is built again)
  --verbose          print wrk's own output too
  --help             print this`;

/** Parses argv (without node and the script); throws with a message naming the bad flag. */
export function parseOverloadOptions(argv: string[]): OverloadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      works: { type: 'string', default: '30000' }, corpus: { type: 'string' }, duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' }, readers: { type: 'string', default: '8' }, searchers: { type: 'string', default: '64' },
      load: { type: 'string', default: 'search' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
  return {
    corpus: values.corpus ?? join(OUT, `corpus-${whole('works', values.works, 1)}.sqlite`),
    seconds: whole('duration', values.duration, 1), warmupSeconds: whole('warmup', values.warmup, 0),
    readers: whole('readers', values.readers, 1), searchers: whole('searchers', values.searchers, 1),
    load: loadKind(values.load),
    verbose: values.verbose, help: values.help,
  };
}

function loadKind(value: string): OverloadOptions['load'] {
  if (value === 'search' || value === 'downloads') return value;
  throw new Error(`--load must be search or downloads, not ${value}`);
}
