// What an email needs to know about the archive it comes from: its name, the address readers
// use (links in email are absolute), and the secret that signs unsubscribe links. Set once by
// buildApp; mail is composed inside the transaction that causes it, far from any request.
import { createHmac } from 'node:crypto';
import { rewriteExternalImages, type ExternalImageMode } from '../lib/external-images.js';

export type MailSite = { archiveName: string; baseUrl: string; secret: string; externalImages: ExternalImageMode };

let site: MailSite = { archiveName: 'Bindery', baseUrl: 'http://localhost:3000', secret: 'unset', externalImages: 'proxy' };

/** Called by buildApp. */
export function setMailSite(next: MailSite): void {
  site = next;
}

/** The archive as email names and links it. */
export function mailSite(): MailSite {
  return site;
}

/** The signature of an unsubscribe link for one member and one kind of email. */
export function unsubscribeSignature(userId: number, kind: string): string {
  return createHmac('sha256', site.secret).update(`unsubscribe:${kind}:${userId}`).digest('base64url').slice(0, 32);
}

/**
 * User HTML as an email may show it: a mail program that loads an image would tell its host when
 * the member read the email, so images follow the archive's EXTERNAL_IMAGES mode, by absolute address.
 */
export function mailHtml(html: string): string {
  return rewriteExternalImages(html, { mode: site.externalImages, secret: site.secret, origin: site.baseUrl });
}
