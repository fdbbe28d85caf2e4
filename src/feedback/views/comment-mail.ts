// The email about a comment: plain text and HTML parts, a link to the comment, and a link that
// turns these emails off without logging in.
import { escapeHtml } from '../../lib/escape.js';
import { htmlToText } from '../../lib/word-count.js';
import { mailHtml, mailSite, unsubscribeSignature } from '../../mail/mail-site.js';
import type { DigestibleMail } from '../../mail/outbox.repository.js';

export type CommentMailInput = { kind: 'comment' | 'reply'; to: string; userId: number; login: string; author: string; workTitle: string; commentId: number; html: string };

/** The email telling a member of a comment on their work, or a reply to their comment. */
export function commentMail(input: CommentMailInput): DigestibleMail {
  const site = mailSite();
  const shown = mailHtml(input.html);
  const link = `${site.baseUrl}/comments/${input.commentId}#comment_${input.commentId}`;
  const off = `${site.baseUrl}/unsubscribe/comments/${input.userId}/${unsubscribeSignature(input.userId, 'comments')}`;
  const what = input.kind === 'reply' ? `replied to your comment on ${input.workTitle}` : `left a comment on ${input.workTitle}`;
  const subject = `[${site.archiveName}] ${input.kind === 'reply' ? 'Reply to your comment on' : 'Comment on'} ${input.workTitle}`;
  const text = [
    `Hello ${input.login},`, '', `${input.author} ${what}:`, '', htmlToText(input.html).trim(), '', `Read it and reply: ${link}`, '',
    '--', `You get these because you have an account on ${site.archiveName}. Stop these emails: ${off}`, '(The comments will still be in your inbox.)',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.login)},</p>`, `<p>${escapeHtml(input.author)} ${escapeHtml(what)}:</p>`,
    `<blockquote>${shown}</blockquote>`, `<p><a href="${escapeHtml(link)}">Read it and reply</a></p>`,
    `<hr><p style="font-size:small">You get these because you have an account on ${escapeHtml(site.archiveName)}. <a href="${escapeHtml(off)}">Stop these emails</a>; the comments will still be in your inbox.</p>`,
  ].join('\n');
  const digest = {
    headline: `${input.author} ${what}`.replace(/[\r\n]+/g, ' '),
    text: [htmlToText(input.html).trim(), '', `Read it and reply: ${link}`].join('\n'),
    html: `<blockquote>${shown}</blockquote>\n<p><a href="${escapeHtml(link)}">Read it and reply</a></p>`,
  };
  return { to: input.to, subject: subject.replace(/[\r\n]+/g, ' '), text, html, digest };
}
