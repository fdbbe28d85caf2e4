// The email telling a subscriber of a new chapter or a new work, with the link that ends the
// subscription.
import { escapeHtml } from '../../lib/escape.js';
import { mailSite, unsubscribeSignature } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

export type UpdateMailInput = {
  to: string; login: string; userId: number; subscriptionId: number; workId: number; workTitle: string;
  /** The new chapter, or null for a new work. */
  chapter: { number: number; title: string } | null;
  /** The followed series this work is a new part of. */
  series?: string;
};

/** The link in an update email that ends its subscription. */
export function subscriptionOffLink(userId: number, subscriptionId: number): string {
  return `${mailSite().baseUrl}/unsubscribe/subscription/${userId}/${subscriptionId}/${unsubscribeSignature(userId, `subscription:${subscriptionId}`)}`;
}

/** The email about a new chapter of a followed work, or a new work by a followed creator. */
export function updateMail(input: UpdateMailInput): DigestibleMail {
  const site = mailSite();
  const link = `${site.baseUrl}/works/${input.workId}`;
  const off = subscriptionOffLink(input.userId, input.subscriptionId);
  const chapter = input.chapter === null ? null : `Chapter ${input.chapter.number}${input.chapter.title === '' ? '' : `: ${input.chapter.title}`}`;
  const kind = chapter !== null ? 'New chapter' : input.series !== undefined ? `New part of ${input.series}` : 'New work';
  const headline = chapter === null ? `${kind}: ${input.workTitle}` : `${input.workTitle}, ${chapter}`;
  const subject = `[${site.archiveName}] ${kind}: ${input.workTitle}`.replace(/[\r\n]+/g, ' ');
  const text = [`Hello ${input.login},`, '', headline, `Read it: ${link}`, '', '--', `You subscribed to this on ${site.archiveName}. Unsubscribe: ${off}`].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.login)},</p>`, `<p><a href="${escapeHtml(link)}">${escapeHtml(headline)}</a></p>`,
    `<hr><p style="font-size:small">You subscribed to this on ${escapeHtml(site.archiveName)}. <a href="${escapeHtml(off)}">Unsubscribe</a>.</p>`,
  ].join('\n');
  const digest = {
    headline: `${kind}: ${input.workTitle}`,
    text: [headline, `Read it: ${link}`, `Unsubscribe: ${off}`].join('\n'),
    html: `<p><a href="${escapeHtml(link)}">${escapeHtml(headline)}</a> (<a href="${escapeHtml(off)}">unsubscribe</a>)</p>`,
  };
  return { to: input.to, subject, text, html, digest };
}
