// The background job that reveals collections at the times their maintainers set. Every app
// process runs it; each reveal is claimed by one UPDATE (collection.repository.ts claimDueReveals),
// so on PostgreSQL with several app servers it still happens exactly once, and on SQLite the one
// process does it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { revealDue } from './collection.service.js';

export type RevealClockOptions = { intervalMs?: number; onError?: (error: unknown) => void };

export class RevealClock {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly options: RevealClockOptions = {}) {}

  /** Looks for due reveals every half minute (a reveal is late by at most that). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => { void this.runOnce(); }, this.options.intervalMs ?? 30_000);
    this.timer.unref();
  }

  /** Stops (the app is closing) and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Reveals what is due now; returns how many collections it revealed. One run at a time. */
  runOnce(now?: string): Promise<number> {
    this.running ??= revealDue(this.db, now).catch((error: unknown) => {
      this.options.onError?.(error);
      return 0;
    }).finally(() => { this.running = null; });
    return this.running;
  }
}
