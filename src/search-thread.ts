// The body of a search thread (src/search/search-threads.ts): a whole search (parsing, the
// full-text query, visibility and filters, shaping the works, finding each one's passage) on a
// read-only connection of its own to the archive's SQLite file, so none of it runs on the event
// loop. An entry point like main.ts: it wires the domains as the app does.
import { workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from './db/connect.js';
import { serveTasks } from './lib/worker-pool.js';
import { searchWorks } from './search/search.service.js';
import type { SearchTask } from './search/search-threads.js';
import { wireDomains } from './wiring.js';

wireDomains();
const db = openReadOnlyDatabase((workerData as { file: string }).file);

serveTasks(({ viewer, text, page, wants }: SearchTask) => searchWorks(db, viewer, text, page, wants));
