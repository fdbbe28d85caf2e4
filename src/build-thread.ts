// The body of a build thread (src/downloads/build-threads.ts): makes download files (EPUB, HTML,
// text, a series' EPUB, a member's data export) off the app's event loop, reading a work's
// chapters on a read-only connection of its own to the archive's SQLite file when it has one.
import { workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from './db/connect.js';
import { serveTasks } from './lib/worker-pool.js';
import { makeFile, type BuildTask } from './downloads/build-threads.js';

const { file } = workerData as { file: string | null };
const db = file === null ? null : openReadOnlyDatabase(file);

serveTasks((task: BuildTask) => makeFile(task, db));
