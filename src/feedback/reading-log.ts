// Reading history, noted off the reading path like hits: a member's read is kept in memory (their
// latest time, how many visits) and written every few seconds, for members who keep a history.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { addReads } from './reading.repository.js';

/** The reading log of one app process. */
export class ReadingLog {
  private pending = new Map<string, { userId: number; workId: number; at: string; visits: number }>();
  private writing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** Notes a member's read of a work (not their own). */
  record(userId: number, workId: number, at: string): void {
    const key = `${userId}|${workId}`;
    const known = this.pending.get(key);
    this.pending.set(key, { userId, workId, at, visits: (known?.visits ?? 0) + 1 });
  }

  /** Writes what is noted; one write at a time. */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => { this.writing = null; });
    return this.writing;
  }

  private async write(): Promise<void> {
    const reads = [...this.pending.values()];
    this.pending = new Map();
    try {
      await addReads(this.db, reads);
    } catch (error) {
      for (const read of reads) if (!this.pending.has(`${read.userId}|${read.workId}`)) this.pending.set(`${read.userId}|${read.workId}`, read);
      throw error;
    }
  }
}
