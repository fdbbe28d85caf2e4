// The one place the domains are connected to each other's events (a domain never imports another
// to keep it in step): every entry point (the app, the command line) calls wireDomains() first.
import { subscribeSearchIndex } from './search/search-index.service.js';
import { subscribeWorkUpkeep } from './works/work-upkeep.js';
import { subscribeFandomIndex } from './tags/fandom-index.service.js';
import { provideFeedback } from './feedback/feedback.wiring.js';
import { subscribeInbox } from './feedback/inbox.service.js';
import { subscribeUpdates } from './feedback/subscription.service.js';
import { provideSeries } from './series/series.wiring.js';
import { subscribeSeriesUpkeep } from './series/series.service.js';
import { provideGifts } from './gifts/gift.wiring.js';
import { subscribeGiftNotices } from './gifts/gift.service.js';
import { provideCollections } from './collections/collection.wiring.js';
import { subscribeFillNotices } from './collections/prompt.service.js';
import { subscribeHolds } from './moderation/held.service.js';
import { provideMutesToTags } from './works/mute.service.js';
import type { Kysely } from 'kysely';
import type { SmtpConfig } from './config.js';
import type { Database } from './db/database.js';
import type { JobLog, JobQueue } from './jobs/job-queue.js';
import { registerProbe } from './jobs/probe.js';
import { MailSender } from './mail/mail-sender.js';
import { MAIL_JOB } from './mail/outbox.repository.js';
import { gatherDigests } from './mail/digest.js';
import { revealDue } from './collections/collection.service.js';
import { countLeftKudos } from './feedback/kudos-count.js';

let wired = false;

/** Subscribes each domain to the events it follows, once per process. */
export function wireDomains(): void {
  if (wired) return;
  wired = true;
  subscribeSearchIndex();
  subscribeWorkUpkeep();
  subscribeFandomIndex();
  provideFeedback();
  subscribeInbox();
  subscribeUpdates();
  provideSeries();
  subscribeSeriesUpkeep();
  provideGifts();
  subscribeGiftNotices();
  provideCollections();
  subscribeFillNotices();
  subscribeHolds();
  provideMutesToTags();
}

/** The outgoing mail settings the mail jobs need. */
export type MailSettings = { smtp: SmtpConfig | null; from: string };

/**
 * Gives a job runner the handler of every kind of background job: email and the daily digests,
 * the collections' reveal clock, the sweep of uncounted kudos, and the self-test probe. Returns what to close when it stops.
 */
export function registerJobHandlers(queue: JobQueue, db: Kysely<Database>, mail: MailSettings, log: JobLog): { close: () => void } {
  const sender = new MailSender(db, { ...mail, log });
  queue.register<{ outboxId: number }>(MAIL_JOB, (payload, context) => sender.send(payload.outboxId, context), { backoffMs: 60_000, maxBackoffMs: 6 * 60 * 60_000 });
  queue.register('mail.digests', async () => { await gatherDigests(db, new Date()); }, { everyMs: 60_000 });
  // A reveal is late by at most half a minute; each is claimed by one UPDATE, so it happens once.
  queue.register('collections.reveal', async () => { await revealDue(db); }, { everyMs: 30_000 });
  // Kudos a stopped app server stored but never counted are counted within a minute (kudos-count.ts).
  queue.register('kudos.count', async () => { await countLeftKudos(db); }, { everyMs: 60_000 });
  registerProbe(queue, db);
  return { close: () => { sender.close(); } };
}
