// Worker thread: makes the synthetic archive's rows while the main thread writes the previous
// batch (the machine has two cores; generating 300 million words and storing them both take one).
// It owns the whole universe (tags, writers), so tags made along the way travel with their batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { Insertable } from 'kysely';
import type { ChapterTable, PseudTable, UserTable, WorkCreatorTable, WorkTable, WorkTagTable } from '../../src/db/database.js';
import { makeFandoms } from './archive-fandoms.js';
import { makeFreeforms } from './archive-freeforms.js';
import { makePeople } from './archive-people.js';
import { fixedTagsFrom, TagRegistry, type TagSpec } from './archive-registry.js';
import type { Universe } from './archive-work-tags.js';
import { makeWork } from './archive-works.js';
import { streamOf } from './sampling.js';
import { StoryWriter } from './story-text.js';
import { vocabulary } from './story-vocabulary.js';

export type WorkerInput = { seed: number; works: number; batch: number; fixedRows: Array<{ id: number; type: string; name: string }>; passwordHash: string };

export type UniverseMessage = {
  kind: 'universe'; tags: TagSpec[]; parents: Array<[number, number]>; metas: Array<[number, number]>;
  users: Array<Insertable<UserTable>>; pseuds: Array<Insertable<PseudTable>>;
};

export type BatchMessage = {
  kind: 'batch'; first: number; last: number; tags: TagSpec[];
  works: Array<Insertable<WorkTable>>; creators: Array<Insertable<WorkCreatorTable>>;
  chapters: Array<Insertable<ChapterTable>>; workTags: Array<Insertable<WorkTagTable>>;
  /** Words and UTF-8 bytes of chapter text in the batch, and the worker's milliseconds making it. */
  words: number; textBytes: number; ms: number;
};

export type WorkerMessage = UniverseMessage | BatchMessage | { kind: 'done' } | { kind: 'error'; message: string };

function makeUniverse(input: WorkerInput): Universe {
  const registry = new TagRegistry(input.fixedRows, Math.max(0, ...input.fixedRows.map((r) => r.id)) + 1);
  const fandoms = makeFandoms(streamOf(input.seed, 0, 0), registry);
  const freeforms = makeFreeforms(streamOf(input.seed, 0, 1), registry);
  const people = makePeople(streamOf(input.seed, 0, 2), input.passwordHash, (random) => fandoms.zipf.draw(random));
  return { registry, fixed: fixedTagsFrom(input.fixedRows), fandoms, freeforms, people };
}

function makeBatch(universe: Universe, writer: StoryWriter, input: WorkerInput, first: number, firstChapterId: number): BatchMessage {
  const started = performance.now();
  const last = Math.min(input.works, first + input.batch - 1);
  const batch: BatchMessage = { kind: 'batch', first, last, tags: [], works: [], creators: [], chapters: [], workTags: [], words: 0, textBytes: 0, ms: 0 };
  let chapterId = firstChapterId;
  for (let index = first; index <= last; index++) {
    const work = makeWork(universe, input.seed, index, writer, chapterId);
    chapterId += work.chapters.length;
    batch.works.push(work.work);
    batch.creators.push(...work.creators);
    batch.workTags.push(...work.tags);
    for (const chapter of work.chapters) {
      batch.chapters.push(chapter);
      batch.words += chapter.word_count;
      batch.textBytes += Buffer.byteLength(chapter.content);
    }
  }
  // Writers' one-off tags were made with these works; they go into the database with them.
  batch.tags = universe.registry.drain();
  batch.ms = performance.now() - started;
  return batch;
}

/** Answers each "next" from the main thread with the next batch, then "done". */
function serve(input: WorkerInput): void {
  const port = parentPort;
  if (port === null) throw new Error('corpus-worker.ts runs only as a worker thread');
  const universe = makeUniverse(input);
  const { users, pseuds } = universe.people;
  port.postMessage({
    kind: 'universe', tags: universe.registry.drain(), parents: universe.fandoms.parents, metas: universe.fandoms.metas, users, pseuds,
  } satisfies UniverseMessage);
  const writer = new StoryWriter(vocabulary());
  let next = 1;
  let chapterId = 1;
  port.on('message', () => {
    try {
      if (next > input.works) {
        port.postMessage({ kind: 'done' } satisfies WorkerMessage);
        return;
      }
      const batch = makeBatch(universe, writer, input, next, chapterId);
      next = batch.last + 1;
      chapterId += batch.chapters.length;
      port.postMessage(batch);
    } catch (error) {
      port.postMessage({ kind: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies WorkerMessage);
    }
  });
}

serve(workerData as WorkerInput);
