// The email the account flows send: confirm an address, reset a password, a changed address, a
// locked log-in. Sent at once, never gathered into a digest, and never saying more than the
// person it goes to already knows.
import { escapeHtml } from '../../lib/escape.js';
import type { Mail } from '../../mail/outbox.repository.js';
import { mailSite } from '../../mail/mail-site.js';

type Paragraph = string | { text: string; href: string };

/** A plain message of paragraphs, some of them a link, as text and as HTML. */
function accountMail(to: string, subject: string, greeting: string, paragraphs: Paragraph[]): Mail {
  const site = mailSite();
  const text = [greeting, '', ...paragraphs.flatMap((p) => [typeof p === 'string' ? p : `${p.text}: ${p.href}`, '']), `-- ${site.archiveName}`].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a></p>`)),
    `<hr><p style="font-size:small">${escapeHtml(site.archiveName)}</p>`,
  ].join('\n');
  return { to, subject: `[${site.archiveName}] ${subject}`, text, html };
}

const siteLink = (path: string): string => `${mailSite().baseUrl}${path}`;

export function confirmationMail(to: string, login: string, token: string, hours: number): Mail {
  return accountMail(to, 'Confirm your email address', `Hello ${login},`, [
    `Welcome to ${mailSite().archiveName}! Please confirm this is your address, so you can post works and comment.`,
    { text: 'Confirm my address', href: siteLink(`/confirm/${token}`) },
    `The link works once and for ${hours} hours. If you did not make this account, you can ignore this email.`,
  ]);
}

export function resetMail(to: string, login: string, token: string, minutes: number): Mail {
  return accountMail(to, 'Reset your password', `Hello ${login},`, [
    'Someone (we hope you) asked to reset the password of your account.',
    { text: 'Choose a new password', href: siteLink(`/password/reset/${token}`) },
    `The link works once and for ${minutes} minutes. Choosing a new password logs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.`,
  ]);
}

export function emailChangeMail(to: string, login: string, token: string, hours: number): Mail {
  return accountMail(to, 'Confirm your new email address', `Hello ${login},`, [
    `You asked to use this address for your account at ${mailSite().archiveName}. It takes effect once you confirm it.`,
    { text: 'Confirm my new address', href: siteLink(`/confirm/${token}`) },
    `The link works once and for ${hours} hours.`,
  ]);
}

export function emailChangeRequestedNotice(to: string, login: string, newEmail: string): Mail {
  return accountMail(to, 'A change of your email address was asked for', `Hello ${login},`, [
    `Someone logged in to your account asked to move it to ${newEmail}. Nothing changes until that address confirms it.`,
    'If this was not you, someone knows your password: choose a new one now (that logs out every session), and write to the archive\'s administrators.',
    { text: 'Reset my password', href: siteLink('/password/forgot') },
  ]);
}

export function emailChangedNotice(to: string, login: string, newEmail: string): Mail {
  return accountMail(to, 'Your email address was changed', `Hello ${login},`, [
    `The email address of your account is now ${newEmail}. Email about your account goes there from now on.`,
    'If you did not make this change, reset your password at once from the log-in page and write to the archive\'s administrators.',
    { text: 'Reset my password', href: siteLink('/password/forgot') },
  ]);
}

export function lockedMail(to: string, login: string, failures: number): Mail {
  return accountMail(to, 'Log-ins to your account are being slowed down', `Hello ${login},`, [
    `There have been ${failures} failed attempts in a row to log in to your account. Each further attempt now has to wait longer, so nobody can go on guessing your password.`,
    'If these were you, wait a few minutes and try again, or reset your password. If not, your password held; a long one that you use nowhere else keeps it that way.',
    { text: 'Reset my password', href: siteLink('/password/forgot') },
  ]);
}

export function passwordChangedNotice(to: string, login: string): Mail {
  return accountMail(to, 'Your password was changed', `Hello ${login},`, [
    'The password of your account was just changed, and every session logged in to it was ended.',
    'If you did not do this, reset your password now and write to the archive\'s administrators.',
    { text: 'Reset my password', href: siteLink('/password/forgot') },
  ]);
}

export function invitationMail(to: string, code: string): Mail {
  return accountMail(to, 'Your invitation', 'Hello,', [
    `Your invitation to join ${mailSite().archiveName} has arrived. It works once.`,
    { text: 'Make my account', href: siteLink(`/signup?invitation=${code}`) },
    `Your invitation code, if the link does not open: ${code}`,
  ]);
}
