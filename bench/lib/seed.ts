// Seeds the benchmark's one writer and one posted work through the services, as a writer would through the form.
import { createAccount } from '../../src/accounts/user.service.js';
import { guestViewer, localViewer } from '../../src/access/viewer.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { getWorkForReader } from '../../src/works/reading.service.js';
import { wireDomains } from '../../src/wiring.js';
import { createWork } from '../../src/works/work.service.js';
import type { WorkInput } from '../../src/works/work.validation.js';
import { storyText } from './corpus.js';

/** The same seed gives the same story on every machine and run. */
const STORY_SEED = 20240611;

export type SeededWork = { workId: number; words: number; textChars: number; dialect: string };

function benchWork(text: string): WorkInput {
  return {
    title: 'What the Lamp Keeps', summary: '<p>Mara keeps the light at Gull Point — and a ledger nobody else has read.</p>',
    notes: '<p>Written for the reading benchmark; every word is generated.</p>', endNotes: '<p>Thank you for reading!</p>',
    rating: 'General Audiences', warnings: ['No Archive Warnings Apply'], categories: ['Gen'],
    fandoms: 'Original Work', relationships: '', characters: 'Mara Quill, Tobias Fenn, Old Quill, Ines',
    freeforms: 'Lighthouses, Slow Burn, Storms, Found Family', language: 'en', restricted: false,
    commentPermission: 'all', expectedChapters: '1', backdate: '', pseudIds: [],
    chapter: { title: 'The Long Watch', summary: '', notes: '', endNotes: '', text },
  };
}

/** Migrates the database named by `env` and posts a single-chapter work of about `words` words; returns its id and counts. */
export async function seedReadingWork(env: Record<string, string>, words: number): Promise<SeededWork> {
  const config = loadConfig(env);
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    const login = `bench_${Date.now().toString(36)}`;
    const user = await createAccount(handle.db, { login, email: `${login}@example.org`, password: 'harbour lantern oilcan gull' });
    const text = storyText(STORY_SEED, words);
    wireDomains();
    const workId = await createWork(handle.db, localViewer(user), benchWork(text), 'post');
    const reader = await getWorkForReader(handle.db, guestViewer(), workId);
    return { workId, words: reader.work.wordCount, textChars: text.length, dialect: handle.dialect };
  } finally {
    await handle.close();
  }
}
