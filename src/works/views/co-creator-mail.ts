// The email inviting a member to be a co-creator of a work.
import { escapeHtml } from '../../lib/escape.js';
import { mailSite } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

/** The invitation email: who invited them, to which work, and where to accept or decline. */
export function invitationMail(input: { to: string; login: string; pseud: string; inviter: string; workTitle: string }): DigestibleMail {
  const site = mailSite();
  const page = `${site.baseUrl}/users/${encodeURIComponent(input.login)}/creator_invitations`;
  const headline = `${input.inviter} invited you to co-create ${input.workTitle}`.replace(/[\r\n]+/g, ' ');
  const text = [`Hello ${input.login},`, '', `${input.inviter} invited your pseud ${input.pseud} to be a co-creator of ${input.workTitle}.`, `You are not shown as a creator until you accept: ${page}`].join('\n');
  const html = [`<p>Hello ${escapeHtml(input.login)},</p>`, `<p>${escapeHtml(input.inviter)} invited your pseud ${escapeHtml(input.pseud)} to be a co-creator of ${escapeHtml(input.workTitle)}.</p>`,
    `<p>You are not shown as a creator until you <a href="${escapeHtml(page)}">accept</a>.</p>`].join('\n');
  return { to: input.to, subject: `[${site.archiveName}] ${headline}`, text, html, digest: { headline, text, html } };
}
