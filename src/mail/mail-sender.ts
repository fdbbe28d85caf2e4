// Sends the outbox through the job queue: each email written to the outbox queues a `mail.send`
// job in the same transaction, so no request waits on a mail server and nothing is lost to a
// restart. A failure is retried by the queue with growing waits (a minute, then doubling, up to six
// hours) and given up after eight tries; the outbox row shows each try for the admin pages. With no
// mail server set, email is written to the log and kept in the outbox. The `mail.digests` job
// gathers the daily digests that are due (digest.ts) into the outbox every minute.
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { Db } from '../db/database.js';
import * as outbox from './outbox.repository.js';

export type MailLog = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };
export type MailSenderOptions = { smtp: SmtpConfig | null; from: string; log: MailLog };
/** Which try this is, and when the queue tries again if it fails (null: it is the last). */
export type MailAttempt = { attempt: number; retryAt: Date | null };

function transportFor(smtp: SmtpConfig): Transporter {
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.user === null ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  });
}

/** Sends outbox email for one process's job runner. */
export class MailSender {
  private readonly transport: Transporter | null;

  constructor(private readonly db: Db, private readonly options: MailSenderOptions) {
    this.transport = options.smtp === null ? null : transportFor(options.smtp);
  }

  /** Sends (or logs) one email of the outbox; throws when the server refused it, so the queue tries again. */
  async send(outboxId: number, { attempt, retryAt }: MailAttempt): Promise<void> {
    const mail = await outbox.findMail(this.db, outboxId);
    if (mail?.status !== 'pending') return;
    const at = new Date().toISOString();
    if (this.transport === null) {
      this.options.log.info({ to: mail.to_address, subject: mail.subject, text: mail.text_body }, 'email (no SMTP_HOST set: kept in the outbox)');
      await outbox.finishMail(this.db, mail.id, 'logged', at, attempt);
      return;
    }
    try {
      await this.transport.sendMail({ from: this.options.from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.warn({ to: mail.to_address, attempt, error: message }, retryAt === null ? 'email not sent; given up' : 'email not sent; it will be tried again');
      if (retryAt === null) await outbox.finishMail(this.db, mail.id, 'failed', at, attempt, message);
      else await outbox.noteMailError(this.db, mail.id, attempt, message, retryAt.toISOString());
      throw error;
    }
    await outbox.finishMail(this.db, mail.id, 'sent', at, attempt);
  }

  /** Closes the connection to the mail server (the process is stopping). */
  close(): void {
    this.transport?.close();
  }
}
