// Table types of work done later and what it counts: the job queue, mail, subscriptions, hits and
// reading history.
// Booleans are 0/1 integers, times ISO-8601 UTC strings (docs/decisions/003-portable-column-types.md).
import type { ColumnType } from 'kysely';
import type { Flag, Id } from './columns.js';

/** Email held for a member's next daily digest. */
export interface MailDigestItemTable {
  id: Id;
  user_id: number;
  headline: string;
  text_body: string;
  html_body: string;
  created_at: string;
}

export type MailStatus = 'pending' | 'sent' | 'logged' | 'failed';

/** An email: written with the write that caused it, sent by the mail queue. */
/** A job of the queue (src/jobs/): waiting, being run under a worker's lease, or finished. */
export interface JobTable {
  id: Id;
  kind: string;
  /** JSON */
  payload: string;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  /** Held only while queued or running: a second job with the key is not queued meanwhile. */
  unique_key: ColumnType<string | null, string | null | undefined, string | null>;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_expires_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  started_at: ColumnType<string | null, string | null | undefined, string | null>;
  finished_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** One run of the queue's self-test job: which job, which process, when it finished. */
export interface JobProbeTable {
  id: Id;
  job_id: number;
  pid: number;
  finished_at: string;
}

export interface MailOutboxTable {
  id: Id;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
}

/** A member following a work (its new chapters) or a creator (their new works). */
export interface SubscriptionTable {
  id: Id;
  user_id: number;
  kind: 'work' | 'creator' | 'series';
  target_id: number;
  created_at: string;
}

/** A visitor already counted on a work on a day (hits are one per visitor per work per day). */
export interface WorkHitVisitorTable {
  work_id: number;
  day: string;
  visitor: string;
}

/** A work's hits on one day. */
export interface WorkHitDayTable {
  work_id: number;
  day: string;
  hits: number;
}

/** A work in a member's reading history (or marked for later). */
export interface ReadingTable {
  user_id: number;
  work_id: number;
  last_read_at: string;
  /** How many chapters were posted when last read: more now means "updated since you last read". */
  chapters_then: ColumnType<number, number | undefined, number>;
  visits: ColumnType<number, number | undefined, number>;
  later: ColumnType<Flag, Flag | undefined, Flag>;
}
