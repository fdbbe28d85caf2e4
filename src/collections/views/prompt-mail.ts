// The email telling a prompter that a work was posted in response to their prompt.
import { escapeHtml } from '../../lib/escape.js';
import { mailSite } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

export type FillMailInput = { to: string; login: string; byline: string[]; workId: number; workTitle: string; promptId: number; promptTitle: string };

/** The email about a fill. */
export function fillMail(input: FillMailInput): DigestibleMail {
  const site = mailSite();
  const link = `${site.baseUrl}/works/${input.workId}`;
  const prompt = `${site.baseUrl}/prompts/${input.promptId}`;
  const writers = input.byline.length === 0 ? 'Someone' : input.byline.join(', ');
  const headline = `Your prompt was filled: ${input.promptTitle}`.replace(/[\r\n]+/g, ' ');
  const text = [`Hello ${input.login},`, '', `${writers} posted ${input.workTitle} in response to your prompt “${input.promptTitle}”.`, `Read it: ${link}`, `Your prompt: ${prompt}`].join('\n');
  const line = `${escapeHtml(writers)} posted <a href="${escapeHtml(link)}">${escapeHtml(input.workTitle)}</a> in response to your prompt <a href="${escapeHtml(prompt)}">${escapeHtml(input.promptTitle)}</a>.`;
  const html = [`<p>Hello ${escapeHtml(input.login)},</p>`, `<p>${line}</p>`].join('\n');
  return { to: input.to, subject: `[${site.archiveName}] ${headline}`, text, html, digest: { headline, text: [`${writers} posted ${input.workTitle} in response to your prompt.`, `Read it: ${link}`].join('\n'), html: `<p>${line}</p>` } };
}
