// The app in a child process on a corpus, as bench:listings and bench:search run it: production
// settings with logging off, its own data folder (for the session secret), a port of its own.
import { freePort, startChild, type Child } from './children.js';
import type { Corpus } from './corpus-build.js';

/** Starts the app on the corpus; `extra` adds to its environment. */
export async function startApp(corpus: Corpus, dataDir: string, extra: Record<string, string> = {}): Promise<Child> {
  const env = { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: corpus.url, PORT: String(await freePort()), ...extra };
  return startChild('app', 'app-server.ts', { env, timeoutMs: 120_000 });
}

/** Runs `use` with the app's base URL, and stops the app afterwards whatever happens. */
export async function withApp<T>(corpus: Corpus, dataDir: string, extra: Record<string, string>, use: (base: string) => Promise<T>): Promise<T> {
  const app = await startApp(corpus, dataDir, extra);
  try {
    return await use(`http://127.0.0.1:${app.port}`);
  } finally {
    await app.stop();
  }
}
