// Child process: while the app is under load, bumps one work's counters BENCH_BUMPS times a
// second through the counters service, as another app server counting kudos and hits would.
// Tells the parent when it has started; stops on SIGTERM (each bump adds one hit).
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { bumpCounters } from '../../src/works/work-counter.service.js';

const config = loadConfig();
const handle = openDatabase(config.databaseUrl);
const workId = Number(process.env.BENCH_WORK_ID);
const perSecond = Number(process.env.BENCH_BUMPS);
let bumps = 0;
let stopping = false;

async function run(): Promise<void> {
  const started = Date.now();
  while (!stopping) {
    await bumpCounters(handle.db, workId, bumps % 10 === 0 ? { hits: 1, kudos: 1 } : { hits: 1 });
    bumps += 1;
    // Keep to the rate: sleep until this bump's turn comes round.
    const due = started + (bumps * 1000) / perSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
}

const running = run();
process.once('SIGTERM', () => {
  stopping = true;
  void running.then(async () => {
    await handle.close();
    process.exit(0);
  });
});
process.send?.({ ready: true, port: 0 });
