// The body of a build thread (src/downloads/build-threads.ts): makes download files (EPUB, HTML,
// text, a series' EPUB, a member's data export) from data the app has read, off its event loop.
import { serveTasks } from './lib/worker-pool.js';
import { makeFile, type BuildTask } from './downloads/build-threads.js';

serveTasks((task: BuildTask) => makeFile(task));
