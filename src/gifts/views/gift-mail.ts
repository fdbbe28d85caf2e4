// The email telling a member that a work was posted as a gift for them, with the way to stop gifts.
import { escapeHtml } from '../../lib/escape.js';
import { mailSite } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

export type GiftMailInput = { to: string; login: string; byline: string[]; workId: number; workTitle: string };

/** The email about a gift. */
export function giftMail(input: GiftMailInput): DigestibleMail {
  const site = mailSite();
  const link = `${site.baseUrl}/works/${input.workId}`;
  const gifts = `${site.baseUrl}/users/${encodeURIComponent(input.login)}/gifts`;
  const givers = input.byline.length === 0 ? 'Someone' : input.byline.join(', ');
  const headline = `A gift for you: ${input.workTitle}`.replace(/[\r\n]+/g, ' ');
  const text = [
    `Hello ${input.login},`, '', `${givers} posted a work as a gift for you: ${input.workTitle}`, `Read it: ${link}`, '',
    '--', `Your gifts, where you can refuse any of them: ${gifts}`, 'You can stop others giving you works in your preferences.',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.login)},</p>`,
    `<p>${escapeHtml(givers)} posted a work as a gift for you: <a href="${escapeHtml(link)}">${escapeHtml(input.workTitle)}</a></p>`,
    `<hr><p style="font-size:small"><a href="${escapeHtml(gifts)}">Your gifts</a>, where you can refuse any of them. You can stop others giving you works in your preferences.</p>`,
  ].join('\n');
  const digest = {
    headline,
    text: [`${givers} posted a work as a gift for you.`, `Read it: ${link}`].join('\n'),
    html: `<p>${escapeHtml(givers)} posted a work as a gift for you: <a href="${escapeHtml(link)}">${escapeHtml(input.workTitle)}</a></p>`,
  };
  return { to: input.to, subject: `[${site.archiveName}] ${headline}`, text, html, digest };
}
