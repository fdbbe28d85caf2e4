// The email sending a gift exchange participant (or a pinch hitter) their assignment.
import { escapeHtml } from '../../lib/escape.js';
import { mailSite } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

export type AssignmentMailInput = {
  to: string; login: string; collectionName: string; collectionTitle: string; recipient: string;
  request: Array<{ type: string; names: string[] }>; notes: string; dueAt: string | null;
};

/** The email with an assignment: whom to write for, what they asked for, and by when. */
export function assignmentMail(input: AssignmentMailInput): DigestibleMail {
  const site = mailSite();
  const page = `${site.baseUrl}/collections/${encodeURIComponent(input.collectionName)}/assignments`;
  const due = input.dueAt === null ? '' : `Due: ${input.dueAt.slice(0, 10)} ${input.dueAt.slice(11, 16)} UTC`;
  const headline = `Your assignment in ${input.collectionTitle}`.replace(/[\r\n]+/g, ' ');
  const lines = input.request.map((g) => `${g.type}: ${g.names.join(', ')}`);
  const text = [`Hello ${input.login},`, '', `You are writing for ${input.recipient} in ${input.collectionTitle}.`, 'They asked for:', ...lines, ...(input.notes === '' ? [] : ['', `Their notes: ${input.notes}`]), '', ...(due === '' ? [] : [due]), `Your assignments: ${page}`].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.login)},</p>`, `<p>You are writing for <strong>${escapeHtml(input.recipient)}</strong> in ${escapeHtml(input.collectionTitle)}. They asked for:</p>`,
    `<ul>${input.request.map((g) => `<li>${escapeHtml(g.type)}: ${escapeHtml(g.names.join(', '))}</li>`).join('')}</ul>`,
    input.notes === '' ? '' : `<p>Their notes: ${escapeHtml(input.notes)}</p>`, due === '' ? '' : `<p>${escapeHtml(due)}</p>`,
    `<p><a href="${escapeHtml(page)}">Your assignments</a></p>`,
  ].join('\n');
  return { to: input.to, subject: `[${site.archiveName}] ${headline}`, text, html, digest: { headline, text, html } };
}
