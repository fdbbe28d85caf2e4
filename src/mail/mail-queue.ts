// Sends the outbox: in this process, a few seconds after a write and then every few seconds, so
// no request waits on a mail server. A failure is retried with growing waits (a minute, then
// doubling, up to six hours) and given up after eight tries; an answer the server refuses never
// stops the queue. With no mail server set, email is written to the log and kept in the outbox.
// Each run first gathers the daily digests that are due (digest.ts) into the outbox.
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { gatherDigests } from './digest.js';
import * as outbox from './outbox.repository.js';

const BATCH = 20;
const MAX_ATTEMPTS = 8;
const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

export type MailLog = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };
export type MailQueueOptions = { smtp: SmtpConfig | null; from: string; log: MailLog; intervalMs?: number; now?: () => Date };

function transportFor(smtp: SmtpConfig): Transporter {
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.user === null ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  });
}

/** The outbox's sender for one app process. */
export class MailQueue {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly transport: Transporter | null;
  private readonly now: () => Date;

  constructor(private readonly db: Db, private readonly options: MailQueueOptions) {
    this.transport = options.smtp === null ? null : transportFor(options.smtp);
    this.now = options.now ?? (() => new Date());
  }

  /** Starts sending every few seconds. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => { void this.runOnce(); }, this.options.intervalMs ?? 5000);
    this.timer.unref();
  }

  /** Stops sending (the app is closing) and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
  }

  /** Sends what is due now; returns how many emails went out (or were logged). One run at a time. */
  runOnce(): Promise<number> {
    this.running ??= this.sendDue().finally(() => { this.running = null; });
    return this.running;
  }

  private async sendDue(): Promise<number> {
    const now = this.now();
    await gatherDigests(this.db, now);
    let done = 0;
    for (const mail of await outbox.dueMail(this.db, now.toISOString(), BATCH)) {
      const wait = Math.min(FIRST_WAIT_MS * 2 ** mail.attempts, LONGEST_WAIT_MS);
      if (!(await outbox.claimMail(this.db, mail.id, mail.attempts, new Date(now.getTime() + wait).toISOString()))) continue;
      if (await this.sendOne(mail, mail.attempts + 1)) done++;
    }
    return done;
  }

  private async sendOne(mail: outbox.OutboxRow, attempt: number): Promise<boolean> {
    const at = this.now().toISOString();
    if (this.transport === null) {
      this.options.log.info({ to: mail.to_address, subject: mail.subject, text: mail.text_body }, 'email (no SMTP_HOST set: kept in the outbox)');
      await outbox.finishMail(this.db, mail.id, 'logged', at);
      return true;
    }
    try {
      await this.transport.sendMail({ from: this.options.from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
      await outbox.finishMail(this.db, mail.id, 'sent', at);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.warn({ to: mail.to_address, attempt, error: message }, 'email not sent; it will be tried again');
      if (attempt >= MAX_ATTEMPTS) await outbox.finishMail(this.db, mail.id, 'failed', at, message);
      else await outbox.noteMailError(this.db, mail.id, message);
      return false;
    }
  }
}
